// Commands publish what they did once their transaction has committed, never before:
// a receiver that reads the object must find it.
import type { Tx } from '../transaction.ts';
import type { LiveEvent } from './events.ts';

export function publishAfterCommit(tx: Tx, event: LiveEvent): void {
  tx.afterCommit(() => tx.ctx.bus.publish(event));
}

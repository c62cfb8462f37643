// A unit of work: one database transaction, one "now" for every row it writes, and
// callbacks that run only once it has committed (publishing events, waking workers).
import type { Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';

export interface Tx {
  db: Transaction<Database>;
  now: Date;
  ctx: AppContext;
  afterCommit(fn: () => void | Promise<void>): void;
}

export async function inTransaction<T>(ctx: AppContext, work: (tx: Tx) => Promise<T>): Promise<T> {
  const callbacks: (() => void | Promise<void>)[] = [];
  const now = ctx.clock.now();
  const result = await ctx.db
    .transaction()
    .execute((db) => work({ db, now, ctx, afterCommit: (fn) => callbacks.push(fn) }));
  for (const fn of callbacks) {
    try {
      await fn();
    } catch (error) {
      ctx.logger.error({ err: error }, 'after-commit callback failed');
    }
  }
  return result;
}

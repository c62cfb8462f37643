import type { AppContext } from '../../../context.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { endAllSessions, endSession } from '../../../platform/auth/sessions.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction } from '../../../platform/transaction.ts';

// In a transaction like every write, so the session cache of this process has dropped the
// session before the answer leaves (see platform/transaction.ts).
export async function signOut(ctx: AppContext, actor: Actor | null): Promise<void> {
  if (actor) await inTransaction(ctx, (tx) => endSession(tx.db, actor.sessionId));
}

/** Ends every session of the account (a lost phone, a shared computer), audited. */
export function signOutEverywhere(ctx: AppContext, actor: Actor, meta: RequestMeta): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const ended = await endAllSessions(tx.db, actor.id);
    publishAfterCommit(tx, { type: 'sessions.ended', userId: actor.id });
    await audit(tx.db, {
      action: 'auth.sign_out_everywhere',
      actor: actorRef(actor),
      target: { type: 'user', ...actorRef(actor) },
      details: { sessionsEnded: ended },
      meta,
      at: tx.now,
    });
  });
}

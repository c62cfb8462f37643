import type { AppContext } from '../../../context.ts';
import { audit } from '../../../platform/audit.ts';
import { endAllSessions } from '../../../platform/auth/sessions.ts';
import { conflict } from '../../../platform/errors.ts';
import { actorRef } from '../../../platform/http/request.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { auditSnapshot, userLabel } from '../presenters.ts';
import { type ChangeAccountInput, guardAccountChange } from './change-role.ts';

/** Deactivation ends every session and pending password reset of the account at once. */
export function deactivateUser(ctx: AppContext, input: ChangeAccountInput) {
  return inTransaction(ctx, (tx) => deactivateUserIn(tx, input));
}

/** The same, inside the caller's transaction (a moderator's suspension writes its case too). */
export async function deactivateUserIn(tx: Tx, input: ChangeAccountInput & { reason?: string }) {
  {
    const user = await guardAccountChange(tx, input, true);
    if (user.status === 'deactivated') return user;
    await tx.db
      .updateTable('users')
      .set({ status: 'deactivated', deactivated_at: tx.now, updated_at: tx.now })
      .where('id', '=', user.id)
      .execute();
    const sessions = await endAllSessions(tx.db, user.id);
    // Open WebSocket connections close at once too.
    publishAfterCommit(tx, { type: 'sessions.ended', userId: user.id });
    await tx.db
      .deleteFrom('password_resets')
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    const updated = { ...user, status: 'deactivated' as const, deactivated_at: tx.now, updated_at: tx.now };
    await audit(tx.db, {
      action: 'user.deactivated',
      actor: actorRef(input.actor),
      target: { type: 'user', id: user.id, label: userLabel(user) },
      before: auditSnapshot(user),
      after: auditSnapshot(updated),
      details: input.reason ? { sessionsEnded: sessions, reason: input.reason } : { sessionsEnded: sessions },
      meta: input.meta,
      at: tx.now,
    });
    return updated;
  }
}

export function reactivateUser(ctx: AppContext, input: ChangeAccountInput) {
  return inTransaction(ctx, async (tx) => {
    const user = await guardAccountChange(tx, input, false);
    if (user.status === 'active') return user;
    // An erased account has nothing left to come back to.
    if (user.erased_at) throw conflict('conflict', 'An erased person cannot be reactivated.');
    await tx.db
      .updateTable('users')
      .set({ status: 'active', deactivated_at: null, updated_at: tx.now })
      .where('id', '=', user.id)
      .execute();
    const updated = { ...user, status: 'active' as const, deactivated_at: null, updated_at: tx.now };
    await audit(tx.db, {
      action: 'user.reactivated',
      actor: actorRef(input.actor),
      target: { type: 'user', id: user.id, label: userLabel(user) },
      before: auditSnapshot(user),
      after: auditSnapshot(updated),
      meta: input.meta,
      at: tx.now,
    });
    return updated;
  });
}

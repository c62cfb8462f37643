import type { AppContext } from '../../../context.ts';
import type { Role } from '../../../db/schema.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, forbidden, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { auditSnapshot, userLabel } from '../presenters.ts';
import { findUser, lockActiveAdmins } from '../queries.ts';

export interface ChangeAccountInput {
  actor: Actor;
  userId: string;
  meta: RequestMeta;
}

/**
 * Shared guard of role changes and deactivation: never on oneself, and never leaving
 * the organisation without an active administrator. The admin rows are locked so two
 * administrators demoting each other at the same moment cannot both succeed.
 */
export async function guardAccountChange(
  tx: Parameters<Parameters<typeof inTransaction>[1]>[0],
  input: ChangeAccountInput,
  removesAdmin: boolean,
) {
  if (input.userId === input.actor.id) {
    throw conflict('cannot_change_self', 'You cannot change your own role or deactivate yourself.');
  }
  const admins = await lockActiveAdmins(tx);
  if (!admins.includes(input.actor.id)) throw forbidden();
  const user = await findUser(tx.db, input.userId);
  if (!user) throw notFound('User');
  if (removesAdmin && admins.includes(user.id) && admins.length <= 1) {
    throw conflict('last_admin', 'The organisation must keep at least one active administrator.');
  }
  return user;
}

export function changeRole(ctx: AppContext, input: ChangeAccountInput & { role: Role }) {
  return inTransaction(ctx, async (tx) => {
    const user = await guardAccountChange(tx, input, input.role !== 'admin');
    if (user.role === input.role) return user;
    await tx.db
      .updateTable('users')
      .set({ role: input.role, updated_at: tx.now })
      .where('id', '=', user.id)
      .execute();
    const updated = { ...user, role: input.role, updated_at: tx.now };
    await audit(tx.db, {
      action: 'user.role_changed',
      actor: actorRef(input.actor),
      target: { type: 'user', id: user.id, label: userLabel(user) },
      before: auditSnapshot(user),
      after: auditSnapshot(updated),
      meta: input.meta,
      at: tx.now,
    });
    // Open WebSockets re-read the account: a colleague demoted to guest stops hearing of
    // colleagues' profile posts at once, not at their next connection.
    publishAfterCommit(tx, { type: 'sessions.ended', userId: user.id });
    return updated;
  });
}

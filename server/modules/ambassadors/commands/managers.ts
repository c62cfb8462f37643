// The communication-manager grant: an administrator gives a colleague the writing of share
// kits and the reading of the reach report, or takes it back — in one transaction with its
// audit record and activity event. Only an active colleague may hold it, never a guest.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';

interface Who {
  actor: Actor;
  meta: RequestMeta;
}

export async function setCommunicationManager(
  ctx: AppContext,
  who: Who,
  userId: string,
  manager: boolean,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'status', 'erased_at', 'communication_manager'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user || user.erased_at) throw notFound('User');
    // Withdrawing is always possible; granting only to an active colleague.
    if (manager && user.role === 'guest')
      throw new AppError(
        409,
        'communication_manager_not_eligible',
        'Guests cannot speak for the organisation: the communication-manager grant is for colleagues.',
      );
    if (manager && user.status !== 'active')
      throw new AppError(
        409,
        'communication_manager_not_eligible',
        'This account is deactivated: reactivate it first.',
      );
    if (user.communication_manager === manager) return;
    await tx.db
      .updateTable('users')
      .set({ communication_manager: manager, updated_at: tx.now })
      .where('id', '=', userId)
      .execute();
    await audit(tx.db, {
      action: 'user.communication_manager_changed',
      actor: actorRef(who.actor),
      target: { type: 'user', id: user.id, label: `${user.name} <${user.email}>` },
      before: { communicationManager: user.communication_manager },
      after: { communicationManager: manager },
      meta: who.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: who.actor.id,
      verb: manager ? 'ambassador.manager_granted' : 'ambassador.manager_withdrawn',
      objectType: 'user',
      objectId: user.id,
      at: tx.now,
    });
  });
}

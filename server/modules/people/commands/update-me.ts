import type { AppContext } from '../../../context.ts';
import type { Locale } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { findUser } from '../queries.ts';

export function updateMe(ctx: AppContext, actor: Actor, changes: { name?: string; locale?: Locale }) {
  return inTransaction(ctx, async (tx) => {
    await tx.db
      .updateTable('users')
      .set({ ...changes, updated_at: tx.now })
      .where('id', '=', actor.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'profile.updated',
      objectType: 'user',
      objectId: actor.id,
      data: { fields: Object.keys(changes) },
      at: tx.now,
    });
    const user = await findUser(tx.db, actor.id);
    if (!user) throw notFound('User');
    return user;
  });
}

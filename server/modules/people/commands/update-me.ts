import type { AppContext } from '../../../context.ts';
import type { UserUpdate } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { findUser } from '../queries.ts';

/** What a person may change of their own row: name and language, and their profile fields. */
export type OwnFields = Pick<UserUpdate, 'name' | 'locale' | 'job_title' | 'phone' | 'about' | 'languages'>;

/** Changes one's own row; a field left undefined is kept. The activity names the fields. */
export function updateMe(ctx: AppContext, actor: Actor, changes: OwnFields) {
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
      data: { fields: Object.keys(changes).filter((k) => changes[k as keyof OwnFields] !== undefined) },
      at: tx.now,
    });
    const user = await findUser(tx.db, actor.id);
    if (!user) throw notFound('User');
    return user;
  });
}

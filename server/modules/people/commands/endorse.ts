// Endorsing a colleague's skill. One endorsement per endorser and skill; the person is
// notified once for it (endorsing again after withdrawing does not notify twice).
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { peoplePolicy } from '../policies.ts';

export function setEndorsement(
  ctx: AppContext,
  input: { actor: Actor; userId: string; key: string; on: boolean },
) {
  return inTransaction(ctx, async (tx) => {
    const skill = await tx.db
      .selectFrom('user_skills as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.name', 'u.role', 'u.status'])
      .where('s.user_id', '=', input.userId)
      .where('s.key', '=', input.key)
      .executeTakeFirst();
    if (!skill || !peoplePolicy.canSeeProfile(input.actor, input.userId)) {
      throw notFound('Skill');
    }
    if (input.on && !peoplePolicy.canEndorse(input.actor, { id: input.userId, ...skill })) {
      throw forbidden('You can endorse the skills of active colleagues, not your own.');
    }
    if (!input.on) {
      const gone = await tx.db
        .deleteFrom('skill_endorsements')
        .where('user_id', '=', input.userId)
        .where('key', '=', input.key)
        .where('endorser_id', '=', input.actor.id)
        .executeTakeFirst();
      if (gone.numDeletedRows > 0n) {
        await recordActivity(tx.db, {
          actorId: input.actor.id,
          verb: 'skill.unendorsed',
          objectType: 'user',
          objectId: input.userId,
          data: { skill: input.key },
          at: tx.now,
        });
      }
      return;
    }
    const added = await tx.db
      .insertInto('skill_endorsements')
      .values({ user_id: input.userId, key: input.key, endorser_id: input.actor.id, created_at: tx.now })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!added) return;
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'skill.endorsed',
      objectType: 'user',
      objectId: input.userId,
      data: { skill: input.key },
      at: tx.now,
    });
    const already = await tx.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', input.userId)
      .where('actor_id', '=', input.actor.id)
      .where('kind', '=', 'skill_endorsed')
      .where(({ ref }) => ref('data', '->>').key('key'), '=', input.key)
      .executeTakeFirst();
    if (!already) {
      await notify(tx, {
        recipients: [input.userId],
        kind: 'skill_endorsed',
        actorId: input.actor.id,
        data: { skill: skill.name, key: input.key },
      });
    }
  });
}

// Following people and tags: what comes into one's home feed. Both are idempotent.
import { TAG_PATTERN } from '../../../../common/rich-text.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { notFound, ValidationError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { authorize } from '../../../platform/policy.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { streamPolicy } from '../policies.ts';

/** A tag as stored: lowercase, without its '#'; anything else is a validation error. */
export function normaliseTag(raw: string): string {
  const tag = raw.trim().replace(/^#/, '').toLowerCase();
  if (!TAG_PATTERN.test(tag))
    throw new ValidationError([
      { field: 'tag', reason: 'invalid_format', message: 'Tags are letters, digits, _ and -.' },
    ]);
  return tag;
}

export async function setFollowPerson(
  ctx: AppContext,
  input: { actor: Actor; personId: string; on: boolean },
): Promise<boolean> {
  const { actor, personId, on } = input;
  if (personId === actor.id)
    throw new ValidationError([{ field: 'id', reason: 'invalid', message: 'You cannot follow yourself.' }]);
  return inTransaction(ctx, async (tx) => {
    let changed: boolean;
    if (on) {
      authorize(streamPolicy.canFollowPeople(actor), 'Guests do not follow people.');
      const person = await tx.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', personId)
        .where('status', '=', 'active')
        .where('role', '!=', 'guest')
        .executeTakeFirst();
      if (!person) throw notFound('Person');
      const inserted = await tx.db
        .insertInto('follows')
        .values({ follower_id: actor.id, followee_id: personId, created_at: tx.now })
        .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
        .returning('followee_id')
        .executeTakeFirst();
      changed = inserted !== undefined;
    } else {
      const removed = await tx.db
        .deleteFrom('follows')
        .where('follower_id', '=', actor.id)
        .where('followee_id', '=', personId)
        .returning('followee_id')
        .executeTakeFirst();
      changed = removed !== undefined;
    }
    if (changed)
      await recordActivity(tx.db, {
        actorId: actor.id,
        verb: on ? 'person.followed' : 'person.unfollowed',
        objectType: 'user',
        objectId: personId,
        at: tx.now,
      });
    return on;
  });
}

export async function setFollowTag(
  ctx: AppContext,
  input: { actor: Actor; tag: string; on: boolean },
): Promise<boolean> {
  const { actor, on } = input;
  const tag = normaliseTag(input.tag);
  return inTransaction(ctx, async (tx) => {
    const changed = on
      ? await tx.db
          .insertInto('tag_follows')
          .values({ user_id: actor.id, tag, created_at: tx.now })
          .onConflict((oc) => oc.columns(['user_id', 'tag']).doNothing())
          .returning('tag')
          .executeTakeFirst()
      : await tx.db
          .deleteFrom('tag_follows')
          .where('user_id', '=', actor.id)
          .where('tag', '=', tag)
          .returning('tag')
          .executeTakeFirst();
    if (changed)
      await recordActivity(tx.db, {
        actorId: actor.id,
        verb: on ? 'tag.followed' : 'tag.unfollowed',
        objectType: 'tag',
        objectId: tag,
        at: tx.now,
      });
    return on;
  });
}

// A person's own profile: the fields they fill in, and their skills.
import type { z } from 'zod';
import type { ProfileUpdateBody } from '../../../../common/schemas/people.ts';
import { skillKey } from '../../../../common/skills.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { updateMe } from './update-me.ts';

/** The profile fields; null (or spaces, or an empty about text) clears one. */
export function updateProfile(ctx: AppContext, actor: Actor, changes: z.output<typeof ProfileUpdateBody>) {
  return updateMe(ctx, actor, {
    job_title: changes.jobTitle,
    phone: changes.phone,
    about: changes.about === '' ? null : changes.about,
    languages: changes.languages === undefined ? undefined : [...new Set(changes.languages ?? [])],
  });
}

/**
 * Replaces the list. A skill kept (same key, whatever its spelling now) keeps its
 * endorsements and takes the new spelling; a skill left out goes with its endorsements.
 * Two entries with one key are one skill, at the first one's place.
 */
export function setSkills(ctx: AppContext, actor: Actor, names: readonly string[]) {
  return inTransaction(ctx, async (tx) => {
    const wanted = new Map<string, string>();
    for (const name of names) {
      const key = skillKey(name);
      if (!wanted.has(key)) wanted.set(key, name);
    }
    // One save at a time per person: with no skills yet there is no skill row to lock.
    await tx.db.selectFrom('users').select('id').where('id', '=', actor.id).forUpdate().execute();
    const existing = await tx.db
      .selectFrom('user_skills')
      .select(['key', 'name', 'position'])
      .where('user_id', '=', actor.id)
      .forUpdate()
      .execute();
    const removed = existing.filter((s) => !wanted.has(s.key)).map((s) => s.key);
    if (removed.length > 0) {
      await tx.db
        .deleteFrom('user_skills')
        .where('user_id', '=', actor.id)
        .where('key', 'in', removed)
        .execute();
    }
    const before = new Map(existing.map((s) => [s.key, s]));
    let position = 0;
    for (const [key, name] of wanted) {
      const old = before.get(key);
      if (!old) {
        await tx.db
          .insertInto('user_skills')
          .values({ user_id: actor.id, key, name, position, created_at: tx.now })
          .execute();
      } else if (old.name !== name || old.position !== position) {
        await tx.db
          .updateTable('user_skills')
          .set({ name, position })
          .where('user_id', '=', actor.id)
          .where('key', '=', key)
          .execute();
      }
      position += 1;
    }
    const added = [...wanted.keys()].filter((k) => !before.has(k));
    const renamed = [...wanted]
      .filter(([k, name]) => before.has(k) && before.get(k)?.name !== name)
      .map(([k]) => k);
    if (added.length > 0 || removed.length > 0 || renamed.length > 0) {
      await recordActivity(tx.db, {
        actorId: actor.id,
        verb: 'profile.skills_changed',
        objectType: 'user',
        objectId: actor.id,
        data: { added, removed, renamed },
        at: tx.now,
      });
    }
  });
}

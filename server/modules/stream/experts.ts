// Who is likely to answer a question: scored on its title and tags like "who knows about X"
// (people/expertise.ts: skills, endorsements, and writings the asker may read), and only
// people who may read the question are suggested, so asking them is never a dead end.
import type { Expert } from '../../../common/schemas/stream.ts';
import type { Db } from '../../db/database.ts';
import { scoreExpertise } from '../people/expertise.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { type PostAccess, readersAmong } from './access.ts';
import { presentPersonRef } from './presenters.ts';

const SUGGESTIONS = 5;

export async function suggestExperts(db: Db, asker: Viewer, access: PostAccess): Promise<Expert[]> {
  const { post } = access;
  const tags = await db.selectFrom('post_tags').select('tag').where('post_id', '=', post.id).execute();
  const text = [post.title ?? '', ...tags.map((t) => t.tag)].join(' ');
  // A tag may be a skill's whole name (#go, #sql); the title is not.
  const subject = { text, names: tags.map((t) => t.tag), match: 'any' as const };
  // Every candidate is checked before the best are kept: skills bring people from the whole
  // organisation, and the best of them may not be in a private question's space.
  const scored = await scoreExpertise(db, asker, subject, {
    excludePostId: post.id,
    excludeUserId: asker.id,
  });
  const readers = new Set(
    await readersAmong(
      db,
      post,
      access.space,
      scored.map((r) => r.userId),
    ),
  );
  const chosen = scored.filter((r) => readers.has(r.userId)).slice(0, SUGGESTIONS);
  if (chosen.length === 0) return [];
  const ids = chosen.map((r) => r.userId);
  const [people, asked] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'name', 'handle', 'job_title'])
      .where('id', 'in', ids)
      .where('role', '!=', 'guest')
      .execute(),
    db
      .selectFrom('notifications')
      .select('user_id')
      .where('post_id', '=', post.id)
      .where('kind', '=', 'expert_request')
      .where('user_id', 'in', ids)
      .execute(),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const askedIds = new Set(asked.map((a) => a.user_id));
  return chosen.flatMap((r) => {
    const person = byId.get(r.userId);
    if (!person) return [];
    return [
      {
        person: presentPersonRef(person),
        skills: r.skills,
        answers: r.answers,
        acceptedAnswers: r.acceptedAnswers,
        posts: r.posts,
        asked: askedIds.has(person.id),
      },
    ];
  });
}

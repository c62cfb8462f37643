// Who is likely to answer a question: the people who wrote, answered and had answers
// accepted on its words. Only what the asker may read counts (so a suggestion reveals
// nothing of a space they cannot see), and only people who may read the question are
// suggested (so asking them is never a dead end). Recent matches weigh: the 2,000 most
// recent writings on the words are scored, so the cost does not grow with the archive.
import { type RawBuilder, sql } from 'kysely';
import { CONTENT_KINDS } from '../../../common/schemas/search.ts';
import type { Expert } from '../../../common/schemas/stream.ts';
import type { Db } from '../../db/database.ts';
import { UNPREPARED } from '../../db/prepared-client.ts';
import { searchTerms } from '../search/terms.ts';
import { searchableDocuments, type Viewer } from '../spaces/visibility.ts';
import { type PostAccess, readersAmong } from './access.ts';
import { presentPersonRef } from './presenters.ts';

const WINDOW = 2000;
const SUGGESTIONS = 5;

/** Any of the words (a question's words are not all in one answer), by French or English stem. */
function anyWord(text: string): RawBuilder<unknown> | null {
  const terms = searchTerms(text);
  const words = [...terms.words, ...(terms.prefix ? [terms.prefix] : [])].filter((w) => w.length > 2);
  if (words.length === 0) return null;
  return sql`(${sql.join(
    words.map((w) => sql`(to_tsquery('trame_fr', ${w}) || to_tsquery('trame_en', ${w}))`),
    sql` || `,
  )})`;
}

export async function suggestExperts(db: Db, asker: Viewer, access: PostAccess): Promise<Expert[]> {
  const { post } = access;
  const tags = await db.selectFrom('post_tags').select('tag').where('post_id', '=', post.id).execute();
  const query = anyWord([post.title ?? '', ...tags.map((t) => t.tag)].join(' '));
  if (!query) return [];
  const recent = db
    .selectFrom('search_documents')
    .modifyFront(sql.raw(UNPREPARED))
    .select(['search_documents.id', 'search_documents.kind', 'search_documents.author_id'])
    .where(sql<boolean>`search_documents.tsv @@ ${query}`)
    .where((eb) => searchableDocuments(eb, asker))
    .where('search_documents.kind', 'in', CONTENT_KINDS)
    .where('search_documents.author_id', '!=', asker.id)
    .where('search_documents.post_id', '!=', post.id)
    .orderBy('search_documents.created_at', 'desc')
    .limit(WINDOW)
    .as('m');
  const scored = await db
    .selectFrom(recent)
    .leftJoin('posts as accepted', 'accepted.accepted_comment_id', 'm.id')
    .select([
      'm.author_id',
      sql<number>`count(*) filter (where m.kind = 'answer')::int`.as('answers'),
      sql<number>`count(accepted.id)::int`.as('accepted'),
      sql<number>`count(*) filter (where m.kind <> 'answer')::int`.as('posts'),
      // An accepted answer says most, any answer more than a post or comment on the words.
      sql<number>`(count(*) + 2 * count(*) filter (where m.kind = 'answer') + 4 * count(accepted.id))::int`.as(
        'score',
      ),
    ])
    .groupBy('m.author_id')
    .orderBy('score', 'desc')
    .orderBy('m.author_id')
    .limit(SUGGESTIONS * 4)
    .execute();
  const authorIds = scored.map((r) => r.author_id).filter((id): id is string => id !== null);
  const readers = new Set(await readersAmong(db, post, access.space, authorIds));
  const chosen = scored.filter((r) => r.author_id && readers.has(r.author_id)).slice(0, SUGGESTIONS);
  if (chosen.length === 0) return [];
  const ids = chosen.map((r) => r.author_id as string);
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
    const person = byId.get(r.author_id as string);
    if (!person) return [];
    return [
      {
        person: presentPersonRef(person),
        answers: r.answers,
        acceptedAnswers: r.accepted,
        posts: r.posts,
        asked: askedIds.has(person.id),
      },
    ];
  });
}

// Who knows about a subject, for "who knows about X" and for a question's suggested experts.
// Three signals, scored (docs/people.md): declared skills that match the subject, colleagues'
// endorsements of those skills, and what people wrote on it. Writings count only where the
// reader may read them (so a ranking reveals nothing of a space they cannot see), and only
// the most recent matches are scored, so the cost does not grow with the archive. Skills and
// endorsements are public to colleagues.
import { type RawBuilder, sql } from 'kysely';
import { CONTENT_KINDS } from '../../../common/schemas/search.ts';
import { skillKey } from '../../../common/skills.ts';
import type { Db } from '../../db/database.ts';
import { UNPREPARED } from '../../db/prepared-client.ts';
import { searchTerms } from '../search/terms.ts';
import { searchableDocuments, type Viewer } from '../spaces/visibility.ts';
import { peoplePolicy } from './policies.ts';

const WINDOW = 2000;
/** Candidates each signal brings before they are merged and ranked. */
const CANDIDATES = 200;

export const POINTS = { skill: 5, endorsement: 2, writing: 1, answer: 3, acceptedAnswer: 7 } as const;

export interface Subject {
  text: string;
  /** Names a skill may have exactly (a short one like "Go" has no word to stem); the text by default. */
  names?: string[];
  /** any: a question's words are not all in one answer; all: "who knows about X" means X. */
  match: 'any' | 'all';
}

export interface Scope {
  /** Writings in this post do not count (a question's own thread). */
  excludePostId?: string;
  excludeUserId?: string;
  departmentId?: string;
  siteId?: string;
}

export interface ExpertiseScore {
  userId: string;
  skills: { name: string; endorsements: number }[];
  answers: number;
  acceptedAnswers: number;
  posts: number;
  score: number;
}

/** The subject's words (of three letters or more), each by French or English stem. */
function wordsQuery(subject: Subject): RawBuilder<unknown> | null {
  const terms = searchTerms(subject.text);
  const words = [...terms.words, ...(terms.prefix ? [terms.prefix] : [])].filter((w) => w.length > 2);
  if (words.length === 0) return null;
  return sql`(${sql.join(
    words.map((w) => sql`(to_tsquery('trame_fr', ${w}) || to_tsquery('trame_en', ${w}))`),
    subject.match === 'any' ? sql` || ` : sql` && `,
  )})`;
}

export async function scoreExpertise(
  db: Db,
  reader: Viewer,
  subject: Subject,
  scope: Scope = {},
): Promise<ExpertiseScore[]> {
  const query = wordsQuery(subject);
  // A short subject ("Go", "R", "C#") has no word to stem, but is a skill's name.
  const exactKeys = (subject.names ?? [subject.text]).map(skillKey).filter((k) => k.length > 0);
  // Skills and endorsements are colleagues' to see: a guest asking a question is pointed only
  // to what they may read, never to profiles they may not open.
  const [skills, writings] = await Promise.all([
    peoplePolicy.canBrowseDirectory(reader)
      ? matchingSkills(db, query, exactKeys, scope)
      : Promise.resolve([]),
    query ? writingsOn(db, reader, query, scope) : Promise.resolve([]),
  ]);
  const byUser = new Map<string, ExpertiseScore>();
  const entry = (userId: string) => {
    let e = byUser.get(userId);
    if (!e) {
      e = { userId, skills: [], answers: 0, acceptedAnswers: 0, posts: 0, score: 0 };
      byUser.set(userId, e);
    }
    return e;
  };
  for (const s of skills) {
    const e = entry(s.user_id);
    e.skills.push({ name: s.name, endorsements: s.endorsements });
    e.score += POINTS.skill + POINTS.endorsement * s.endorsements;
  }
  for (const w of writings) {
    const e = entry(w.author_id);
    e.answers = w.answers;
    e.acceptedAnswers = w.accepted;
    e.posts = w.posts;
    e.score += w.score;
  }
  return [...byUser.values()].sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
}

/** Active colleagues in the scope: only they are ranked. */
function candidatePeople(db: Db, scope: Scope) {
  let people = db
    .selectFrom('users')
    .select('users.id')
    .where('status', '=', 'active')
    .where('role', '!=', 'guest');
  if (scope.departmentId) people = people.where('department_id', '=', scope.departmentId);
  if (scope.siteId) people = people.where('site_id', '=', scope.siteId);
  if (scope.excludeUserId) people = people.where('users.id', '!=', scope.excludeUserId);
  return people;
}

async function matchingSkills(db: Db, query: RawBuilder<unknown> | null, exactKeys: string[], scope: Scope) {
  if (!query && exactKeys.length === 0) return [];
  return db
    .selectFrom('user_skills as s')
    .modifyFront(sql.raw(UNPREPARED))
    .select(['s.user_id', 's.name'])
    .select((eb) =>
      eb
        .selectFrom('skill_endorsements as e')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('e.user_id', '=', 's.user_id')
        .whereRef('e.key', '=', 's.key')
        .as('endorsements'),
    )
    .$narrowType<{ endorsements: number }>()
    .where((eb) =>
      eb.or([
        ...(exactKeys.length > 0 ? [eb('s.key', 'in', exactKeys)] : []),
        ...(query ? [sql<boolean>`s.tsv @@ ${query}`] : []),
      ]),
    )
    .where('s.user_id', 'in', candidatePeople(db, scope))
    .orderBy('endorsements', 'desc')
    .orderBy('s.user_id')
    .limit(CANDIDATES)
    .execute();
}

function writingsOn(db: Db, reader: Viewer, query: RawBuilder<unknown>, scope: Scope) {
  let recent = db
    .selectFrom('search_documents')
    .modifyFront(sql.raw(UNPREPARED))
    .select(['search_documents.id', 'search_documents.kind', 'search_documents.author_id'])
    .where(sql<boolean>`search_documents.tsv @@ ${query}`)
    .where((eb) => searchableDocuments(eb, reader))
    .where('search_documents.kind', 'in', CONTENT_KINDS);
  if (scope.excludePostId) recent = recent.where('search_documents.post_id', '!=', scope.excludePostId);
  if (scope.excludeUserId) recent = recent.where('search_documents.author_id', '!=', scope.excludeUserId);
  if (scope.departmentId || scope.siteId) {
    recent = recent.where('search_documents.author_id', 'in', candidatePeople(db, scope));
  }
  const window = recent.orderBy('search_documents.created_at', 'desc').limit(WINDOW).as('m');
  return db
    .selectFrom(window)
    .innerJoin('users as u', 'u.id', 'm.author_id')
    .leftJoin('posts as accepted', 'accepted.accepted_comment_id', 'm.id')
    .select([
      'u.id as author_id',
      sql<number>`count(*) filter (where m.kind = 'answer')::int`.as('answers'),
      sql<number>`count(accepted.id)::int`.as('accepted'),
      sql<number>`count(*) filter (where m.kind <> 'answer')::int`.as('posts'),
      // The points of POINTS, in the query so the window keeps the best writers.
      sql<number>`(${sql.lit(POINTS.writing)} * count(*) filter (where m.kind <> 'answer')
        + ${sql.lit(POINTS.answer)} * (count(*) filter (where m.kind = 'answer') - count(accepted.id))
        + ${sql.lit(POINTS.acceptedAnswer)} * count(accepted.id))::int`.as('score'),
    ])
    .where('u.status', '=', 'active')
    .where('u.role', '!=', 'guest')
    .groupBy('u.id')
    .orderBy('score', 'desc')
    .orderBy('u.id')
    .limit(CANDIDATES)
    .execute();
}

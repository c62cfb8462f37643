// The roll-ups: daily tables derived from the activity log, which is the only source (a
// roll-up is never written by a command). A refresh recomputes whole UTC days: it deletes
// the day's rows and inserts them again from the log, so running it twice changes nothing.
//
// Which days: every day holding an event added since the last refresh (the watermark is the
// highest event id read), plus today and yesterday always: identity values are taken when a
// transaction inserts, not when it commits, so an event with a lower id may become visible
// after a higher one was read; those late events are a few seconds old, hence on one of
// the two most recent days. Questions (analytics_questions) are merged instead of
// recomputed (first answer = the earliest, acceptance = the latest accept or withdrawal).
//
// A rebuild recomputes everything, one batch of REBUILD_BATCH_DAYS days per transaction, in
// order of time: 50 million events do not need one giant transaction, each batch reads the
// log through its index on `at`, and readers see finished days while the rest is built.

import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';

type Trx = Db | Transaction<Database>;

const DAY_MS = 86_400_000;
/** Days recomputed per transaction by a rebuild. */
export const REBUILD_BATCH_DAYS = 7;

/** Verbs counted in each column of the person-day tables. */
export const VERBS = {
  visits: ['user.visited'],
  posts: ['post.created'],
  questions: ['question.asked'],
  comments: ['comment.created'],
  answers: ['question.answered'],
  reactions: ['reaction.set', 'comment_reaction.set'],
  shares: ['post.shared'],
  votes: ['answer.voted', 'poll.voted'],
  pages: ['knowledge.page_created', 'knowledge.saved_from_post'],
  events: ['event.created'],
  invitations: ['invitation.sent'],
} as const;

/** Interactions aimed at someone else's content, by kind of the cross-department matrix. */
export const INTERACTION_VERBS = {
  comment: ['comment.created'],
  answer: ['question.answered'],
  reaction: ['reaction.set', 'comment_reaction.set'],
  share: ['post.shared'],
} as const;

const list = (verbs: readonly string[]) => sql.join(verbs.map((v) => sql.lit(v)));
const count = (verbs: readonly string[]) => sql`count(*) FILTER (WHERE verb IN (${list(verbs)}))::int`;
const DAY = sql`(at AT TIME ZONE 'UTC')::date`;

export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
function startOf(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
function addDays(day: string, n: number): string {
  return dayOf(new Date(startOf(day).getTime() + n * DAY_MS));
}

/** Consecutive days grouped into ranges [from, to] (both included), so each range is one scan. */
export function dayRanges(days: string[]): { from: string; to: string }[] {
  const sorted = [...new Set(days)].sort();
  const ranges: { from: string; to: string }[] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && addDays(last.to, 1) === day) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}

/** Recomputes the day tables for the days [from, to] from the log (inside the caller's transaction). */
async function recomputeDays(db: Trx, from: string, to: string): Promise<void> {
  const start = startOf(from);
  const end = new Date(startOf(to).getTime() + DAY_MS);
  const inRange = sql`at >= ${start} AND at < ${end}`;
  const days = sql`day BETWEEN ${from}::date AND ${to}::date`;
  await sql`DELETE FROM analytics_person_days WHERE ${days}`.execute(db);
  await sql`DELETE FROM analytics_space_person_days WHERE ${days}`.execute(db);
  await sql`DELETE FROM analytics_space_days WHERE ${days}`.execute(db);
  await sql`DELETE FROM analytics_interaction_days WHERE ${days}`.execute(db);
  await sql`DELETE FROM analytics_page_days WHERE ${days}`.execute(db);
  await sql`DELETE FROM analytics_search_days WHERE ${days}`.execute(db);

  // Every action of a person counts them active that day; the columns count some verbs.
  await sql`
    INSERT INTO analytics_person_days (day, user_id, visits, posts, questions, comments, answers,
      reactions, shares, votes, pages, events, invitations, actions)
    SELECT ${DAY}, actor_id, ${count(VERBS.visits)}, ${count(VERBS.posts)}, ${count(VERBS.questions)},
      ${count(VERBS.comments)}, ${count(VERBS.answers)}, ${count(VERBS.reactions)}, ${count(VERBS.shares)},
      ${count(VERBS.votes)}, ${count(VERBS.pages)}, ${count(VERBS.events)}, ${count(VERBS.invitations)},
      count(*)::int
    FROM activity_events
    WHERE ${inRange} AND actor_id IS NOT NULL
    GROUP BY 1, 2`.execute(db);

  await sql`
    INSERT INTO analytics_space_person_days (day, space_id, user_id, posts, questions, comments,
      answers, reactions, shares, votes, pages, events, actions)
    SELECT ${DAY}, space_id, actor_id, ${count(VERBS.posts)}, ${count(VERBS.questions)},
      ${count(VERBS.comments)}, ${count(VERBS.answers)}, ${count(VERBS.reactions)}, ${count(VERBS.shares)},
      ${count(VERBS.votes)}, ${count(VERBS.pages)}, ${count(VERBS.events)}, count(*)::int
    FROM activity_events
    WHERE ${inRange} AND actor_id IS NOT NULL AND space_id IS NOT NULL
    GROUP BY 1, 2, 3`.execute(db);

  await sql`
    INSERT INTO analytics_space_days (day, space_id, posts, questions, comments, answers, reactions,
      shares, people)
    SELECT day, space_id, sum(posts), sum(questions), sum(comments), sum(answers), sum(reactions),
      sum(shares), count(*)
    FROM analytics_space_person_days
    WHERE ${days}
    GROUP BY day, space_id`.execute(db);

  // Departments are the people's current ones (a person who moves carries their history).
  const kind = sql`CASE
    ${sql.join(
      Object.entries(INTERACTION_VERBS).map(
        ([k, verbs]) => sql`WHEN e.verb IN (${list(verbs)}) THEN ${sql.lit(k)}`,
      ),
      sql` `,
    )} END`;
  const interactions = sql`
    SELECT (e.at AT TIME ZONE 'UTC')::date AS day, fu.department_id AS from_department_id,
      tu.department_id AS to_department_id, ${kind} AS kind, e.space_id
    FROM activity_events e
    LEFT JOIN users fu ON fu.id = e.actor_id
    LEFT JOIN users tu ON tu.id = e.target_id
    WHERE e.at >= ${start} AND e.at < ${end} AND e.target_id IS NOT NULL
      AND e.verb IN (${list(Object.values(INTERACTION_VERBS).flat())})`;
  await sql`
    INSERT INTO analytics_interaction_days (day, from_department_id, to_department_id, kind, space_id, n)
    SELECT day, from_department_id, to_department_id, kind, NULL, count(*)::int
    FROM (${interactions}) i
    GROUP BY 1, 2, 3, 4`.execute(db);
  await sql`
    INSERT INTO analytics_interaction_days (day, from_department_id, to_department_id, kind, space_id, n)
    SELECT day, from_department_id, to_department_id, kind, space_id, count(*)::int
    FROM (${interactions}) i
    WHERE space_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5`.execute(db);

  await sql`
    INSERT INTO analytics_page_days (day, page_id, space_id, created, edits, reads_by_others)
    SELECT ${DAY}, object_id::uuid, max(space_id::text)::uuid,
      ${count(VERBS.pages)},
      count(*) FILTER (WHERE verb IN ('knowledge.page_edited', 'knowledge.revision_restored'))::int,
      count(*) FILTER (WHERE verb = 'knowledge.page_read')::int
    FROM activity_events
    WHERE ${inRange} AND object_id IS NOT NULL
      AND verb IN ('knowledge.page_created', 'knowledge.saved_from_post', 'knowledge.page_edited',
        'knowledge.revision_restored', 'knowledge.page_read')
    GROUP BY 1, 2`.execute(db);

  await sql`
    INSERT INTO analytics_search_days (day, user_id, terms, searches, empty)
    SELECT ${DAY}, actor_id, data->>'terms', count(*)::int,
      count(*) FILTER (WHERE data->>'results' = '0')::int
    FROM activity_events
    WHERE ${inRange} AND verb = 'search.performed' AND actor_id IS NOT NULL
      AND data->>'terms' IS NOT NULL
    GROUP BY 1, 2, 3`.execute(db);

  // People who activated an account in these days, then everyone active in them: their
  // first contribution day (the earliest day with a contribution, from the table above).
  await sql`
    INSERT INTO analytics_people (user_id, invited_at, activated_at)
    SELECT DISTINCT ON (actor_id) actor_id,
      (CASE WHEN data->>'invitedAt' IS NOT NULL THEN data->>'invitedAt' END)::timestamptz, at
    FROM activity_events
    WHERE ${inRange} AND verb = 'user.activated' AND actor_id IS NOT NULL
    ORDER BY actor_id, at, id
    ON CONFLICT (user_id) DO UPDATE
      SET invited_at = excluded.invited_at, activated_at = excluded.activated_at`.execute(db);
  await sql`
    UPDATE analytics_people p
    SET first_contribution_day = (
      SELECT min(d.day) FROM analytics_person_days d
      WHERE d.user_id = p.user_id AND ${CONTRIBUTED} > 0
    )
    WHERE p.user_id IN (SELECT user_id FROM analytics_person_days WHERE ${days})`.execute(db);
}

/** A person-day's contributions: posts, questions, comments, answers, pages, events, shares. */
export const CONTRIBUTIONS = sql`(posts + questions + comments + answers + pages + events + shares)`;
const CONTRIBUTED = sql`(d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares)`;

/**
 * Merges question events matching `where` into analytics_questions: a question.asked adds
 * the question, answers move its first answer earlier, the latest acceptance (or its
 * withdrawal) sets when it was accepted. Merging the same events twice changes nothing.
 */
async function mergeQuestions(db: Trx, where: ReturnType<typeof sql>): Promise<void> {
  await sql`
    INSERT INTO analytics_questions (post_id, space_id, asker_id, asked_at)
    SELECT DISTINCT ON (object_id) object_id::uuid, space_id, actor_id, at
    FROM activity_events
    WHERE (${where}) AND verb = 'question.asked' AND object_id IS NOT NULL
    ORDER BY object_id, at, id
    ON CONFLICT (post_id) DO UPDATE
      SET space_id = excluded.space_id, asker_id = excluded.asker_id, asked_at = excluded.asked_at`.execute(
    db,
  );
  await sql`
    UPDATE analytics_questions q
    SET first_answer_at = LEAST(q.first_answer_at, a.first_at)
    FROM (
      SELECT data->>'postId' AS post_id, min(at) AS first_at
      FROM activity_events
      WHERE (${where}) AND verb = 'question.answered' AND data->>'postId' IS NOT NULL
      GROUP BY 1
    ) a
    WHERE q.post_id::text = a.post_id`.execute(db);
  await sql`
    UPDATE analytics_questions q
    SET accepted_at = CASE WHEN l.verb = 'question.answer_accepted' THEN l.at END
    FROM (
      SELECT DISTINCT ON (object_id) object_id, verb, at
      FROM activity_events
      WHERE (${where}) AND verb IN ('question.answer_accepted', 'question.answer_unaccepted')
      ORDER BY object_id, at DESC, id DESC
    ) l
    WHERE q.post_id::text = l.object_id`.execute(db);
}

async function finish(db: Trx, lastEventId: string | number, now: Date): Promise<void> {
  await db
    .updateTable('analytics_state')
    .set({ last_event_id: lastEventId, refreshed_at: now })
    .where('name', '=', 'rollups')
    .execute();
}

async function maxEventId(db: Trx): Promise<string> {
  const row = await sql<{ id: string | null }>`SELECT max(id)::text AS id FROM activity_events`.execute(db);
  return row.rows[0]?.id ?? '0';
}

/** Recomputes every day touched since the last refresh (and today and yesterday), in one transaction. */
export async function refreshRollups(db: Db, now: Date): Promise<{ days: number; refreshedAt: Date }> {
  return db.transaction().execute(async (trx) => {
    // One refresh at a time: a second waits, then finds little left to do.
    const state = await sql<{ last_event_id: string }>`
      SELECT last_event_id::text AS last_event_id FROM analytics_state WHERE name = 'rollups' FOR UPDATE`.execute(
      trx,
    );
    const watermark = state.rows[0]?.last_event_id ?? '0';
    const top = await maxEventId(trx);
    const today = dayOf(now);
    const yesterday = addDays(today, -1);
    const touched = await sql<{ day: string }>`
      SELECT DISTINCT to_char((at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day
      FROM activity_events WHERE id > ${watermark}::bigint AND id <= ${top}::bigint`.execute(trx);
    const days = [...new Set([yesterday, today, ...touched.rows.map((r) => r.day)])];
    for (const range of dayRanges(days)) await recomputeDays(trx, range.from, range.to);
    await mergeQuestions(
      trx,
      sql`(id > ${watermark}::bigint AND id <= ${top}::bigint) OR at >= ${startOf(yesterday)}`,
    );
    await finish(trx, top, now);
    return { days: days.length, refreshedAt: now };
  });
}

/**
 * Recomputes every roll-up from the whole log: the days from the first event to today, in
 * batches of REBUILD_BATCH_DAYS days, one transaction each, in order of time (questions
 * merge in that order, so the latest acceptance wins). The watermark is read first, so
 * events written during the rebuild are picked up by the next refresh.
 */
export async function rebuildRollups(db: Db, now: Date): Promise<{ days: number; refreshedAt: Date }> {
  const top = await maxEventId(db);
  const first = await sql<{ day: string | null }>`
    SELECT to_char((min(at) AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day FROM activity_events`.execute(db);
  const today = dayOf(now);
  const from = first.rows[0]?.day ?? today;
  const last = from > today ? from : today;
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM analytics_questions`.execute(trx);
    await sql`DELETE FROM analytics_people`.execute(trx);
    // Days before the first event (left by events since removed) go too.
    for (const table of [
      'analytics_person_days',
      'analytics_space_person_days',
      'analytics_space_days',
      'analytics_interaction_days',
      'analytics_page_days',
      'analytics_search_days',
    ])
      await sql`DELETE FROM ${sql.table(table)} WHERE day < ${from}::date OR day > ${last}::date`.execute(
        trx,
      );
  });
  let days = 0;
  for (let start = from; start <= last; start = addDays(start, REBUILD_BATCH_DAYS)) {
    const endDay = addDays(start, REBUILD_BATCH_DAYS - 1);
    const end = endDay < last ? endDay : last;
    await db.transaction().execute(async (trx) => {
      await recomputeDays(trx, start, end);
      const lo = startOf(start);
      const hi = new Date(startOf(end).getTime() + DAY_MS);
      await mergeQuestions(trx, sql`at >= ${lo} AND at < ${hi}`);
    });
    days += Math.round((startOf(end).getTime() - startOf(start).getTime()) / DAY_MS) + 1;
  }
  await finish(db, top, now);
  return { days, refreshedAt: now };
}

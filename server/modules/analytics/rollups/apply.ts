// Adds a batch of activity events to the roll-ups. Every roll-up is a sum, a minimum, a
// bitmap or a count of rows, so what a batch brings can be added to what is there
// (INSERT … ON CONFLICT DO UPDATE): the refresh applies the events it has not applied yet,
// a rebuild applies every event once into empty tables, and both end in the same rows.
// Distinct-people columns (a day's `active`, a space-day's `people`) are counted again from
// the person tables for the days the batch touched. Day tables count every event, whoever
// its actor; person tables only events with an actor (an erased person's events have none).
//
// The batch is the temporary table `analytics_batch` (see `stageBatch`), so each statement
// reads a few thousand staged rows, never the log.

import type { Transaction } from 'kysely';
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Database } from '../../../db/schema.ts';
import { WEEK } from '../../../platform/sql-weeks.ts';
import { BITS_ADDED, bitsOfDays } from './bits.ts';
import { CLICK_TABLES } from './clicks.ts';
import { countGroupActive, fileBatch } from './groups.ts';
import { countAllPageReuse, mergePageReads } from './pages.ts';
import { countAllQuestions, mergeQuestions } from './questions.ts';
import { applyShares, finalShares, SHARE_TABLES } from './shares.ts';

export type Trx = Db | Transaction<Database>;
type Sql = RawBuilder<unknown>;

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

type Column = keyof typeof VERBS | 'actions';
/** The columns of a day table (organisation, space, space type). */
export const DAY_COLUMNS = [
  'posts',
  'questions',
  'comments',
  'answers',
  'reactions',
  'shares',
  'votes',
  'pages',
  'events',
] as const;
/** The columns of a place's person-day (a space's, a space type's): no visits, no invitations. */
const PLACE_COLUMNS: Column[] = [...DAY_COLUMNS, 'actions'];
const PERSON_COLUMNS: Column[] = ['visits', ...DAY_COLUMNS, 'invitations', 'actions'];

const list = (verbs: readonly string[]) => sql.join(verbs.map((v) => sql.lit(v)));
const counted = (c: Column): Sql =>
  c === 'actions' ? sql`count(*)::int` : sql`count(*) FILTER (WHERE b.verb IN (${list(VERBS[c])}))::int`;
const ids = (cols: string[]) => sql.join(cols.map((c) => sql.ref(c)));
const counts = (cols: Column[]) => sql.join(cols.map(counted));
/** `col = t.col + excluded.col` for each column: what the batch adds to the row. */
const adding = (cols: string[]) =>
  sql.join(cols.map((c) => sql`${sql.ref(c)} = ${sql.ref(`t.${c}`)} + ${sql.ref(`excluded.${c}`)}`));

/** Contributions of a person-day row: posts, questions, comments, answers, pages, events, shares. */
export const CONTRIBUTED = sql`(d.posts + d.questions + d.comments + d.answers + d.pages + d.events + d.shares)`;

/**
 * What is kept per person and month (analytics_person_months), from the person-day columns:
 * the running totals of contributions (posts, questions, comments, answers, pages, events,
 * shares), and bitmaps of the days with any creation (posts, questions, pages, events), any
 * response (comments, answers, reactions, votes, shares) and any action at all (bit i - 1:
 * day i of the month).
 */
const MONTH_SUMS = {
  created: ['posts', 'questions', 'pages', 'events'],
  responded: ['comments', 'answers', 'reactions', 'votes', 'shares'],
  contributions: ['posts', 'questions', 'comments', 'answers', 'pages', 'events', 'shares'],
} as const satisfies Record<string, Column[]>;
const MONTH_COLUMNS = ['contributions', 'created_days', 'responded_days', 'active_days'];
/** A month column summed over staged events `b`. */
const batchSum = (c: keyof typeof MONTH_SUMS) =>
  sql`count(*) FILTER (WHERE b.verb IN (${list(MONTH_SUMS[c].flatMap((k) => VERBS[k as keyof typeof VERBS]))}))`;
/** A month column of a person-day row `d`. */
const rowSum = (c: keyof typeof MONTH_SUMS) =>
  sql.join(
    MONTH_SUMS[c].map((k) => sql.ref(`d.${k}`)),
    sql` + `,
  );
/**
 * A bitmap (bit i - 1: day i from `start`) of the days of per-day rows `x` with any action,
 * or with `count` > 0.
 */
const daysOf = (start: Sql, count?: Sql) =>
  count
    ? sql`bit_or(CASE WHEN ${count} > 0 THEN 1 << (x.day - ${start}) ELSE 0 END)`
    : sql`bit_or(1 << (x.day - ${start}))`;
/** 1, 2, …, n. */
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
/**
 * The running totals of the contributions of per-day rows `x` (grouped) over the `n` days
 * from `start`: element i sums the days before start + i. Filtered sums written into the
 * statement: the SQL function analytics_cum_of cost 27 µs a row, ten times as much, and
 * made half the refresh's time for the month rows.
 */
const runningTotals = (start: Sql, n: number) =>
  sql`ARRAY[${sql.join(
    upTo(n).map(
      (i) => sql`coalesce(sum(x.contributions) FILTER (WHERE x.day - ${start} < ${sql.lit(i)}), 0)::int`,
    ),
  )}]`;
/** `column` = the running totals there (`t`) and the batch's (`excluded`) added element by element, `n` at most. */
const addTotals = (column: string, n: number) => {
  const [there, added] = [sql.ref(`t.${column}`), sql.ref(`excluded.${column}`)];
  return sql`${sql.ref(column)} = (ARRAY[${sql.join(
    upTo(n).map((i) => sql`${there}[${sql.lit(i)}] + ${added}[${sql.lit(i)}]`),
  )}])[1:cardinality(${there})]`;
};
/** The bits of an int bitmap `column` the batch (`excluded`) sets that are not set there (`t`). */
const newBits = (column: string) => sql`(${sql.ref(`excluded.${column}`)} & ~${sql.ref(`t.${column}`)})`;
/** The month columns of a person-day row `d`: contributions, created, responded. */
const MONTH_DAY = sql.join(
  (['contributions', 'created', 'responded'] as const).map((c) => sql`${rowSum(c)} AS ${sql.ref(c)}`),
);
/**
 * Rows of analytics_person_months from `days`: (place, user_id, month, day, contributions,
 * created, responded) for each person-day with an action, grouped by person and month, in
 * key order (place, month, person), as a month is read. The running totals are taken over
 * 31 days and cut to the month's.
 */
const monthRows = (days: Sql) => {
  const bits = (c: string) => daysOf(sql`x.month`, sql.ref(`x.${c}`));
  return sql`
  SELECT x.place, x.user_id, x.month,
    (${runningTotals(sql`x.month`, 31)})[1:(x.month + interval '1 month')::date - x.month],
    ${bits('created')}, ${bits('responded')}, ${daysOf(sql`x.month`)}
  FROM (${days}) x
  GROUP BY 1, 2, 3
  ORDER BY 1, 3, 2`;
};

/**
 * The staged events `b` of an actor (`actor`: the condition) under each place they count in:
 * '*' (everywhere) for every one, 'type:<type>' again for those in a space of that type.
 */
const placed = (actor: Sql) => sql`(
  SELECT '*' AS place, b.* FROM analytics_batch b WHERE ${actor}
  UNION ALL
  SELECT 'type:' || b.space_type, b.* FROM analytics_batch b WHERE ${actor} AND b.space_type IS NOT NULL
)`;

/**
 * The columns of analytics_person_weeks after its key: the week's contributions (also the
 * last of its running totals, kept apart for the index the whole weeks are read from), the
 * running totals of its days, and a bitmap of its days with any action (as the month rows').
 */
const WEEK_COLUMNS = ['contributions', 'contributions_days', 'active_days'];
/**
 * Rows of analytics_person_weeks from `days`: (place, week, user_id, day, contributions) for
 * each person-day with an action, grouped by person and week. In key order: a week's rows
 * written together are read together (scattered, the dashboard's read of a week cut short
 * took three times as long at 50M events).
 */
const weekRows = (days: Sql) => sql`
  SELECT x.place, x.week, x.user_id, sum(x.contributions)::int, ${runningTotals(sql`x.week`, 7)},
    ${daysOf(sql`x.week`)}
  FROM (${days}) x
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3`;

/**
 * Stages the events matching any of `where` (conditions on the log `e` that no event meets
 * twice) as the temporary table analytics_batch, dropped at commit: their UTC day and their
 * space's type with them. Each condition is read on its own: ORed together, an id range and
 * a list of ids made PostgreSQL read the whole log instead of two index ranges.
 */
export async function stageBatch(db: Trx, ...where: Sql[]): Promise<number> {
  await sql`DROP TABLE IF EXISTS analytics_batch`.execute(db);
  const arms = where.map(
    (w) => sql`
    SELECT e.id, e.at, (e.at AT TIME ZONE 'UTC')::date AS day, e.actor_id, e.verb, e.object_id,
      e.space_id, s.type AS space_type, e.data, e.target_id
    FROM activity_events e LEFT JOIN spaces s ON s.id = e.space_id
    WHERE ${w}`,
  );
  await sql`CREATE TEMPORARY TABLE analytics_batch ON COMMIT DROP AS ${sql.join(arms, sql` UNION ALL `)}`.execute(
    db,
  );
  await sql`ANALYZE analytics_batch`.execute(db);
  const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM analytics_batch`.execute(db);
  return Number(n.rows[0]?.n ?? 0);
}

export interface ApplyOptions {
  /**
   * The batch holds whole days that no roll-up has yet (a rebuild): day tables are inserted
   * into, and the tables kept per person or per page over time are left to `applyFinal`.
   */
  fresh?: boolean;
  /** Told how long each statement took (the bench prints it). */
  onStep?: (step: number, ms: number) => void;
}

/** Adds the staged batch to every roll-up; returns the days it touched. */
export async function applyBatch(db: Trx, options: ApplyOptions = {}): Promise<string[]> {
  const { fresh = false, onStep } = options;
  /** Adds to the row already there, unless the batch's days are known to be new (a rebuild). */
  const upsert = (target: Sql, set: Sql) =>
    fresh ? sql`` : sql`ON CONFLICT (${target}) DO UPDATE SET ${set}`;
  /** A rebuild inserts in key order: each index grows at its end instead of everywhere. */
  const ordered = (keys: Sql) => (fresh ? sql`ORDER BY ${keys}` : sql``);
  let step = 0;
  const run = async (q: Sql) => {
    const t = performance.now();
    await q.execute(db);
    onStep?.(step++, performance.now() - t);
  };
  const actor = sql`b.actor_id IS NOT NULL`;

  // Person-days: everywhere, per space, per space type.
  await run(sql`
    INSERT INTO analytics_person_days AS t (day, user_id, ${ids(PERSON_COLUMNS)})
    SELECT b.day, b.actor_id, ${counts(PERSON_COLUMNS)} FROM analytics_batch b WHERE ${actor}
    GROUP BY 1, 2
    ${ordered(sql`1, 2`)}
    ${upsert(sql`day, user_id`, sql`${adding(PERSON_COLUMNS)}`)}`);
  await run(sql`
    INSERT INTO analytics_space_person_days AS t (day, space_id, user_id, ${ids(PLACE_COLUMNS)})
    SELECT b.day, b.space_id, b.actor_id, ${counts(PLACE_COLUMNS)} FROM analytics_batch b
    WHERE ${actor} AND b.space_id IS NOT NULL
    GROUP BY 1, 2, 3
    ${ordered(sql`1, 2, 3`)}
    ${upsert(sql`day, space_id, user_id`, sql`${adding(PLACE_COLUMNS)}`)}`);
  await run(sql`
    INSERT INTO analytics_place_person_days AS t (place, day, user_id, ${ids(PLACE_COLUMNS)})
    SELECT 'type:' || b.space_type, b.day, b.actor_id, ${counts(PLACE_COLUMNS)} FROM analytics_batch b
    WHERE ${actor} AND b.space_type IS NOT NULL
    GROUP BY 1, 2, 3
    ${ordered(sql`1, 2, 3`)}
    ${upsert(sql`place, day, user_id`, sql`${adding(PLACE_COLUMNS)}`)}`);

  // Who was active where: a bitmap of days per person, everywhere and per space type.
  if (!fresh)
    await run(sql`
    INSERT INTO analytics_actors AS t (place, user_id, first_day, days)
    SELECT a.place, a.actor_id, min(a.day), ${bitsOfDays(sql`a.day`)}
    FROM ${placed(actor)} a
    GROUP BY 1, 2
    ON CONFLICT (place, user_id) DO UPDATE
      SET first_day = least(t.first_day, excluded.first_day),
        days = analytics_bits_merge(t.first_day, t.days, excluded.first_day, excluded.days)
      WHERE ${BITS_ADDED}`);

  // Running totals and active days per person and month, everywhere and per space type (see
  // MONTH_SUMS). Here and below, a row the batch changes nothing in (no contribution, no new
  // day: most of a person's events after their first of the day) is left alone: updating it
  // would write a new version of the row and of its index entries for nothing.
  if (!fresh)
    await run(sql`
    INSERT INTO analytics_person_months AS t (place, user_id, month, ${ids(MONTH_COLUMNS)})
    ${monthRows(sql`
      SELECT b.place, b.actor_id AS user_id, date_trunc('month', b.day)::date AS month, b.day,
        ${sql.join((['contributions', 'created', 'responded'] as const).map((c) => sql`${batchSum(c)}::int AS ${sql.ref(c)}`))}
      FROM ${placed(actor)} b
      GROUP BY 1, 2, 3, 4`)}
    ON CONFLICT (place, month, user_id) DO UPDATE
      SET ${addTotals('contributions', 31)},
        ${sql.join(
          MONTH_COLUMNS.slice(1).map(
            (c) => sql`${sql.ref(c)} = ${sql.ref(`t.${c}`)} | ${sql.ref(`excluded.${c}`)}`,
          ),
        )}
      WHERE excluded.contributions[cardinality(excluded.contributions)] > 0
        OR ${sql.join(MONTH_COLUMNS.slice(1).map(newBits), sql` | `)} <> 0`);
  // Contributions per person and ISO week, everywhere and per space type, with the running
  // totals of the week's days and a bitmap of its active days.
  if (!fresh)
    await run(sql`
    INSERT INTO analytics_person_weeks AS t (place, week, user_id, ${ids(WEEK_COLUMNS)})
    ${weekRows(sql`
      SELECT b.place, ${WEEK('b.day')} AS week, b.actor_id AS user_id, b.day,
        ${batchSum('contributions')}::int AS contributions
      FROM ${placed(actor)} b
      GROUP BY 1, 2, 3, 4`)}
    ON CONFLICT (place, week, user_id) DO UPDATE SET contributions = t.contributions + excluded.contributions,
      ${addTotals('contributions_days', 7)}, active_days = t.active_days | excluded.active_days
      WHERE excluded.contributions > 0 OR ${newBits('active_days')} <> 0`);

  // Day tables: the organisation, each space, each space type; then their distinct people.
  await run(sql`
    INSERT INTO analytics_days AS t (day, active, ${ids([...PERSON_COLUMNS, 'searches', 'searches_empty'])})
    SELECT b.day, count(DISTINCT b.actor_id)::int, ${counts(PERSON_COLUMNS)},
      count(*) FILTER (WHERE b.verb = 'search.performed' AND b.data->>'terms' IS NOT NULL)::int,
      count(*) FILTER (WHERE b.verb = 'search.performed' AND b.data->>'terms' IS NOT NULL
        AND b.data->>'results' = '0')::int
    FROM analytics_batch b
    GROUP BY 1
    ${upsert(sql`day`, sql`${adding([...PERSON_COLUMNS, 'searches', 'searches_empty'])}`)}`);
  // Distinct people of a day already there are counted again from the person tables.
  if (!fresh)
    await run(sql`
    UPDATE analytics_days t SET active = (SELECT count(*)::int FROM analytics_person_days d WHERE d.day = t.day)
    WHERE t.day IN (SELECT DISTINCT b.day FROM analytics_batch b WHERE ${actor})`);
  await run(sql`
    INSERT INTO analytics_space_days AS t (day, space_id, people, ${ids([...DAY_COLUMNS])})
    SELECT b.day, b.space_id, count(DISTINCT b.actor_id)::int, ${counts([...DAY_COLUMNS])} FROM analytics_batch b
    WHERE b.space_id IS NOT NULL
    GROUP BY 1, 2
    ${upsert(sql`day, space_id`, sql`${adding([...DAY_COLUMNS])}`)}`);
  if (!fresh)
    await run(sql`
    UPDATE analytics_space_days t SET people = (
      SELECT count(*)::int FROM analytics_space_person_days d WHERE d.day = t.day AND d.space_id = t.space_id)
    FROM (SELECT DISTINCT b.day, b.space_id FROM analytics_batch b WHERE ${actor} AND b.space_id IS NOT NULL) k
    WHERE t.day = k.day AND t.space_id = k.space_id`);
  await run(sql`
    INSERT INTO analytics_place_days AS t (place, day, active, ${ids([...DAY_COLUMNS])})
    SELECT 'type:' || b.space_type, b.day, count(DISTINCT b.actor_id)::int, ${counts([...DAY_COLUMNS])}
    FROM analytics_batch b
    WHERE b.space_type IS NOT NULL
    GROUP BY 1, 2
    ${upsert(sql`place, day`, sql`${adding([...DAY_COLUMNS])}`)}`);
  if (!fresh)
    await run(sql`
    UPDATE analytics_place_days t SET active = (
      SELECT count(*)::int FROM analytics_place_person_days d WHERE d.place = t.place AND d.day = t.day)
    FROM (SELECT DISTINCT 'type:' || b.space_type AS place, b.day FROM analytics_batch b
      WHERE ${actor} AND b.space_type IS NOT NULL) k
    WHERE t.place = k.place AND t.day = k.day`);

  // Interactions, under the people's departments as they are now (see docs/analytics.md).
  const kind = sql`CASE ${sql.join(
    Object.entries(INTERACTION_VERBS).map(
      ([k, verbs]) => sql`WHEN b.verb IN (${list(verbs)}) THEN ${sql.lit(k)}`,
    ),
    sql` `,
  )} END`;
  await run(sql`DROP TABLE IF EXISTS analytics_batch_interactions`);
  await run(sql`
    CREATE TEMPORARY TABLE analytics_batch_interactions ON COMMIT DROP AS
    SELECT b.day, fu.department_id AS from_department_id, tu.department_id AS to_department_id,
      ${kind} AS kind, b.space_id, b.space_type
    FROM analytics_batch b
    LEFT JOIN users fu ON fu.id = b.actor_id
    LEFT JOIN users tu ON tu.id = b.target_id
    WHERE b.target_id IS NOT NULL AND b.verb IN (${list(Object.values(INTERACTION_VERBS).flat())})`);
  // Rows over every place (space and type NULL), per space, and per space type.
  const places = [
    [sql`NULL::uuid`, sql`NULL::text`, sql`true`],
    [sql`i.space_id`, sql`NULL::text`, sql`i.space_id IS NOT NULL`],
    [sql`NULL::uuid`, sql`i.space_type`, sql`i.space_type IS NOT NULL`],
  ] as const;
  for (const [space, type, where] of places)
    await run(sql`
      INSERT INTO analytics_interaction_days AS t (day, from_department_id, to_department_id, kind, space_id,
        space_type, n)
      SELECT i.day, i.from_department_id, i.to_department_id, i.kind, ${space}, ${type}, count(*)::int
      FROM analytics_batch_interactions i
      WHERE ${where}
      GROUP BY 1, 2, 3, 4, 5, 6
      ${upsert(sql`day, from_department_id, to_department_id, kind, space_id, space_type`, sql`n = t.n + excluded.n`)}`);

  // Knowledge pages per day, and the days each was read by someone other than its author.
  const pageVerbs = sql`b.verb IN ('knowledge.page_created', 'knowledge.saved_from_post', 'knowledge.page_edited',
    'knowledge.revision_restored', 'knowledge.page_read')`;
  const pageId = sql`(CASE WHEN ${pageVerbs} THEN b.object_id END)::uuid`;
  // A page's space, as max() over its events gives it, whichever batches brought them.
  const latestSpace = sql`greatest(t.space_id::text, excluded.space_id::text)::uuid`;
  await run(sql`
    INSERT INTO analytics_page_days AS t (day, page_id, space_id, created, edits, reads_by_others)
    SELECT b.day, ${pageId}, max(b.space_id::text)::uuid,
      count(*) FILTER (WHERE b.verb IN (${list(VERBS.pages)}))::int,
      count(*) FILTER (WHERE b.verb IN ('knowledge.page_edited', 'knowledge.revision_restored'))::int,
      count(*) FILTER (WHERE b.verb = 'knowledge.page_read')::int
    FROM analytics_batch b
    WHERE b.object_id IS NOT NULL AND ${pageVerbs}
    GROUP BY 1, 2
    ${upsert(
      sql`day, page_id`,
      sql`space_id = ${latestSpace}, ${adding(['created', 'edits', 'reads_by_others'])}`,
    )}`);
  if (!fresh) await mergePageReads(db, run);

  // Searches per person and terms, and per terms (everyone).
  const search = sql`b.verb = 'search.performed' AND b.data->>'terms' IS NOT NULL`;
  await run(sql`
    INSERT INTO analytics_search_days AS t (day, user_id, terms, searches, empty)
    SELECT b.day, b.actor_id, b.data->>'terms', count(*)::int,
      count(*) FILTER (WHERE b.data->>'results' = '0')::int
    FROM analytics_batch b WHERE ${search} AND ${actor}
    GROUP BY 1, 2, 3
    ${ordered(sql`1, 2, 3`)}
    ${upsert(sql`day, user_id, terms`, sql`${adding(['searches', 'empty'])}`)}`);
  await run(sql`
    INSERT INTO analytics_search_terms AS t (day, terms, searches, empty)
    SELECT b.day, b.data->>'terms', count(*)::int, count(*) FILTER (WHERE b.data->>'results' = '0')::int
    FROM analytics_batch b WHERE ${search} AND ${actor}
    GROUP BY 1, 2
    ${upsert(sql`day, terms`, sql`${adding(['searches', 'empty'])}`)}`);

  // People who activated an account (the earliest activation counts), and the first day
  // each person of the batch contributed (the earliest in their person-days).
  await run(sql`
    INSERT INTO analytics_people AS t (user_id, invited_at, activated_at)
    SELECT DISTINCT ON (b.actor_id) b.actor_id,
      (CASE WHEN b.data->>'invitedAt' IS NOT NULL THEN b.data->>'invitedAt' END)::timestamptz, b.at
    FROM analytics_batch b
    WHERE b.verb = 'user.activated' AND ${actor}
    ORDER BY b.actor_id, b.at, b.id
    ON CONFLICT (user_id) DO UPDATE
      SET invited_at = CASE WHEN excluded.activated_at < t.activated_at THEN excluded.invited_at ELSE t.invited_at END,
        activated_at = least(t.activated_at, excluded.activated_at)`);
  const contributionVerbs = [
    ...VERBS.posts,
    ...VERBS.questions,
    ...VERBS.comments,
    ...VERBS.answers,
    ...VERBS.pages,
    ...VERBS.events,
    ...VERBS.shares,
    'user.activated',
  ];
  if (!fresh)
    await run(sql`
    UPDATE analytics_people p
    SET first_contribution_day = (
      SELECT min(d.day) FROM analytics_person_days d WHERE d.user_id = p.user_id AND ${CONTRIBUTED} > 0)
    WHERE p.user_id IN (SELECT DISTINCT b.actor_id FROM analytics_batch b
      WHERE ${actor} AND b.verb IN (${list(contributionVerbs)}))`);

  await applyShares(fresh, run);

  let t = performance.now();
  await fileBatch(db, fresh);
  await countGroupActive(db, sql`SELECT b.day FROM analytics_batch b WHERE ${actor}`);
  onStep?.(step++, performance.now() - t);
  t = performance.now();
  await mergeQuestions(db, fresh);
  onStep?.(step++, performance.now() - t);

  const days = await sql<{ day: string }>`
    SELECT DISTINCT to_char(b.day, 'YYYY-MM-DD') AS day FROM analytics_batch b ORDER BY 1`.execute(db);
  return days.rows.map((r) => r.day);
}

/**
 * After a rebuild has applied every day (`fresh`): the tables kept per person or per page
 * over time, each in one pass over a day table.
 */
export async function applyFinal(db: Trx): Promise<void> {
  await sql`
    INSERT INTO analytics_person_months (place, user_id, month, ${ids(MONTH_COLUMNS)})
    ${monthRows(sql`
      SELECT '*' AS place, d.user_id, date_trunc('month', d.day)::date AS month, d.day, ${MONTH_DAY}
      FROM analytics_person_days d WHERE d.actions > 0
      UNION ALL
      SELECT d.place, d.user_id, date_trunc('month', d.day)::date, d.day, ${MONTH_DAY}
      FROM analytics_place_person_days d WHERE d.actions > 0`)}`.execute(db);
  await sql`
    INSERT INTO analytics_person_weeks (place, week, user_id, ${ids(WEEK_COLUMNS)})
    ${weekRows(sql`
      SELECT '*' AS place, ${WEEK('d.day')} AS week, d.user_id, d.day, ${CONTRIBUTED} AS contributions
      FROM analytics_person_days d WHERE d.actions > 0
      UNION ALL
      SELECT d.place, ${WEEK('d.day')}, d.user_id, d.day, ${CONTRIBUTED}
      FROM analytics_place_person_days d WHERE d.actions > 0`)}`.execute(db);
  await sql`
    INSERT INTO analytics_actors (place, user_id, first_day, days)
    SELECT '*', d.user_id, min(d.day), analytics_bits_of(array_agg(d.day)) FROM analytics_person_days d
    GROUP BY d.user_id`.execute(db);
  await sql`
    INSERT INTO analytics_actors (place, user_id, first_day, days)
    SELECT d.place, d.user_id, min(d.day), analytics_bits_of(array_agg(d.day)) FROM analytics_place_person_days d
    GROUP BY d.place, d.user_id`.execute(db);
  await sql`
    INSERT INTO analytics_page_reads (page_id, space_id, first_day, last_day, days)
    SELECT d.page_id, max(d.space_id::text)::uuid, min(d.day), max(d.day), analytics_bits_of(array_agg(d.day))
    FROM analytics_page_days d WHERE d.reads_by_others > 0
    GROUP BY d.page_id`.execute(db);
  await countAllPageReuse(db);
  await sql`
    UPDATE analytics_people p SET first_contribution_day = f.day
    FROM (SELECT d.user_id, min(d.day) AS day FROM analytics_person_days d WHERE ${CONTRIBUTED} > 0
      GROUP BY d.user_id) f
    WHERE f.user_id = p.user_id`.execute(db);
  await countAllQuestions(db);
  await finalShares(db);
}

/** Roll-up tables, emptied by a rebuild. */
export const ROLLUP_TABLES = [
  'analytics_days',
  'analytics_person_days',
  'analytics_space_person_days',
  'analytics_space_days',
  'analytics_place_person_days',
  'analytics_place_days',
  'analytics_actors',
  'analytics_interaction_days',
  'analytics_page_days',
  'analytics_page_reads',
  'analytics_page_reuse_days',
  'analytics_search_days',
  'analytics_search_terms',
  'analytics_questions',
  'analytics_question_days',
  'analytics_people',
  'analytics_person_months',
  'analytics_person_weeks',
  'analytics_person_groups',
  'analytics_group_days',
  'analytics_group_active',
  'analytics_group_space_days',
  'analytics_pending_events',
  ...SHARE_TABLES,
  // Rolled from ambassador_clicks, not the log (clicks.ts): emptied with the others all the same.
  ...CLICK_TABLES,
] as const;

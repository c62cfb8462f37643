// Knowledge: questions asked, answered and accepted, how fast a first answer comes; pages
// written and reused; what people search for, and what they search for in vain.
import { sql } from 'kysely';
import type { ResolvedFilters } from '../filters.ts';
import {
  type Built,
  byPeople,
  type DashboardModule,
  type Db,
  dailyCounts,
  endOf,
  figure,
  groupOf,
  hasPeopleFilter,
  inList,
  num,
  numOrNull,
  round,
  rows,
  type Sql,
  startOf,
  sumDays,
} from './common.ts';

export const knowledgeFigures = [
  { key: 'questions_asked', unit: 'count' },
  { key: 'questions_answered', unit: 'count' },
  { key: 'answers_accepted', unit: 'count' },
  { key: 'median_hours_to_first_answer', unit: 'hours' },
  { key: 'pages_created', unit: 'count' },
  { key: 'pages_reused', unit: 'count' },
  { key: 'searches', unit: 'count' },
  { key: 'searches_no_result', unit: 'count' },
] as const;

/** At most this many rows in the table of searches without a result. */
export const NO_RESULT_ROWS = 20;

/**
 * Questions asked, first answered (with the median hours to that answer, unless `medians` is
 * false) and accepted in each period. Without a people filter the counts are sums of the day
 * table (analytics_question_days) and the median reads the questions of the periods through
 * a time index; with one, every count and the median read each member's questions through
 * (asker, moment) indexes. All covering: no table row is read.
 */
async function questions(db: Db, f: ResolvedFilters, medians = true) {
  const p = { from: startOf(f.period.from), to: endOf(f.period.to) };
  const q = { from: startOf(f.previous.from), to: endOf(f.previous.to) };
  const place = (column: string) => (f.spaceIds === null ? sql`true` : inList(sql.ref(column), f.spaceIds));
  // date_part: a double (extract gives numeric, several times slower to sort for the median).
  const hours = sql`date_part('epoch', aq.first_answer_at - aq.asked_at) / 3600`;
  // A group's questions: each member's, through the (asker, moment) indexes, where the
  // period's range held every asker's (a third of a million entries at the bench's size,
  // read three times, to keep a department's seventh of them).
  const questionsOf = byPeople(f, sql`analytics_questions`, 'aq', 'asker_id');
  const counted = (column: string, extra: Sql = sql``) =>
    rows<Record<string, unknown>>(
      db,
      sql`SELECT count(*) FILTER (WHERE ${sql.ref(`aq.${column}`)} >= ${p.from})::int AS now,
          count(*) FILTER (WHERE ${sql.ref(`aq.${column}`)} < ${q.to})::int AS prev ${extra}
        FROM ${questionsOf}
        WHERE ${sql.ref(`aq.${column}`)} >= ${q.from} AND ${sql.ref(`aq.${column}`)} < ${p.to}
          AND ${place('aq.space_id')}`,
    );
  const median = sql`, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) FILTER (WHERE aq.first_answer_at >= ${p.from}) AS hours,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) FILTER (WHERE aq.first_answer_at < ${q.to}) AS hours_prev`;
  if (!hasPeopleFilter(f)) {
    const sums = ['asked', 'answered', 'accepted'].flatMap((c) => [
      sql`coalesce(sum(${sql.ref(`d.${c}`)}) FILTER (WHERE d.day >= ${f.period.from}::date), 0)::int AS ${sql.ref(c)}`,
      sql`coalesce(sum(${sql.ref(`d.${c}`)}) FILTER (WHERE d.day <= ${f.previous.to}::date), 0)::int AS ${sql.ref(`${c}_prev`)}`,
    ]);
    const [[days], [answered]] = await Promise.all([
      rows<Record<string, unknown>>(
        db,
        sql`SELECT ${sql.join(sums)} FROM analytics_question_days d
          WHERE d.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date AND ${place('d.space_id')}`,
      ),
      medians ? counted('first_answer_at', median) : [],
    ]);
    return { ...days, hours: answered?.hours, hours_prev: answered?.hours_prev };
  }
  const [[asked], [answered], [accepted]] = await Promise.all([
    counted('asked_at'),
    counted('first_answer_at', medians ? median : sql``),
    counted('accepted_at'),
  ]);
  return {
    asked: asked?.now,
    asked_prev: asked?.prev,
    answered: answered?.now,
    answered_prev: answered?.prev,
    accepted: accepted?.now,
    accepted_prev: accepted?.prev,
    hours: answered?.hours,
    hours_prev: answered?.hours_prev,
  };
}

/**
 * Distinct pages read by someone other than their author (people filters do not apply). For
 * every place, from the pages' reads per day and the day each was read before (a page read
 * in a range is counted on its first read there: the one whose previous read is older); for
 * some spaces, from those pages' bitmaps of days.
 */
async function pagesReused(db: Db, f: ResolvedFilters) {
  if (f.spaceIds === null) {
    const firstIn = (r: { from: string; to: string }) =>
      sql`r.day BETWEEN ${r.from}::date AND ${r.to}::date AND (r.prev_day IS NULL OR r.prev_day < ${r.from}::date)`;
    const [row] = await rows<{ now: unknown; prev: unknown }>(
      db,
      sql`SELECT coalesce(sum(r.n) FILTER (WHERE ${firstIn(f.period)}), 0)::int AS now,
          coalesce(sum(r.n) FILTER (WHERE ${firstIn(f.previous)}), 0)::int AS prev
        FROM analytics_page_reuse_days r
        WHERE r.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date`,
    );
    return { now: num(row?.now), prev: num(row?.prev) };
  }
  const readIn = (r: { from: string; to: string }) =>
    sql`analytics_days_in(pr.days, pr.first_day, ${r.from}::date, ${r.to}::date) > 0`;
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT count(*) FILTER (WHERE ${readIn(f.period)})::int AS now,
        count(*) FILTER (WHERE ${readIn(f.previous)})::int AS prev
      FROM analytics_page_reads pr
      WHERE pr.last_day >= ${f.previous.from}::date AND pr.first_day <= ${f.period.to}::date
        AND ${inList(sql.ref('pr.space_id'), f.spaceIds)}`,
  );
  return { now: num(row?.now), prev: num(row?.prev) };
}

interface TermRow {
  terms: string;
  searches: unknown;
  people: unknown;
}

/**
 * Terms searched in vain by at least minGroup distinct people over the period, the most
 * searched first. For everyone: the terms with the most searches in vain come from the
 * terms' day table, and only those are counted in people (from their partial index); more
 * are taken while fewer than NO_RESULT_ROWS pass. Every term left out has fewer searches
 * than every term counted, so the first rows are exact.
 */
async function noResultTerms(db: Db, f: ResolvedFilters): Promise<TermRow[]> {
  const within = (t: string) =>
    sql`${sql.ref(`${t}.day`)} BETWEEN ${f.period.from}::date AND ${f.period.to}::date`;
  const order = (a: TermRow, b: TermRow) =>
    num(b.searches) - num(a.searches) || num(b.people) - num(a.people) || (a.terms < b.terms ? -1 : 1);
  if (hasPeopleFilter(f)) {
    const list = await rows<TermRow>(
      db,
      sql`SELECT t.terms, sum(t.n)::int AS searches, count(*)::int AS people
        FROM (
          SELECT d.terms, d.user_id, sum(d.empty) AS n FROM ${byPeople(f, sql`analytics_search_days`)}
          WHERE ${within('d')} AND d.empty > 0
          GROUP BY d.terms, d.user_id
        ) t
        GROUP BY t.terms
        HAVING count(*) >= ${f.minGroup}`,
    );
    return list.sort(order).slice(0, NO_RESULT_ROWS);
  }
  for (let limit = NO_RESULT_ROWS * 5; ; limit *= 4) {
    // One pass over the terms' days: the terms with enough searches in vain (t), the `limit`
    // most searched of them (c), and people counted for every term searched at least as often
    // as the last of those (the terms tied with it included); `candidates` says whether the
    // list was full.
    const counted = await rows<TermRow & { candidates: unknown }>(
      db,
      sql`WITH t AS MATERIALIZED (
          SELECT st.terms, sum(st.empty)::int AS searches FROM analytics_search_terms st
          WHERE ${within('st')} AND st.empty > 0
          GROUP BY st.terms HAVING sum(st.empty) >= ${f.minGroup}
        ), c AS (
          SELECT t.searches FROM t ORDER BY t.searches DESC LIMIT ${limit}
        ), k AS (
          SELECT count(*)::int AS candidates, CASE WHEN count(*) < ${limit} THEN 0 ELSE min(c.searches) END AS floor FROM c
        )
        SELECT t.terms, t.searches, k.candidates, (
          SELECT count(DISTINCT s.user_id)::int FROM analytics_search_days s
          WHERE s.terms = t.terms AND s.empty > 0 AND ${within('s')}) AS people
        FROM t CROSS JOIN k
        WHERE t.searches >= k.floor`,
    );
    const full = num(counted[0]?.candidates) >= limit;
    const passing = counted.filter((t) => num(t.people) >= f.minGroup).sort(order);
    if (passing.length >= NO_RESULT_ROWS || !full) return passing.slice(0, NO_RESULT_ROWS);
  }
}

/** Searches (spaces do not apply: a search is made everywhere at once). */
async function searches(db: Db, f: ResolvedFilters) {
  // Everyone: the organisation's day table; one group of people: the group's; people
  // matching several filters: their own searches.
  const grp = groupOf(f);
  const table =
    grp !== null
      ? sql`(SELECT g.day, g.searches, g.searches_empty AS empty FROM analytics_group_days g WHERE g.grp = ${grp}) s`
      : hasPeopleFilter(f)
        ? sql`(SELECT d.day, d.searches, d.empty FROM ${byPeople(f, sql`analytics_search_days`)}) s`
        : sql`(SELECT day, searches, searches_empty AS empty FROM analytics_days) s`;
  const [[totals], terms] = await Promise.all([
    rows<Record<string, unknown>>(
      db,
      sql`SELECT
          coalesce(sum(s.searches) FILTER (WHERE s.day >= ${f.period.from}::date), 0)::int AS searches,
          coalesce(sum(s.searches) FILTER (WHERE s.day <= ${f.previous.to}::date), 0)::int AS searches_prev,
          coalesce(sum(s.empty) FILTER (WHERE s.day >= ${f.period.from}::date), 0)::int AS empty,
          coalesce(sum(s.empty) FILTER (WHERE s.day <= ${f.previous.to}::date), 0)::int AS empty_prev
        FROM ${table}
        WHERE s.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date`,
    ),
    noResultTerms(db, f),
  ]);
  return { totals: totals ?? {}, terms };
}

type Questions = Awaited<ReturnType<typeof questions>>;
type Reused = Awaited<ReturnType<typeof pagesReused>>;

/** The figures the ROI estimate multiplies, as the dashboard shows them. */
const answeredFigure = (q: Questions) =>
  figure('questions_answered', 'count', num(q.answered), num(q.answered_prev));
const acceptedFigure = (q: Questions) =>
  figure('answers_accepted', 'count', num(q.accepted), num(q.accepted_prev));
const reusedFigure = (r: Reused) => figure('pages_reused', 'count', r.now, r.prev);

/**
 * Questions answered, answers accepted and pages reused alone (for the ROI estimate): the
 * same reads as the dashboard's, without the median, the searches and the pages created.
 */
export async function knowledgeMeasures(db: Db, f: ResolvedFilters) {
  const [q, reused] = await Promise.all([questions(db, f, false), pagesReused(db, f)]);
  return [answeredFigure(q), acceptedFigure(q), reusedFigure(reused)];
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [q, days, reused, s] = await Promise.all([
    questions(db, f),
    dailyCounts(db, f, f.previous.from, f.period.to),
    pagesReused(db, f),
    searches(db, f),
  ]);
  const created = {
    now: sumDays(days, 'pages', f.period.from, f.period.to),
    prev: sumDays(days, 'pages', f.previous.from, f.previous.to),
  };
  const notes: string[] = [];
  if (f.spaceIds !== null) notes.push('searches_everywhere');
  if (f.departmentId !== null || f.siteId !== null || f.peopleCohortId !== null)
    notes.push('pages_reused_all_readers');
  return {
    figures: [
      figure('questions_asked', 'count', num(q.asked), num(q.asked_prev)),
      answeredFigure(q),
      acceptedFigure(q),
      figure(
        'median_hours_to_first_answer',
        'hours',
        round(numOrNull(q.hours), 1),
        round(numOrNull(q.hours_prev), 1),
      ),
      figure('pages_created', 'count', created.now, created.prev),
      reusedFigure(reused),
      figure('searches', 'count', num(s.totals.searches), num(s.totals.searches_prev)),
      figure('searches_no_result', 'count', num(s.totals.empty), num(s.totals.empty_prev)),
    ],
    charts: [
      {
        type: 'table',
        key: 'no_result_terms',
        unit: 'count',
        columns: ['terms', 'searches', 'people'],
        rows: s.terms.map((t) => [t.terms, num(t.searches), num(t.people)]),
      },
    ],
    notes,
  };
}

export const knowledge: DashboardModule = { figures: [...knowledgeFigures], build };

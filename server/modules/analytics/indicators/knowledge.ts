// Knowledge: questions asked, answered and accepted, how fast a first answer comes; pages
// written and reused; what people search for, and what they search for in vain.
import { sql } from 'kysely';
import type { ResolvedFilters } from '../filters.ts';
import {
  activity,
  type Built,
  type DashboardModule,
  type Db,
  endOf,
  figure,
  inList,
  num,
  numOrNull,
  peopleOnly,
  round,
  rows,
  startOf,
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

async function questions(db: Db, f: ResolvedFilters) {
  const p = { from: startOf(f.period.from), to: endOf(f.period.to) };
  const q = { from: startOf(f.previous.from), to: endOf(f.previous.to) };
  const within = (column: string, r: { from: Date; to: Date }) =>
    sql`${sql.ref(column)} >= ${r.from} AND ${sql.ref(column)} < ${r.to}`;
  const place = f.spaceIds === null ? sql`true` : inList(sql.ref('aq.space_id'), f.spaceIds);
  const hours = sql`extract(epoch FROM (aq.first_answer_at - aq.asked_at)) / 3600`;
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT
        count(*) FILTER (WHERE ${within('aq.asked_at', p)})::int AS asked,
        count(*) FILTER (WHERE ${within('aq.asked_at', q)})::int AS asked_prev,
        count(*) FILTER (WHERE ${within('aq.first_answer_at', p)})::int AS answered,
        count(*) FILTER (WHERE ${within('aq.first_answer_at', q)})::int AS answered_prev,
        count(*) FILTER (WHERE ${within('aq.accepted_at', p)})::int AS accepted,
        count(*) FILTER (WHERE ${within('aq.accepted_at', q)})::int AS accepted_prev,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) FILTER (WHERE ${within('aq.first_answer_at', p)}) AS hours,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours}) FILTER (WHERE ${within('aq.first_answer_at', q)}) AS hours_prev
      FROM analytics_questions aq
      WHERE (aq.asked_at >= ${q.from} OR aq.first_answer_at >= ${q.from} OR aq.accepted_at >= ${q.from})
        AND aq.asked_at < ${p.to}
        AND ${place} AND ${peopleOnly(f, sql.ref('aq.asker_id'))}`,
  );
  return row ?? {};
}

async function pagesCreated(db: Db, f: ResolvedFilters) {
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT coalesce(sum(a.pages) FILTER (WHERE a.day >= ${f.period.from}::date), 0)::int AS now,
        coalesce(sum(a.pages) FILTER (WHERE a.day <= ${f.previous.to}::date), 0)::int AS prev
      FROM (${activity(f, f.previous.from, f.period.to)}) a WHERE a.pages > 0`,
  );
  return { now: num(row?.now), prev: num(row?.prev) };
}

/** Distinct pages read by someone other than their author (people filters do not apply). */
async function pagesReused(db: Db, f: ResolvedFilters) {
  const place = f.spaceIds === null ? sql`true` : inList(sql.ref('pd.space_id'), f.spaceIds);
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT count(DISTINCT pd.page_id) FILTER (WHERE pd.day >= ${f.period.from}::date)::int AS now,
        count(DISTINCT pd.page_id) FILTER (WHERE pd.day <= ${f.previous.to}::date)::int AS prev
      FROM analytics_page_days pd
      WHERE pd.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date AND pd.reads_by_others > 0
        AND ${place}`,
  );
  return { now: num(row?.now), prev: num(row?.prev) };
}

/** Searches (spaces do not apply: a search is made everywhere at once). */
async function searches(db: Db, f: ResolvedFilters) {
  const people = peopleOnly(f, sql.ref('s.user_id'));
  const [[totals], terms] = await Promise.all([
    rows<Record<string, unknown>>(
      db,
      sql`SELECT
          coalesce(sum(s.searches) FILTER (WHERE s.day >= ${f.period.from}::date), 0)::int AS searches,
          coalesce(sum(s.searches) FILTER (WHERE s.day <= ${f.previous.to}::date), 0)::int AS searches_prev,
          coalesce(sum(s.empty) FILTER (WHERE s.day >= ${f.period.from}::date), 0)::int AS empty,
          coalesce(sum(s.empty) FILTER (WHERE s.day <= ${f.previous.to}::date), 0)::int AS empty_prev
        FROM analytics_search_days s
        WHERE s.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date AND ${people}`,
    ),
    // Terms searched in vain by at least minGroup distinct people over the period.
    rows<{ terms: string; searches: unknown; people: unknown }>(
      db,
      sql`SELECT s.terms, sum(s.empty)::int AS searches, count(DISTINCT s.user_id)::int AS people
        FROM analytics_search_days s
        WHERE s.day BETWEEN ${f.period.from}::date AND ${f.period.to}::date AND s.empty > 0 AND ${people}
        GROUP BY s.terms
        HAVING count(DISTINCT s.user_id) >= ${f.minGroup}
        ORDER BY searches DESC, people DESC, s.terms
        LIMIT ${NO_RESULT_ROWS}`,
    ),
  ]);
  return { totals: totals ?? {}, terms };
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [q, created, reused, s] = await Promise.all([
    questions(db, f),
    pagesCreated(db, f),
    pagesReused(db, f),
    searches(db, f),
  ]);
  const notes: string[] = [];
  if (f.spaceIds !== null) notes.push('searches_everywhere');
  if (f.departmentId !== null || f.siteId !== null || f.peopleCohortId !== null)
    notes.push('pages_reused_all_readers');
  return {
    figures: [
      figure('questions_asked', 'count', num(q.asked), num(q.asked_prev)),
      figure('questions_answered', 'count', num(q.answered), num(q.answered_prev)),
      figure('answers_accepted', 'count', num(q.accepted), num(q.accepted_prev)),
      figure(
        'median_hours_to_first_answer',
        'hours',
        round(numOrNull(q.hours), 1),
        round(numOrNull(q.hours_prev), 1),
      ),
      figure('pages_created', 'count', created.now, created.prev),
      figure('pages_reused', 'count', reused.now, reused.prev),
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

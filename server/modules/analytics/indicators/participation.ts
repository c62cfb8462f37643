// Participation: of the people active over the period, who creates, who contributes to
// others' content, who only reads; and how evenly contributions spread (Lorenz, Gini).
import { sql } from 'kysely';
import { WEEK } from '../../../platform/sql-weeks.ts';
import type { ResolvedFilters } from '../filters.ts';
import {
  activity,
  addDays,
  type Built,
  byPeople,
  CONTRIBUTIONS,
  CREATIONS,
  DAY_TEXT,
  type DashboardModule,
  type Db,
  dayCount,
  figure,
  gini,
  lorenz,
  monthOf,
  num,
  percent,
  placeOf,
  RESPONSES,
  round,
  rows,
  type Sql,
  weeksOf,
} from './common.ts';

export const participationFigures = [
  { key: 'active_people', unit: 'count' },
  { key: 'creators_share', unit: 'percent' },
  { key: 'contributors_share', unit: 'percent' },
  { key: 'readers_share', unit: 'percent' },
  { key: 'gini', unit: 'ratio' },
] as const;

/** A person's period: whether they created (1) or responded (1), and how many contributions. */
interface Person {
  created: number;
  responded: number;
  contributions: number;
}

/**
 * Month rows (analytics_person_months, `d`) of the people matching the filters, in the
 * place the filters keep (everywhere or a space type), for the months touching [from, to].
 */
function months(f: ResolvedFilters, place: string, from: string, to: string): Sql {
  return sql`${byPeople(f, sql`analytics_person_months`)}
    WHERE d.place = ${place} AND d.month BETWEEN ${monthOf(from)}::date AND ${monthOf(to)}::date`;
}
interface Range {
  from: string;
  to: string;
}

/** The first day of the month after `month` (a first day). */
function nextMonth(month: string): string {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** Each month touching [from, to], with the 1-based days of it the range covers. */
function monthParts(r: Range): { month: string; first: number; last: number }[] {
  const parts: { month: string; first: number; last: number }[] = [];
  for (let m = monthOf(r.from); m <= r.to; m = nextMonth(m)) {
    const end = addDays(nextMonth(m), -1);
    const lo = r.from > m ? r.from : m;
    const hi = r.to < end ? r.to : end;
    parts.push({ month: m, first: dayCount(m, lo), last: dayCount(m, hi) });
  }
  return parts;
}

/**
 * Days first to last (1-based) of a running-totals array `col` (element i = the first i days):
 * its total on the last day less the total the day before the first. Subscripts are written
 * into the query as constants: a few array reads per row, where calling analytics_cum_in for
 * each sum cost most of the dashboard at 20,000 people.
 */
const totalOf = (col: Sql, first: number, last: number) =>
  sql`${col}[${sql.lit(last)}]${first > 1 ? sql` - ${col}[${sql.lit(first - 1)}]` : sql``}`;

/**
 * Whether a bitmap of days `col` (bit i - 1: day i) has one of days first to last: one AND
 * with a constant mask (at most bit 30: the mask stays a positive integer).
 */
const anyOf = (col: Sql, first: number, last: number) =>
  sql`(${col} & ${sql.lit(2 ** last - 2 ** (first - 1))}) <> 0`;

/** What a month row `d` holds of [from, to] in the running totals `column`: one arm per month. */
function inRange(column: string, r: Range): Sql {
  const arms = monthParts(r).map(
    ({ month, first, last }) => sql`WHEN ${month}::date THEN ${totalOf(sql.ref(`d.${column}`), first, last)}`,
  );
  return sql`CASE d.month ${sql.join(arms, sql` `)} ELSE 0 END`;
}

/** Whether a month row `d` has a day of [from, to] in the bitmap `column`: one arm per month. */
function anyDay(column: string, r: Range): Sql {
  const arms = monthParts(r).map(
    ({ month, first, last }) => sql`WHEN ${month}::date THEN ${anyOf(sql.ref(`d.${column}`), first, last)}`,
  );
  return sql`CASE d.month ${sql.join(arms, sql` `)} ELSE false END`;
}

/**
 * How many people did what, in the period and the previous one: one row per (period,
 * creator, responder, contributions) with its number of people. At 20,000 people, sending
 * each person's row to the server and sorting them there cost more than reading them; the
 * figures need only these counts (a Gini and a Lorenz curve depend on the values, not on
 * who holds them).
 */
async function people(db: Db, f: ResolvedFilters): Promise<{ now: Person[]; before: Person[] }> {
  const inPeriod = sql`a.day >= ${f.period.from}::date`;
  const place = placeOf(f);
  const p = f.period;
  const q = f.previous;
  // Each month row's share of the two periods first (narrow rows: OFFSET 0 keeps the planner
  // from sorting the arrays along), then per person: whether they were active, created and
  // responded (the days' bitmaps), and their contributions (the running totals).
  const days = { now: 'active_days', created: 'created_days', responded: 'responded_days' } as const;
  const perPerson =
    place !== null
      ? sql`SELECT bool_or(m.now) AS now, bool_or(m.now_prev) AS before,
          bool_or(m.created)::int AS created, bool_or(m.responded)::int AS responded,
          sum(m.contributions)::int AS contributions, bool_or(m.created_prev)::int AS created_prev,
          bool_or(m.responded_prev)::int AS responded_prev, sum(m.contributions_prev)::int AS contributions_prev
        FROM (
          SELECT d.user_id, ${sql.join([
            ...Object.entries(days).flatMap(([c, column]) => [
              sql`${anyDay(column, p)} AS ${sql.ref(c)}`,
              sql`${anyDay(column, q)} AS ${sql.ref(`${c}_prev`)}`,
            ]),
            sql`${inRange('contributions', p)} AS contributions`,
            sql`${inRange('contributions', q)} AS contributions_prev`,
          ])}
          FROM ${months(f, place, q.from, p.to)}
          OFFSET 0
        ) m
        GROUP BY m.user_id`
      : sql`SELECT bool_or(${inPeriod}) AS now, bool_or(NOT ${inPeriod}) AS before,
        sum(${CREATIONS}) FILTER (WHERE ${inPeriod})::int AS created,
        sum(${RESPONSES}) FILTER (WHERE ${inPeriod})::int AS responded,
        sum(${CONTRIBUTIONS}) FILTER (WHERE ${inPeriod})::int AS contributions,
        sum(${CREATIONS}) FILTER (WHERE NOT ${inPeriod})::int AS created_prev,
        sum(${RESPONSES}) FILTER (WHERE NOT ${inPeriod})::int AS responded_prev,
        sum(${CONTRIBUTIONS}) FILTER (WHERE NOT ${inPeriod})::int AS contributions_prev
      FROM (${activity(f, f.previous.from, f.period.to)}) a GROUP BY a.user_id`;
  const list = await rows<{ current: boolean; creator: boolean; responder: boolean; x: unknown; n: unknown }>(
    db,
    sql`WITH per AS MATERIALIZED (${perPerson})
      SELECT true AS current, coalesce(created, 0) > 0 AS creator, coalesce(responded, 0) > 0 AS responder,
        coalesce(contributions, 0) AS x, count(*) AS n
      FROM per WHERE now GROUP BY 2, 3, 4
      UNION ALL
      SELECT false, coalesce(created_prev, 0) > 0, coalesce(responded_prev, 0) > 0,
        coalesce(contributions_prev, 0), count(*)
      FROM per WHERE before GROUP BY 2, 3, 4`,
  );
  const expand = (current: boolean) =>
    list
      .filter((r) => r.current === current)
      .flatMap((r) =>
        Array.from({ length: num(r.n) }, () => ({
          created: r.creator ? 1 : 0,
          responded: r.responder ? 1 : 0,
          contributions: num(r.x),
        })),
      );
  return { now: expand(true), before: expand(false) };
}

/**
 * Gini of each week (Monday) of the period, over the people active that week (days in the
 * period). Everywhere or in a space type, from analytics_person_weeks: a week wholly inside
 * the period is one narrow index entry per person active that week (its total); a week the
 * period cuts short is cut out of the running totals and the active-days bitmap of its days.
 */
async function weeklyGini(db: Db, f: ResolvedFilters): Promise<Map<string, number | null>> {
  const place = placeOf(f);
  const p = f.period;
  const weeks = sql`${byPeople(f, sql`analytics_person_weeks`)} WHERE d.place = ${place}`;
  const whole = weeksOf(p.from, p.to).filter((w) => w >= p.from && addDays(w, 6) <= p.to);
  const cut = weeksOf(p.from, p.to)
    .filter((w) => !whole.includes(w))
    .map((w) => {
      // The week's days inside the period, 1 (Monday) to 7.
      const first = w < p.from ? dayCount(w, p.from) : 1;
      const last = addDays(w, 6) > p.to ? dayCount(w, p.to) : 7;
      return sql`SELECT d.week, ${totalOf(sql.ref('d.contributions_days'), first, last)} AS x FROM ${weeks}
        AND d.week = ${w}::date AND ${anyOf(sql.ref('d.active_days'), first, last)}`;
    });
  const perPerson =
    place !== null
      ? sql.join(
          [
            ...(whole.length > 0
              ? [
                  sql`SELECT d.week, d.contributions AS x FROM ${weeks}
                    AND d.week IN (${sql.join(whole.map((w) => sql`${w}::date`))})`,
                ]
              : []),
            ...cut,
          ],
          sql` UNION ALL `,
        )
      : sql`SELECT ${WEEK('a.day')} AS week, a.user_id, sum(${CONTRIBUTIONS}) AS x
      FROM (${activity(f, f.period.from, f.period.to)}) a
      GROUP BY 1, 2`;
  // People per week and contributions: a few hundred rows, whose Gini is the people's.
  const list = await rows<{ week: string; x: unknown; n: unknown }>(
    db,
    sql`SELECT ${DAY_TEXT('pp.week')} AS week, pp.x, count(*) AS n FROM (${perPerson}) pp GROUP BY pp.week, pp.x`,
  );
  const perWeek = new Map<string, number[]>();
  for (const r of list) {
    const xs = perWeek.get(r.week) ?? [];
    for (let i = num(r.n); i > 0; i--) xs.push(num(r.x));
    perWeek.set(r.week, xs);
  }
  return new Map([...perWeek].map(([week, xs]) => [week, round(gini(xs), 3)]));
}

function shares(list: Person[]) {
  const creators = list.filter((p) => p.created > 0).length;
  const contributors = list.filter((p) => p.created === 0 && p.responded > 0).length;
  const readers = list.length - creators - contributors;
  return {
    active: list.length,
    creators: percent(creators, list.length),
    contributors: percent(contributors, list.length),
    readers: percent(readers, list.length),
    gini: round(gini(list.map((p) => p.contributions)), 3),
  };
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [{ now, before }, weeks] = await Promise.all([people(db, f), weeklyGini(db, f)]);
  const s = shares(now);
  const p = shares(before);
  const bar = (key: 'creators' | 'contributors' | 'readers') => ({
    id: null,
    label: key,
    value: s[key],
    previous: p[key],
    suppressed: false,
  });
  return {
    figures: [
      figure('active_people', 'count', s.active, p.active),
      figure('creators_share', 'percent', s.creators, p.creators),
      figure('contributors_share', 'percent', s.contributors, p.contributors),
      figure('readers_share', 'percent', s.readers, p.readers),
      figure('gini', 'ratio', s.gini, p.gini),
    ],
    charts: [
      {
        type: 'bar',
        key: 'participation_shares',
        unit: 'percent',
        bars: [bar('creators'), bar('contributors'), bar('readers')],
      },
      {
        type: 'lorenz',
        key: 'contributions_lorenz',
        unit: 'ratio',
        points: lorenz(now.map((x) => x.contributions)),
        gini: s.gini,
      },
      {
        type: 'line',
        key: 'gini_by_week',
        unit: 'ratio',
        lines: [
          {
            key: 'gini',
            points: weeksOf(f.period.from, f.period.to).map((x) => ({ x, y: weeks.get(x) ?? null })),
          },
        ],
      },
    ],
    notes: [],
  };
}

export const participation: DashboardModule = { figures: [...participationFigures], build };

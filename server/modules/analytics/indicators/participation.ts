// Participation: of the people active over the period, who creates, who contributes to
// others' content, who only reads; and how evenly contributions spread (Lorenz, Gini).
import { sql } from 'kysely';
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
  figure,
  gini,
  lorenz,
  monthOf,
  num,
  numOrNull,
  percent,
  placeOf,
  RESPONSES,
  round,
  rows,
  type Sql,
  WEEK,
  weeksOf,
} from './common.ts';

export const participationFigures = [
  { key: 'active_people', unit: 'count' },
  { key: 'creators_share', unit: 'percent' },
  { key: 'contributors_share', unit: 'percent' },
  { key: 'readers_share', unit: 'percent' },
  { key: 'gini', unit: 'ratio' },
] as const;

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
/** A month column of `d` summed over [from, to]. */
const within = (column: string, r: { from: string; to: string }) =>
  sql`sum(analytics_cum_in(${sql.ref(`d.${column}`)}, d.month, ${r.from}::date, ${r.to}::date))`;

/** Each person active in the period or the previous one: what they did in each (one scan). */
async function people(db: Db, f: ResolvedFilters): Promise<{ now: Person[]; before: Person[] }> {
  const inPeriod = sql`a.day >= ${f.period.from}::date`;
  const place = placeOf(f);
  const p = f.period;
  const q = f.previous;
  const list = await rows<Record<string, unknown>>(
    db,
    place !== null
      ? sql`SELECT ${within('actions', p)} > 0 AS now, ${within('actions', q)} > 0 AS before,
          ${within('created', p)}::int AS created, ${within('responded', p)}::int AS responded,
          ${within('contributions', p)}::int AS contributions,
          ${within('created', q)}::int AS created_prev, ${within('responded', q)}::int AS responded_prev,
          ${within('contributions', q)}::int AS contributions_prev
        FROM ${months(f, place, q.from, p.to)}
        GROUP BY d.user_id`
      : sql`SELECT bool_or(${inPeriod}) AS now, bool_or(NOT ${inPeriod}) AS before,
        sum(${CREATIONS}) FILTER (WHERE ${inPeriod})::int AS created,
        sum(${RESPONSES}) FILTER (WHERE ${inPeriod})::int AS responded,
        sum(${CONTRIBUTIONS}) FILTER (WHERE ${inPeriod})::int AS contributions,
        sum(${CREATIONS}) FILTER (WHERE NOT ${inPeriod})::int AS created_prev,
        sum(${RESPONSES}) FILTER (WHERE NOT ${inPeriod})::int AS responded_prev,
        sum(${CONTRIBUTIONS}) FILTER (WHERE NOT ${inPeriod})::int AS contributions_prev
      FROM (${activity(f, f.previous.from, f.period.to)}) a GROUP BY a.user_id`,
  );
  return {
    now: list
      .filter((r) => r.now)
      .map((r) => ({
        created: num(r.created),
        responded: num(r.responded),
        contributions: num(r.contributions),
      })),
    before: list
      .filter((r) => r.before)
      .map((r) => ({
        created: num(r.created_prev),
        responded: num(r.responded_prev),
        contributions: num(r.contributions_prev),
      })),
  };
}

/** Gini of each week (Monday) of the period, over the people active that week (days in the period). */
async function weeklyGini(db: Db, f: ResolvedFilters): Promise<Map<string, number | null>> {
  const place = placeOf(f);
  const p = f.period;
  // Each week's days inside the period.
  const weeks = weeksOf(p.from, p.to).map((w) => {
    const sunday = addDays(w, 6);
    return sql`(${w}::date, ${w < p.from ? p.from : w}::date, ${sunday > p.to ? p.to : sunday}::date)`;
  });
  const perPerson =
    place !== null
      ? sql`SELECT w.week, d.user_id,
          sum(analytics_cum_in(d.contributions, d.month, w.lo, w.hi))::float8 AS x
        FROM (SELECT d.* FROM ${months(f, place, p.from, p.to)}) d
        JOIN (VALUES ${sql.join(weeks)}) w(week, lo, hi) ON d.month <= w.hi AND w.lo < (d.month + interval '1 month')
        GROUP BY 1, 2
        HAVING sum(analytics_cum_in(d.actions, d.month, w.lo, w.hi)) > 0`
      : sql`SELECT ${WEEK('a.day')} AS week, a.user_id, sum(${CONTRIBUTIONS})::float8 AS x
      FROM (${activity(f, f.period.from, f.period.to)}) a
      GROUP BY 1, 2`;
  const list = await rows<{ week: string; gini: unknown }>(
    db,
    sql`
    WITH per_person AS (${perPerson}), ranked AS (
      SELECT week, x, row_number() OVER (PARTITION BY week ORDER BY x) AS i,
        count(*) OVER (PARTITION BY week) AS n, sum(x) OVER (PARTITION BY week) AS total
      FROM per_person
    )
    SELECT ${DAY_TEXT('week')} AS week,
      CASE WHEN max(total) > 0
        THEN 2 * sum(i * x) / (max(n) * max(total)) - (max(n) + 1)::float8 / max(n) END AS gini
    FROM ranked GROUP BY week`,
  );
  return new Map(list.map((r) => [r.week, round(numOrNull(r.gini), 3)]));
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

// Participation: of the people active over the period, who creates, who contributes to
// others' content, who only reads; and how evenly contributions spread (Lorenz, Gini).
import { sql } from 'kysely';
import type { ResolvedFilters } from '../filters.ts';
import {
  activity,
  type Built,
  CONTRIBUTIONS,
  CREATIONS,
  DAY_TEXT,
  type DashboardModule,
  type Db,
  figure,
  gini,
  lorenz,
  num,
  numOrNull,
  percent,
  RESPONSES,
  round,
  rows,
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

/** Each person active in [from, to]: what they created, responded, contributed. */
async function people(db: Db, f: ResolvedFilters, from: string, to: string): Promise<Person[]> {
  const list = await rows<{ created: unknown; responded: unknown; contributions: unknown }>(
    db,
    sql`SELECT sum(${CREATIONS})::int AS created, sum(${RESPONSES})::int AS responded,
        sum(${CONTRIBUTIONS})::int AS contributions
      FROM (${activity(f, from, to)}) a GROUP BY a.user_id`,
  );
  return list.map((r) => ({
    created: num(r.created),
    responded: num(r.responded),
    contributions: num(r.contributions),
  }));
}

/** Gini of each week (Monday) of the period, over the people active that week (days in the period). */
async function weeklyGini(db: Db, f: ResolvedFilters): Promise<Map<string, number | null>> {
  const list = await rows<{ week: string; gini: unknown }>(
    db,
    sql`
    WITH per_person AS (
      SELECT ${WEEK('a.day')} AS week, a.user_id, sum(${CONTRIBUTIONS})::float8 AS x
      FROM (${activity(f, f.period.from, f.period.to)}) a
      GROUP BY 1, 2
    ), ranked AS (
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
  const [now, before, weeks] = await Promise.all([
    people(db, f, f.period.from, f.period.to),
    people(db, f, f.previous.from, f.previous.to),
    weeklyGini(db, f),
  ]);
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

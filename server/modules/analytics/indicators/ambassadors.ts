// Ambassadors: who is in the programme, how often people share the kits, how many clicks
// their tracked links bring, on which networks, which kits travel best, and which
// departments take part. Joining and leaving are read from the activity log through its
// partial index on the ambassador verbs. Shares are read from their roll-ups (day × kit ×
// network, per ambassador, and a bitmap of each sharer's days) plus the shares the refresh
// has not applied yet, by id (rollups/shares.ts); clicks from their daily roll-ups for the
// days the refresh has rolled, and from `ambassador_clicks` through its time index after
// them (rollups/clicks.ts): both exact whatever the refresh's lag. People filters apply to
// the ambassador (the sharer, the owner of the link); shares and clicks belong to no space
// (note `ambassadors_no_spaces`).
import { sql } from 'kysely';
import { NETWORKS } from '../../../../common/ambassadors.ts';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../filters.ts';
import { rolledUntil } from '../rollups/clicks.ts';
import { kitOf, networkOf, shareWatermark, unappliedShares } from '../rollups/shares.ts';
import {
  type Built,
  byPeople,
  type DashboardModule,
  type Db,
  endOf,
  figure,
  groupCondition,
  hasPeopleFilter,
  num,
  peopleCondition,
  peopleOnly,
  ratio,
  rows,
  type Sql,
} from './common.ts';
import { bucket, byBucket, inBothPeriods, weeklyChart } from './domains.ts';

export const ambassadorsFigures = [
  { key: 'ambassadors', unit: 'count' },
  { key: 'active_ambassadors', unit: 'count' },
  { key: 'ambassador_shares', unit: 'count' },
  { key: 'ambassador_clicks', unit: 'count' },
  { key: 'clicks_per_share', unit: 'ratio' },
] as const;

/** Kits in the table of the kits that travel best. */
export const TOP_KITS = 10;

/** The shares `e` (at, actor_id, object_id, data) the roll-ups do not hold yet, of either period. */
const unapplied = (f: ResolvedFilters) => sql`${unappliedShares} e WHERE ${inBothPeriods('e.at', f)}`;

/**
 * Shares per UTC day, kit and network of either period, by people matching the filters:
 * the roll-ups' rows (everyone's, or the people's own joined to them), and the shares not
 * applied yet. One statement reads both, so it sees a refresh that commits meanwhile
 * entirely or not at all.
 */
function shareDays(f: ResolvedFilters): Sql {
  const rolled = hasPeopleFilter(f)
    ? byPeople(f, sql`analytics_share_person_days`)
    : sql`analytics_share_days d`;
  return sql`SELECT d.day, d.kit_id, d.network, d.n FROM ${rolled}
    WHERE d.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date AND ${shareWatermark} IS NOT NULL
    UNION ALL
    SELECT (e.at AT TIME ZONE 'UTC')::date, ${kitOf('e')}, ${networkOf('e')}, count(*)::int
    FROM ${unapplied(f)} AND ${peopleOnly(f, sql.ref('e.actor_id'))}
    GROUP BY 1, 2, 3`;
}

/**
 * Clicks per UTC day, kit and network of either period, on the links of people matching the
 * filters: the roll-ups' rows for the days rolled (everyone's, or the people's own joined to
 * them), the raw clicks `k` after those, through the time index. One statement reads both,
 * so it sees a refresh that commits meanwhile entirely or not at all.
 */
function clickDays(f: ResolvedFilters): Sql {
  const days = sql`d.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date
    AND d.day < (${rolledUntil} AT TIME ZONE 'UTC')::date`;
  const rolled = hasPeopleFilter(f)
    ? byPeople(f, sql`analytics_click_person_days`)
    : sql`analytics_click_days d`;
  return sql`SELECT d.day, d.kit_id, d.network, d.n FROM ${rolled} WHERE ${days}
    UNION ALL
    SELECT (k.at AT TIME ZONE 'UTC')::date, l.kit_id, l.network, count(*)::int
    FROM ambassador_clicks k JOIN ambassador_links l ON l.code = k.code
    WHERE ${inBothPeriods('k.at', f)} AND k.at >= ${rolledUntil} AND ${peopleOnly(f, sql.ref('l.user_id'))}
    GROUP BY 1, 2, 3`;
}

/** What the shares and clicks give the dashboard: totals and networks per bucket, weeks, and the top kits. */
interface DayRow {
  what: 'shares' | 'clicks' | 'kit';
  kind: 'total' | 'network' | 'week' | 'kit';
  bucket: string | null;
  /** The network, the week's Monday, or the kit's title. */
  key: string | null;
  n: unknown;
  shares: unknown;
  rank: unknown;
}

/**
 * Rows (day, kit_id, network, n) of the CTE `source` summed per bucket, and per bucket and
 * network, week or kit; keys are made text for the sums only, not for every row.
 */
function grouped(source: string, f: ResolvedFilters): Sql {
  return sql`SELECT CASE WHEN grouping(x.network) = 0 THEN 'network' WHEN grouping(x.week) = 0 THEN 'week'
      WHEN grouping(x.kit_id) = 0 THEN 'kit' ELSE 'total' END AS kind,
    x.bucket, coalesce(x.network, to_char(x.week, 'YYYY-MM-DD'), x.kit_id::text) AS key, sum(x.n)::int AS n
  FROM (
    SELECT CASE WHEN c.day >= ${f.period.from}::date THEN 'now' ELSE 'prev' END AS bucket, c.network, c.kit_id,
      date_trunc('week', c.day::timestamp) AS week, c.n
    FROM ${sql.table(source)} c
  ) x
  GROUP BY GROUPING SETS ((x.bucket), (x.bucket, x.network), (x.bucket, x.week), (x.bucket, x.kit_id))`;
}

/**
 * The shares and clicks of both periods, each read once (`shareDays`, `clickDays`) and
 * grouped three ways: per bucket (and network), per week of the period, and per kit of the
 * period — the two joined there for the table of the kits that travel best. Days are UTC
 * days, as the raw times' buckets and weeks are (`bucket`, `weekOf`).
 */
function dayFigures(db: Db, f: ResolvedFilters) {
  const kept = (g: string) =>
    sql`${sql.ref(`${g}.kind`)} <> 'kit' AND (${sql.ref(`${g}.kind`)} <> 'week' OR ${sql.ref(`${g}.bucket`)} = 'now')`;
  const ofKits = (
    g: string,
  ) => sql`SELECT ${sql.ref(`${g}.key`)} AS kit_id, ${sql.ref(`${g}.n`)} AS n FROM ${sql.table(g)}
    WHERE ${sql.ref(`${g}.kind`)} = 'kit' AND ${sql.ref(`${g}.bucket`)} = 'now'`;
  return rows<DayRow>(
    db,
    sql`WITH c AS (${clickDays(f)}), s AS (${shareDays(f)}), g AS (${grouped('c', f)}), h AS (${grouped('s', f)})
      SELECT 'clicks' AS what, g.kind, g.bucket, g.key, g.n, NULL::int AS shares, NULL::int AS rank FROM g WHERE ${kept('g')}
      UNION ALL
      SELECT 'shares', h.kind, h.bucket, h.key, h.n, NULL::int, NULL::int FROM h WHERE ${kept('h')}
      UNION ALL (
        SELECT 'kit', 'kit', NULL, kit.title, coalesce(k.n, 0)::int, coalesce(s.n, 0)::int,
          row_number() OVER (ORDER BY coalesce(k.n, 0) DESC, coalesce(s.n, 0) DESC, kit.title)::int AS rank
        FROM (${ofKits('h')}) s
        FULL JOIN (${ofKits('g')}) k ON k.kit_id = s.kit_id
        JOIN ambassador_kits kit ON kit.id::text = coalesce(s.kit_id, k.kit_id)
        ORDER BY rank LIMIT ${TOP_KITS}
      )`,
  );
}

/**
 * Distinct sharers of each period, in all and per department (as people are now): the
 * sharers' bitmaps over each period, and the actors of the shares not applied yet. An actor
 * with no users row (`missing`) counts in all but under no department, as before.
 */
function sharerCounts(db: Db, f: ResolvedFilters) {
  const rolled = (bucket: string, r: { from: string; to: string }) =>
    sql`SELECT ${bucket} AS bucket, a.user_id FROM analytics_sharers a
      WHERE ${shareWatermark} IS NOT NULL AND analytics_days_in(a.days, a.first_day, ${r.from}::date, ${r.to}::date) > 0`;
  return rows<{ bucket: string; total: boolean; missing: boolean | null; key: string | null; n: unknown }>(
    db,
    sql`WITH p AS (
        ${rolled('now', f.period)}
        UNION ALL ${rolled('prev', f.previous)}
        UNION ALL SELECT DISTINCT ${bucket('e.at', f)}, e.actor_id FROM ${unapplied(f)} AND e.actor_id IS NOT NULL
      )
      SELECT p.bucket, grouping(u.department_id) = 1 AS total, (u.id IS NULL) AS missing,
        u.department_id::text AS key, count(DISTINCT p.user_id)::int AS n
      FROM p LEFT JOIN users u ON u.id = p.user_id
      WHERE ${peopleCondition(f)}
      GROUP BY GROUPING SETS ((p.bucket), (p.bucket, (u.id IS NULL), u.department_id))`,
  );
}

interface Row {
  bucket: string;
  key: string | null;
  n: unknown;
}

/** People in the programme at the end of each period: their latest joining or leaving says. */
async function members(db: Db, f: ResolvedFilters) {
  const latest = (before: Date) =>
    sql`(array_agg(e.verb ORDER BY e.at DESC, e.id DESC) FILTER (WHERE e.at < ${before}))[1]`;
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT count(*) FILTER (WHERE x.now = 'ambassador.opted_in')::int AS now,
        count(*) FILTER (WHERE x.prev = 'ambassador.opted_in')::int AS prev
      FROM (
        SELECT ${latest(endOf(f.period.to))} AS now, ${latest(endOf(f.previous.to))} AS prev
        FROM activity_events e
        WHERE e.verb IN ('ambassador.opted_in', 'ambassador.opted_out') AND e.at < ${endOf(f.period.to)}
          AND e.actor_id IS NOT NULL AND ${peopleOnly(f, sql.ref('e.actor_id'))}
        GROUP BY e.actor_id
      ) x`,
  );
  return { now: num(row?.now), prev: num(row?.prev) };
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [joined, days, people, sizes] = await Promise.all([
    members(db, f),
    dayFigures(db, f),
    sharerCounts(db, f),
    rows<{ id: string | null; name: string | null; people: unknown }>(
      db,
      sql`SELECT u.department_id::text AS id, d.name, count(*)::int AS people
        FROM users u LEFT JOIN departments d ON d.id = u.department_id
        WHERE ${groupCondition({ ...f, spaceIds: null })} GROUP BY 1, 2`,
    ),
  ]);
  const ofWhat = (what: DayRow['what']) => days.filter((r) => r.what === what);
  const bucketRows = (list: DayRow[]): Row[] =>
    list
      .filter((r) => r.kind === 'total' || r.kind === 'network')
      .map((r) => ({ bucket: r.bucket ?? '', key: r.kind === 'network' ? r.key : null, n: r.n }));
  const weekRows = (list: DayRow[]) =>
    list.filter((r) => r.kind === 'week').map((r) => ({ week: r.key ?? '', n: r.n }));
  const shareRows = bucketRows(ofWhat('shares'));
  const clickRows = bucketRows(ofWhat('clicks'));
  const shareWeeks = weekRows(ofWhat('shares'));
  const clickWeeks = weekRows(ofWhat('clicks'));
  const kits = ofWhat('kit')
    .sort((a, b) => num(a.rank) - num(b.rank))
    .map((r) => ({ title: r.key ?? '', shares: r.shares, clicks: r.n }));
  const total = (list: Row[]) => byBucket(list.filter((r) => r.key === null));
  const s = total(shareRows);
  const c = total(clickRows);
  const active = byBucket(people.filter((r) => r.total));
  const departments = people.filter((r) => !r.total && r.missing === false);
  const networkBars = (list: Row[]) =>
    NETWORKS.map((n) => {
      const of = (b: string) => num(list.find((r) => r.bucket === b && r.key === n)?.n);
      return { id: null, label: `network_${n}`, value: of('now'), previous: of('prev'), suppressed: false };
    });
  const sharers = (b: string, id: string | null) =>
    num(departments.find((r) => r.bucket === b && r.key === id)?.n);
  const byDepartment: Chart = {
    type: 'bar',
    key: 'ambassadors_by_department',
    unit: 'count',
    bars: sizes
      .map((d) => {
        const hidden = num(d.people) < f.minGroup;
        return {
          id: d.id,
          label: d.id === null ? 'no_department' : (d.name ?? ''),
          value: hidden ? null : sharers('now', d.id),
          previous: hidden ? null : sharers('prev', d.id),
          suppressed: hidden,
        };
      })
      .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.label.localeCompare(b.label))),
  };
  const weeks = [...new Set([...shareWeeks, ...clickWeeks].map((r) => r.week))].map((week) => ({
    week,
    shares: num(shareWeeks.find((r) => r.week === week)?.n),
    clicks: num(clickWeeks.find((r) => r.week === week)?.n),
  }));
  return {
    figures: [
      figure('ambassadors', 'count', joined.now, joined.prev),
      figure('active_ambassadors', 'count', num(active.now.n), num(active.prev.n)),
      figure('ambassador_shares', 'count', num(s.now.n), num(s.prev.n)),
      figure('ambassador_clicks', 'count', num(c.now.n), num(c.prev.n)),
      figure(
        'clicks_per_share',
        'ratio',
        ratio(num(c.now.n), num(s.now.n)),
        ratio(num(c.prev.n), num(s.prev.n)),
      ),
    ],
    charts: [
      weeklyChart(f, 'ambassador_activity_by_week', 'count', weeks, {
        ambassador_shares: (r) => r.shares,
        ambassador_clicks: (r) => r.clicks,
      }),
      { type: 'bar', key: 'shares_by_network', unit: 'count', bars: networkBars(shareRows) },
      { type: 'bar', key: 'clicks_by_network', unit: 'count', bars: networkBars(clickRows) },
      {
        type: 'table',
        key: 'top_kits',
        unit: 'count',
        columns: ['kit', 'ambassador_shares', 'ambassador_clicks'],
        rows: kits.map((k) => [k.title, num(k.shares), num(k.clicks)]),
      },
      byDepartment,
    ],
    notes: f.spaceIds === null ? [] : ['ambassadors_no_spaces'],
  };
}

export const ambassadors: DashboardModule = { figures: [...ambassadorsFigures], build };

// Ambassadors: who is in the programme, how often people share the kits, how many clicks
// their tracked links bring, on which networks, which kits travel best, and which
// departments take part. Shares and joining/leaving are read from the activity log through
// its partial index on the ambassador verbs (a share leaves no dated row elsewhere). Clicks
// are read from their daily roll-ups for the days the refresh has rolled, and from
// `ambassador_clicks` through its time index after them (rollups/clicks.ts): exact whatever
// the refresh's lag. People filters apply to the ambassador (the owner of the link); shares
// and clicks belong to no space (note `ambassadors_no_spaces`).
import { sql } from 'kysely';
import { NETWORKS } from '../../../../common/ambassadors.ts';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../filters.ts';
import { rolledUntil } from '../rollups/clicks.ts';
import {
  type Built,
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
  startOf,
} from './common.ts';
import { bucket, byBucket, inBothPeriods, weeklyChart, weekOf } from './domains.ts';

export const ambassadorsFigures = [
  { key: 'ambassadors', unit: 'count' },
  { key: 'active_ambassadors', unit: 'count' },
  { key: 'ambassador_shares', unit: 'count' },
  { key: 'ambassador_clicks', unit: 'count' },
  { key: 'clicks_per_share', unit: 'ratio' },
] as const;

/** Kits in the table of the kits that travel best. */
export const TOP_KITS = 10;

/** Shares `e` of either period by people matching the filters. */
const shares = (f: ResolvedFilters, join: Sql = sql``) =>
  sql`activity_events e ${join} WHERE e.verb = 'ambassador.shared' AND ${inBothPeriods('e.at', f)}
    AND ${peopleOnly(f, sql.ref('e.actor_id'))}`;

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
    ? sql`users u JOIN analytics_click_person_days d ON d.user_id = u.id AND ${peopleCondition(f)}`
    : sql`analytics_click_days d`;
  return sql`SELECT d.day, d.kit_id, d.network, d.n FROM ${rolled} WHERE ${days}
    UNION ALL
    SELECT (k.at AT TIME ZONE 'UTC')::date, l.kit_id, l.network, count(*)::int
    FROM ambassador_clicks k JOIN ambassador_links l ON l.code = k.code
    WHERE ${inBothPeriods('k.at', f)} AND k.at >= ${rolledUntil} AND ${peopleOnly(f, sql.ref('l.user_id'))}
    GROUP BY 1, 2, 3`;
}

/** What the clicks give the dashboard: totals and networks per bucket, weeks, and the top kits (with their shares). */
interface ClickRow {
  kind: 'total' | 'network' | 'week' | 'kit';
  bucket: string | null;
  /** The network, the week's Monday, or the kit's title. */
  key: string | null;
  n: unknown;
  shares: unknown;
  rank: unknown;
}

/**
 * The clicks of both periods, read once (`clickDays`), grouped three ways: per bucket (and
 * network), per week of the period, and per kit of the period — joined there to the kits'
 * shares for the table of the kits that travel best. Days are UTC days, as the raw times'
 * buckets and weeks are (`bucket`, `weekOf`).
 */
function clickFigures(db: Db, f: ResolvedFilters) {
  const from = sql`${f.period.from}::date`;
  return rows<ClickRow>(
    db,
    sql`WITH c AS (${clickDays(f)}),
      g AS (
        SELECT CASE WHEN grouping(x.network) = 0 THEN 'network' WHEN grouping(x.week) = 0 THEN 'week'
            WHEN grouping(x.kit_id) = 0 THEN 'kit' ELSE 'total' END AS kind,
          x.bucket, coalesce(x.network, x.week, x.kit_id) AS key, sum(x.n)::int AS n
        FROM (
          SELECT CASE WHEN c.day >= ${from} THEN 'now' ELSE 'prev' END AS bucket, c.network, c.kit_id::text AS kit_id,
            to_char(date_trunc('week', c.day::timestamp), 'YYYY-MM-DD') AS week, c.n
          FROM c
        ) x
        GROUP BY GROUPING SETS ((x.bucket), (x.bucket, x.network), (x.bucket, x.week), (x.bucket, x.kit_id))
      )
      SELECT g.kind, g.bucket, g.key, g.n, NULL::int AS shares, NULL::int AS rank
      FROM g WHERE g.kind <> 'kit' AND (g.kind <> 'week' OR g.bucket = 'now')
      UNION ALL (
        SELECT 'kit', NULL, kit.title, coalesce(k.n, 0)::int, coalesce(s.n, 0)::int,
          row_number() OVER (ORDER BY coalesce(k.n, 0) DESC, coalesce(s.n, 0) DESC, kit.title)::int AS rank
        FROM (SELECT e.object_id AS kit_id, count(*) AS n FROM ${shares(f)} AND e.at >= ${startOf(f.period.from)}
              GROUP BY 1) s
        FULL JOIN (SELECT g.key AS kit_id, g.n FROM g WHERE g.kind = 'kit' AND g.bucket = 'now') k ON k.kit_id = s.kit_id
        JOIN ambassador_kits kit ON kit.id::text = coalesce(s.kit_id, k.kit_id)
        ORDER BY rank LIMIT ${TOP_KITS}
      )`,
  );
}

interface Row {
  bucket: string;
  key: string | null;
  n: unknown;
  people?: unknown;
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
  const [joined, shareRows, clicked, departments, sizes, shareWeeks] = await Promise.all([
    members(db, f),
    rows<Row>(
      db,
      sql`SELECT x.bucket, x.key, count(*)::int AS n, count(DISTINCT x.actor_id)::int AS people
        FROM (SELECT ${bucket('e.at', f)} AS bucket, e.data->>'network' AS key, e.actor_id FROM ${shares(f)}) x
        GROUP BY GROUPING SETS ((x.bucket), (x.bucket, x.key))`,
    ),
    clickFigures(db, f),
    rows<Row>(
      db,
      sql`SELECT ${bucket('e.at', f)} AS bucket, u.department_id::text AS key, count(DISTINCT e.actor_id)::int AS n
        FROM ${shares(f, sql`JOIN users u ON u.id = e.actor_id`)} GROUP BY 1, 2`,
    ),
    rows<{ id: string | null; name: string | null; people: unknown }>(
      db,
      sql`SELECT u.department_id::text AS id, d.name, count(*)::int AS people
        FROM users u LEFT JOIN departments d ON d.id = u.department_id
        WHERE ${groupCondition({ ...f, spaceIds: null })} GROUP BY 1, 2`,
    ),
    rows<{ week: string; n: unknown }>(
      db,
      sql`SELECT ${weekOf('e.at')} AS week, count(*)::int AS n FROM ${shares(f)} AND e.at >= ${startOf(f.period.from)}
        GROUP BY 1`,
    ),
  ]);
  const clickRows: Row[] = clicked
    .filter((r) => r.kind === 'total' || r.kind === 'network')
    .map((r) => ({ bucket: r.bucket ?? '', key: r.kind === 'network' ? r.key : null, n: r.n }));
  const clickWeeks = clicked.filter((r) => r.kind === 'week').map((r) => ({ week: r.key ?? '', n: r.n }));
  const kits = clicked
    .filter((r) => r.kind === 'kit')
    .sort((a, b) => num(a.rank) - num(b.rank))
    .map((r) => ({ title: r.key ?? '', shares: r.shares, clicks: r.n }));
  const total = (list: Row[]) => byBucket(list.filter((r) => r.key === null));
  const s = total(shareRows);
  const c = total(clickRows);
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
      figure('active_ambassadors', 'count', num(s.now.people), num(s.prev.people)),
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

// Engagement: posts, comments, reactions and shares, per day, per active person and per
// space (the ten busiest). Space names are data: the route's presenter replaces those the
// reader may not see (see docs/analytics.md, "Space names").
import { sql } from 'kysely';
import type { ResolvedFilters } from '../filters.ts';
import {
  activeIn,
  type Built,
  type DashboardModule,
  type Db,
  dailyCounts,
  daysOf,
  figure,
  groupOf,
  hasPeopleFilter,
  inList,
  num,
  peopleOnly,
  ratio,
  rows,
  sumDays,
} from './common.ts';

export const engagementFigures = [
  { key: 'posts', unit: 'count' },
  { key: 'comments', unit: 'count' },
  { key: 'reactions', unit: 'count' },
  { key: 'shares', unit: 'count' },
  { key: 'active_people', unit: 'count' },
  { key: 'per_active_person', unit: 'ratio' },
] as const;

/** Spaces in the bar chart. */
export const TOP_SPACES = 10;
const KINDS = ['posts', 'comments', 'reactions', 'shares'] as const;
type Kind = (typeof KINDS)[number];

async function activePeople(db: Db, f: ResolvedFilters) {
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT count(*) FILTER (WHERE a.now)::int AS now, count(*) FILTER (WHERE a.prev)::int AS prev
      FROM (${activeIn(f, f.previous.from, f.period.to, { now: f.period, prev: f.previous })}) a`,
  );
  return { now: num(row?.now), prev: num(row?.prev) };
}

/** The busiest spaces of the period (posts + comments + reactions + shares), with the previous period. */
async function spaces(db: Db, f: ResolvedFilters) {
  const place = f.spaceIds === null ? sql`true` : inList(sql.ref('s.space_id'), f.spaceIds);
  // One group of people: its own rows per space and day; several people filters: their people's.
  const grp = groupOf(f);
  const table =
    grp !== null
      ? sql`(SELECT g.day, g.space_id, g.engaged FROM analytics_group_space_days g WHERE g.grp = ${grp}) s`
      : hasPeopleFilter(f)
        ? sql`(SELECT d.day, d.space_id, d.posts + d.comments + d.reactions + d.shares AS engaged
          FROM analytics_space_person_days d WHERE ${peopleOnly(f, sql.ref('d.user_id'))}) s`
        : sql`(SELECT s.day, s.space_id, s.posts + s.comments + s.reactions + s.shares AS engaged
          FROM analytics_space_days s) s`;
  const total = sql`s.engaged`;
  return rows<{ id: string; name: string | null; now: unknown; prev: unknown }>(
    db,
    sql`SELECT t.space_id::text AS id, sp.name, t.now, t.prev FROM (
        SELECT s.space_id,
          coalesce(sum(${total}) FILTER (WHERE s.day >= ${f.period.from}::date), 0)::int AS now,
          coalesce(sum(${total}) FILTER (WHERE s.day <= ${f.previous.to}::date), 0)::int AS prev
        FROM ${table}
        WHERE s.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date AND ${place}
        GROUP BY s.space_id
      ) t
      JOIN spaces sp ON sp.id = t.space_id
      WHERE t.now > 0
      ORDER BY t.now DESC, sp.name
      LIMIT ${TOP_SPACES}`,
  );
}

type Days = Awaited<ReturnType<typeof dailyCounts>>;

/** How many of a kind over the period (`current`) or the previous period. */
const totalOf = (byDay: Days, f: ResolvedFilters, kind: Kind, current: boolean) =>
  current
    ? sumDays(byDay, kind, f.period.from, f.period.to)
    : sumDays(byDay, kind, f.previous.from, f.previous.to);
const kindFigure = (byDay: Days, f: ResolvedFilters, kind: Kind) =>
  figure(kind, 'count', totalOf(byDay, f, kind, true), totalOf(byDay, f, kind, false));

/** Posts and comments alone (for the ROI estimate): the dashboard's daily counts, nothing else. */
export async function engagementMeasures(db: Db, f: ResolvedFilters) {
  const byDay = await dailyCounts(db, f, f.previous.from, f.period.to);
  return [kindFigure(byDay, f, 'posts'), kindFigure(byDay, f, 'comments')];
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [byDay, active, top] = await Promise.all([
    dailyCounts(db, f, f.previous.from, f.period.to),
    activePeople(db, f),
    spaces(db, f),
  ]);
  const all = (current: boolean) => KINDS.reduce((s, k) => s + totalOf(byDay, f, k, current), 0);
  const periodDays = daysOf(f.period.from, f.period.to);
  return {
    figures: [
      ...KINDS.map((k) => kindFigure(byDay, f, k)),
      figure('active_people', 'count', active.now, active.prev),
      figure('per_active_person', 'ratio', ratio(all(true), active.now), ratio(all(false), active.prev)),
    ],
    charts: [
      {
        type: 'line',
        key: 'daily_engagement',
        unit: 'count',
        lines: KINDS.map((k) => ({
          key: k,
          points: periodDays.map((x) => ({ x, y: byDay.get(x)?.[k] ?? 0 })),
        })),
      },
      {
        type: 'bar',
        key: 'top_spaces',
        unit: 'count',
        bars: top.map((s) => ({
          id: s.id,
          label: s.name ?? '',
          value: num(s.now),
          previous: num(s.prev),
          suppressed: false,
        })),
      },
    ],
    notes: [],
  };
}

export const engagement: DashboardModule = { figures: [...engagementFigures], build };

// Adoption: who was invited and activated, who comes back (DAU, WAU, MAU, active rate),
// per department, and how long a new person takes to contribute.
import { sql } from 'kysely';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../filters.ts';
import {
  activity,
  addDays,
  type Built,
  DAY_TEXT,
  type DashboardModule,
  type Db,
  daysOf,
  endOf,
  figure,
  groupCondition,
  num,
  numOrNull,
  peopleOnly,
  percent,
  round,
  rows,
  startOf,
} from './common.ts';

export const adoptionFigures = [
  { key: 'invited', unit: 'count' },
  { key: 'activated', unit: 'count' },
  { key: 'dau', unit: 'count' },
  { key: 'wau', unit: 'count' },
  { key: 'mau', unit: 'count' },
  { key: 'active_people', unit: 'count' },
  { key: 'active_rate', unit: 'percent' },
  { key: 'median_days_to_first_contribution', unit: 'days' },
] as const;

interface Totals {
  active: number;
  active_prev: number;
  wau: number;
  wau_prev: number;
  mau: number;
  mau_prev: number;
}

/** Active people over the period, the previous one, and the 7 and 30 days ending on each. */
async function totals(db: Db, f: ResolvedFilters): Promise<Totals> {
  const p = f.period;
  const q = f.previous;
  const from = [q.from, addDays(q.to, -29)].sort()[0]!;
  const within = (a: string, b: string) => sql`bool_or(a.day BETWEEN ${a}::date AND ${b}::date)`;
  const [row] = await rows<Record<keyof Totals, unknown>>(
    db,
    sql`
    WITH per_person AS (
      SELECT a.user_id,
        ${within(p.from, p.to)} AS active, ${within(q.from, q.to)} AS active_prev,
        ${within(addDays(p.to, -6), p.to)} AS wau, ${within(addDays(q.to, -6), q.to)} AS wau_prev,
        ${within(addDays(p.to, -29), p.to)} AS mau, ${within(addDays(q.to, -29), q.to)} AS mau_prev
      FROM (${activity(f, from, p.to)}) a
      GROUP BY a.user_id
    )
    SELECT count(*) FILTER (WHERE active)::int AS active, count(*) FILTER (WHERE active_prev)::int AS active_prev,
      count(*) FILTER (WHERE wau)::int AS wau, count(*) FILTER (WHERE wau_prev)::int AS wau_prev,
      count(*) FILTER (WHERE mau)::int AS mau, count(*) FILTER (WHERE mau_prev)::int AS mau_prev
    FROM per_person`,
  );
  return {
    active: num(row?.active),
    active_prev: num(row?.active_prev),
    wau: num(row?.wau),
    wau_prev: num(row?.wau_prev),
    mau: num(row?.mau),
    mau_prev: num(row?.mau_prev),
  };
}

/** People active on each day of the previous period and the period. */
async function daily(db: Db, f: ResolvedFilters): Promise<Map<string, number>> {
  const list = await rows<{ day: string; n: unknown }>(
    db,
    sql`SELECT ${DAY_TEXT('a.day')} AS day, count(DISTINCT a.user_id)::int AS n
      FROM (${activity(f, f.previous.from, f.period.to)}) a GROUP BY a.day`,
  );
  return new Map(list.map((r) => [r.day, num(r.n)]));
}

interface DepartmentRow {
  id: string | null;
  name: string | null;
  people: unknown;
  active: unknown;
  active_prev: unknown;
}

/** Per department of the group: its people (active accounts) and those active in each period. */
async function departments(db: Db, f: ResolvedFilters): Promise<DepartmentRow[]> {
  const p = f.period;
  const q = f.previous;
  return rows<DepartmentRow>(
    db,
    sql`
    WITH per_person AS (
      SELECT a.user_id,
        bool_or(a.day BETWEEN ${p.from}::date AND ${p.to}::date) AS active,
        bool_or(a.day BETWEEN ${q.from}::date AND ${q.to}::date) AS active_prev
      FROM (${activity(f, q.from, p.to)}) a
      GROUP BY a.user_id
    )
    SELECT u.department_id::text AS id, dep.name, count(*)::int AS people,
      count(*) FILTER (WHERE pp.active)::int AS active,
      count(*) FILTER (WHERE pp.active_prev)::int AS active_prev
    FROM users u
    LEFT JOIN per_person pp ON pp.user_id = u.id
    LEFT JOIN departments dep ON dep.id = u.department_id
    WHERE ${groupCondition(f)}
    GROUP BY u.department_id, dep.name
    ORDER BY dep.name NULLS LAST`,
  );
}

/** Invitations sent (by people of the group), in each period: everywhere, spaces do not apply. */
async function invitations(db: Db, f: ResolvedFilters): Promise<{ now: number; prev: number }> {
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT
        coalesce(sum(d.invitations) FILTER (WHERE d.day >= ${f.period.from}::date), 0)::int AS now,
        coalesce(sum(d.invitations) FILTER (WHERE d.day <= ${f.previous.to}::date), 0)::int AS prev
      FROM analytics_person_days d
      WHERE d.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date AND d.invitations > 0
        AND ${peopleOnly(f, sql.ref('d.user_id'))}`,
  );
  return { now: num(row?.now), prev: num(row?.prev) };
}

/** Accounts activated, and the median days from invitation to first contribution, per period. */
async function newcomers(db: Db, f: ResolvedFilters) {
  const p = f.period;
  const q = f.previous;
  const daysTo = sql`(p.first_contribution_day - (p.invited_at AT TIME ZONE 'UTC')::date)`;
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT
        count(*) FILTER (WHERE p.activated_at >= ${startOf(p.from)} AND p.activated_at < ${endOf(p.to)})::int AS activated,
        count(*) FILTER (WHERE p.activated_at >= ${startOf(q.from)} AND p.activated_at < ${endOf(q.to)})::int AS activated_prev,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysTo})
          FILTER (WHERE p.invited_at IS NOT NULL AND p.first_contribution_day BETWEEN ${p.from}::date AND ${p.to}::date) AS median,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${daysTo})
          FILTER (WHERE p.invited_at IS NOT NULL AND p.first_contribution_day BETWEEN ${q.from}::date AND ${q.to}::date) AS median_prev
      FROM analytics_people p
      WHERE ${peopleOnly(f, sql.ref('p.user_id'))}`,
  );
  return {
    activated: num(row?.activated),
    activatedPrev: num(row?.activated_prev),
    median: round(numOrNull(row?.median), 1),
    medianPrev: round(numOrNull(row?.median_prev), 1),
  };
}

async function build(db: Db, f: ResolvedFilters): Promise<Built> {
  const [t, perDay, deps, inv, fresh] = await Promise.all([
    totals(db, f),
    daily(db, f),
    departments(db, f),
    invitations(db, f),
    newcomers(db, f),
  ]);
  const periodDays = daysOf(f.period.from, f.period.to);
  const previousDays = daysOf(f.previous.from, f.previous.to);
  const dau = (days: string[]) => round(days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / days.length, 1);
  const people = deps.reduce((s, d) => s + num(d.people), 0);
  const activeMembers = deps.reduce((s, d) => s + num(d.active), 0);
  const activeMembersPrev = deps.reduce((s, d) => s + num(d.active_prev), 0);

  const byDepartment: Chart = {
    type: 'bar',
    key: 'active_rate_by_department',
    unit: 'percent',
    bars: deps.map((d) => {
      const hidden = num(d.people) < f.minGroup;
      return {
        id: d.id,
        label: d.id === null ? 'no_department' : (d.name ?? ''),
        value: hidden ? null : percent(num(d.active), num(d.people)),
        previous: hidden ? null : percent(num(d.active_prev), num(d.people)),
        suppressed: hidden,
      };
    }),
  };
  const line: Chart = {
    type: 'line',
    key: 'daily_active_people',
    unit: 'count',
    lines: [{ key: 'active_people', points: periodDays.map((x) => ({ x, y: perDay.get(x) ?? 0 })) }],
  };
  return {
    figures: [
      figure('invited', 'count', inv.now, inv.prev),
      figure('activated', 'count', fresh.activated, fresh.activatedPrev),
      figure('dau', 'count', dau(periodDays), dau(previousDays)),
      figure('wau', 'count', t.wau, t.wau_prev),
      figure('mau', 'count', t.mau, t.mau_prev),
      figure('active_people', 'count', t.active, t.active_prev),
      figure('active_rate', 'percent', percent(activeMembers, people), percent(activeMembersPrev, people)),
      figure('median_days_to_first_contribution', 'days', fresh.median, fresh.medianPrev),
    ],
    charts: [line, byDepartment],
    notes: f.spaceIds === null ? [] : ['adoption_invitations_everywhere'],
  };
}

export const adoption: DashboardModule = { figures: [...adoptionFigures], build };

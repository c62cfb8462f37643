// Adoption: who was invited and activated, who comes back (DAU, WAU, MAU, active rate),
// per department, and how long a new person takes to contribute.
import { sql } from 'kysely';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../filters.ts';
import {
  activeIn,
  activePeople,
  activity,
  addDays,
  type Built,
  byPeople,
  DAY_TEXT,
  type DashboardModule,
  type Db,
  dailyTotals,
  daysOf,
  endOf,
  figure,
  groupCondition,
  groupOf,
  hasPeopleFilter,
  num,
  numOrNull,
  peopleOnly,
  percent,
  placeOf,
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

interface PersonRow {
  /** The group member's department (null for people outside the group, or without one). */
  department_id: string | null;
  member: boolean;
  people: unknown;
  active: unknown;
  active_prev: unknown;
  wau: unknown;
  wau_prev: unknown;
  mau: unknown;
  mau_prev: unknown;
}

/**
 * One scan of the activity rows: each person's presence in the period, the previous one, and
 * the 7 and 30 days ending on each; joined to the group's members (who may have been inactive)
 * and counted per department. Rows with member = false are active people outside the group
 * (deactivated since, or not members of the chosen spaces): they count in the totals only.
 */
async function people(db: Db, f: ResolvedFilters): Promise<PersonRow[]> {
  const p = f.period;
  const q = f.previous;
  const from = [q.from, addDays(q.to, -29)].sort()[0]!;
  const ranges = {
    active: p,
    active_prev: q,
    wau: { from: addDays(p.to, -6), to: p.to },
    wau_prev: { from: addDays(q.to, -6), to: q.to },
    mau: { from: addDays(p.to, -29), to: p.to },
    mau_prev: { from: addDays(q.to, -29), to: q.to },
  };
  const counts = sql.join(
    Object.keys(ranges).map((k) => sql`count(*) FILTER (WHERE ${sql.ref(`pp.${k}`)})::int AS ${sql.ref(k)}`),
  );
  return rows<PersonRow>(
    db,
    sql`
    WITH pp AS (${activeIn(f, from, p.to, ranges)}),
      g AS (SELECT u.id, u.department_id FROM users u WHERE ${groupCondition(f)})
    SELECT g.department_id::text AS department_id, g.id IS NOT NULL AS member, count(*)::int AS people, ${counts}
    FROM pp FULL JOIN g ON g.id = pp.user_id
    GROUP BY 1, 2`,
  );
}

/**
 * People active each day of [from, to]: the day tables when they answer (no people filter,
 * or one space; one department, site or people cohort everywhere: its own day table),
 * otherwise people of the activity rows (activePeople) — only their day and person are
 * read, which the person indexes hold.
 */
async function dailyActive(
  db: Db,
  f: ResolvedFilters,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  if (!hasPeopleFilter(f) && (placeOf(f) !== null || f.spaceIds?.length === 1)) {
    const totals = await dailyTotals(db, f, from, to);
    return new Map([...totals].map(([day, row]) => [day, row.active]));
  }
  const grp = groupOf(f);
  const list = await rows<{ day: string; active: unknown }>(
    db,
    grp !== null && f.spaceIds === null
      ? sql`SELECT ${DAY_TEXT('g.day')} AS day, g.active FROM analytics_group_active g
          WHERE g.grp = ${grp} AND g.day BETWEEN ${from}::date AND ${to}::date`
      : sql`SELECT ${DAY_TEXT('a.day')} AS day, ${activePeople(f)}::int AS active
          FROM (${activity(f, from, to)}) a GROUP BY a.day`,
  );
  return new Map(list.map((r) => [r.day, num(r.active)]));
}

/** Invitations sent (by people of the group), in each period: everywhere, spaces do not apply. */
async function invitations(db: Db, f: ResolvedFilters): Promise<{ now: number; prev: number }> {
  const table = hasPeopleFilter(f)
    ? sql`(SELECT d.day, d.invitations FROM ${byPeople(f, sql`analytics_person_days`)} WHERE d.invitations > 0) d`
    : sql`analytics_days d`;
  const [row] = await rows<{ now: unknown; prev: unknown }>(
    db,
    sql`SELECT
        coalesce(sum(d.invitations) FILTER (WHERE d.day >= ${f.period.from}::date), 0)::int AS now,
        coalesce(sum(d.invitations) FILTER (WHERE d.day <= ${f.previous.to}::date), 0)::int AS prev
      FROM ${table}
      WHERE d.day BETWEEN ${f.previous.from}::date AND ${f.period.to}::date`,
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
  const [list, perDay, inv, fresh, names] = await Promise.all([
    people(db, f),
    dailyActive(db, f, f.previous.from, f.period.to),
    invitations(db, f),
    newcomers(db, f),
    db.selectFrom('departments').select(['id', 'name']).execute(),
  ]);
  const periodDays = daysOf(f.period.from, f.period.to);
  const previousDays = daysOf(f.previous.from, f.previous.to);
  const dau = (days: string[]) => round(days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / days.length, 1);
  const total = (key: keyof PersonRow, rowsOf = list) => rowsOf.reduce((s, r) => s + num(r[key]), 0);
  const members = list.filter((r) => r.member);
  // Active people outside the group have no department here: count those of the group only.
  const activeTotal = (key: 'active' | 'active_prev' | 'wau' | 'wau_prev' | 'mau' | 'mau_prev') => total(key);
  const groupPeople = total('people', members);
  const departmentName = new Map(names.map((d) => [d.id, d.name]));
  const byDepartment: Chart = {
    type: 'bar',
    key: 'active_rate_by_department',
    unit: 'percent',
    bars: members
      .map((d) => {
        const hidden = num(d.people) < f.minGroup;
        return {
          id: d.department_id,
          label: d.department_id === null ? 'no_department' : (departmentName.get(d.department_id) ?? ''),
          value: hidden ? null : percent(num(d.active), num(d.people)),
          previous: hidden ? null : percent(num(d.active_prev), num(d.people)),
          suppressed: hidden,
        };
      })
      .sort((a, b) => (a.id === null ? 1 : b.id === null ? -1 : a.label.localeCompare(b.label))),
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
      figure('wau', 'count', activeTotal('wau'), activeTotal('wau_prev')),
      figure('mau', 'count', activeTotal('mau'), activeTotal('mau_prev')),
      figure('active_people', 'count', activeTotal('active'), activeTotal('active_prev')),
      figure(
        'active_rate',
        'percent',
        percent(total('active', members), groupPeople),
        percent(total('active_prev', members), groupPeople),
      ),
      figure('median_days_to_first_contribution', 'days', fresh.median, fresh.medianPrev),
    ],
    charts: [line, byDepartment],
    notes: f.spaceIds === null ? [] : ['adoption_invitations_everywhere'],
  };
}

export const adoption: DashboardModule = { figures: [...adoptionFigures], build };

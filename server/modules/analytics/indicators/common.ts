// What every dashboard shares: the filtered group of people, the activity rows of a period
// (from the roll-ups only, never the raw log), days and weeks, and figure helpers. The
// definitions are written down in docs/analytics.md; keep both in step.
import { type RawBuilder, sql } from 'kysely';
import type { Chart, Figure } from '../../../../common/schemas/analytics.ts';
import type { AnyDb } from '../../../db/database.ts';
import { UNPREPARED } from '../../../db/prepared-client.ts';
import type { ResolvedFilters } from '../filters.ts';
import { DAY_COLUMNS } from '../rollups/apply.ts';

export type Db = AnyDb;
export type Sql = RawBuilder<unknown>;

/** What one dashboard module computes (the caller adds the period, group and suppression). */
export interface Built {
  figures: Figure[];
  charts: Chart[];
  notes: string[];
}

export interface FigureSpec {
  key: string;
  unit: Figure['unit'];
}

export interface DashboardModule {
  /** Every figure the dashboard returns, in order (also when it is suppressed). */
  figures: FigureSpec[];
  build(db: Db, f: ResolvedFilters): Promise<Built>;
}

const DAY_MS = 86_400_000;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Every day of [from, to], in order. */
export function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The Monday of a day's week (weeks start on Monday, UTC). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The Mondays of the weeks the period touches, in order. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Start of a day as an instant, and the instant just after a day. */
export const startOf = (day: string) => new Date(`${day}T00:00:00Z`);
export const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

export const hasPeopleFilter = (f: ResolvedFilters) =>
  f.departmentId !== null || f.siteId !== null || f.peopleCohortId !== null;

/**
 * The one group of people the filters name, as the group roll-ups key it ('department:<id>',
 * 'site:<id>', 'cohort:<id>'), or null (no people filter, or several at once).
 */
export function namedGroup(f: ResolvedFilters): string | null {
  const named = [
    f.departmentId && `department:${f.departmentId}`,
    f.siteId && `site:${f.siteId}`,
    f.peopleCohortId && `cohort:${f.peopleCohortId}`,
  ].filter((g): g is string => Boolean(g));
  return named.length === 1 ? named[0]! : null;
}

/**
 * The group whose roll-ups answer for these filters: the named group, if the refresh filed
 * every event under its members as they are now (nobody joined or left it since; otherwise
 * its members' own rows answer until the next refresh). One pass over the group's members
 * and the noted groups.
 */
export async function upToDateGroup(db: Db, f: ResolvedFilters): Promise<string | null> {
  const grp = namedGroup(f);
  if (grp === null) return null;
  const [row] = await rows<{ stale: boolean }>(
    db,
    sql`SELECT EXISTS (
        SELECT 1 FROM users u WHERE u.erased_at IS NULL AND ${peopleCondition(f)}
          AND NOT EXISTS (SELECT 1 FROM analytics_person_groups p WHERE p.user_id = u.id AND ${grp} = ANY (p.groups))
      ) OR EXISTS (
        SELECT 1 FROM analytics_person_groups p WHERE p.groups @> ARRAY[${grp}]::text[]
          AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p.user_id AND u.erased_at IS NULL AND ${peopleCondition(f)})
      ) AS stale`,
  );
  return row?.stale ? null : grp;
}

/** The group roll-ups to read for these filters (see upToDateGroup), or null. */
export const groupOf = (f: ResolvedFilters): string | null => f.group ?? null;

/** The first day of a day's month. */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/** `column IN (ids)`, or false for no ids. */
export function inList(column: Sql, ids: string[]): Sql {
  return ids.length === 0 ? sql`false` : sql`${column} IN (${sql.join(ids)})`;
}

/** The people-side filters on the users row `u` (any status: history stays theirs). */
export function peopleCondition(f: ResolvedFilters, u = 'u'): Sql {
  const conds: Sql[] = [sql`true`];
  const ref = (c: string) => sql.ref(`${u}.${c}`);
  if (f.departmentId) conds.push(sql`${ref('department_id')} = ${f.departmentId}`);
  if (f.siteId) conds.push(sql`${ref('site_id')} = ${f.siteId}`);
  if (f.peopleCohortId)
    conds.push(
      sql`EXISTS (SELECT 1 FROM analytics_cohort_members cm WHERE cm.cohort_id = ${f.peopleCohortId} AND cm.member_id = ${ref('id')})`,
    );
  return sql.join(conds, sql` AND `);
}

/**
 * The group of people the dashboard is about: active accounts matching the people-side
 * filters and, when spaces are chosen, members of at least one of them.
 */
export function groupCondition(f: ResolvedFilters, u = 'u'): Sql {
  const spaces =
    f.spaceIds === null
      ? sql`true`
      : f.spaceIds.length === 0
        ? sql`false`
        : sql`EXISTS (SELECT 1 FROM space_members sm WHERE sm.user_id = ${sql.ref(`${u}.id`)} AND ${inList(sql.ref('sm.space_id'), f.spaceIds)})`;
  return sql`${sql.ref(`${u}.status`)} = 'active' AND ${sql.ref(`${u}.erased_at`)} IS NULL AND ${peopleCondition(f, u)} AND ${spaces}`;
}

/** Restricts `column` (a user id) to people matching the people-side filters, if any. */
export function peopleOnly(f: ResolvedFilters, column: Sql): Sql {
  return hasPeopleFilter(f)
    ? sql`${column} IN (SELECT u.id FROM users u WHERE ${peopleCondition(f)})`
    : sql`true`;
}

/**
 * The place the roll-ups keep on its own for these filters: '*' (every place, visits
 * included), 'type:<space type>' (exactly a type's spaces), or null (a list of spaces, read
 * space by space).
 */
export function placeOf(f: ResolvedFilters): string | null {
  if (f.spaceType) return `type:${f.spaceType}`;
  return f.spaceIds === null ? '*' : null;
}

/**
 * `FROM table d` of rows keyed by person (`d.user_id`, or another alias and column), for the
 * people matching the filters: joined from their users row when a people filter applies, so
 * each person's rows are read through an index on (person, …) rather than the whole period's.
 */
export function byPeople(f: ResolvedFilters, table: Sql, alias = 'd', person = 'user_id'): Sql {
  const as = sql.raw(alias);
  return hasPeopleFilter(f)
    ? sql`users u JOIN ${table} ${as} ON ${sql.ref(`${alias}.${person}`)} = u.id AND ${peopleCondition(f)}`
    : sql`${table} ${as}`;
}

/**
 * Activity rows (day, user_id and the counts) of [from, to]: person-days over every place,
 * person-days of a space type, or person-days in the chosen spaces (several rows per person
 * and day then); no visits outside the whole organisation (they belong to no space), for
 * the people matching the filters.
 */
export function activity(f: ResolvedFilters, from: string, to: string): Sql {
  const cols = sql`d.day, d.user_id, d.posts, d.questions, d.comments, d.answers, d.reactions, d.shares, d.votes, d.pages, d.events, d.actions`;
  const days = sql`d.day BETWEEN ${from}::date AND ${to}::date`;
  const place = placeOf(f);
  if (place === '*')
    return sql`SELECT ${cols}, d.visits, d.invitations FROM ${byPeople(f, sql`analytics_person_days`)}
      WHERE ${days}`;
  if (place !== null)
    return sql`SELECT ${cols}, 0 AS visits, 0 AS invitations FROM ${byPeople(f, sql`analytics_place_person_days`)}
      WHERE d.place = ${place} AND ${days}`;
  return sql`SELECT ${cols}, 0 AS visits, 0 AS invitations FROM analytics_space_person_days d
    WHERE ${days} AND ${inList(sql.ref('d.space_id'), f.spaceIds ?? [])}
      AND ${peopleOnly(f, sql.ref('d.user_id'))}`;
}

export const DAILY_COLUMNS = ['active', ...DAY_COLUMNS] as const;
export type DailyColumn = (typeof DAILY_COLUMNS)[number];
export type DailyRow = Record<DailyColumn, number>;

/**
 * Distinct people among activity rows grouped by day (`a`, from `activity`): everywhere or in
 * a space type a person has one row a day, so counting rows counts people (a hash per day,
 * where DISTINCT sorted every row); in a list of spaces, a person has a row per space.
 */
export const activePeople = (f: ResolvedFilters): Sql =>
  placeOf(f) === null ? sql`count(DISTINCT a.user_id)` : sql`count(*)`;

/**
 * The group's totals per day of [from, to] (days without activity are absent): the
 * organisation's day table when no filter applies, else summed from the activity rows.
 * `active` counts distinct people.
 */
export async function dailyTotals(
  db: Db,
  f: ResolvedFilters,
  from: string,
  to: string,
): Promise<Map<string, DailyRow>> {
  const sums = sql.join(
    DAILY_COLUMNS.filter((c) => c !== 'active').map(
      (c) => sql`sum(${sql.ref(`a.${c}`)})::int AS ${sql.ref(c)}`,
    ),
  );
  const columns = (active: string) =>
    sql.join(
      DAILY_COLUMNS.map((c) => (c === 'active' ? sql`a.${sql.raw(active)} AS active` : sql.ref(`a.${c}`))),
    );
  const place = placeOf(f);
  const within = sql`a.day BETWEEN ${from}::date AND ${to}::date`;
  let query: Sql;
  if (hasPeopleFilter(f) || (place === null && f.spaceIds?.length !== 1)) {
    query = sql`SELECT ${DAY_TEXT('a.day')} AS day, ${activePeople(f)}::int AS active, ${sums}
      FROM (${activity(f, from, to)}) a GROUP BY a.day`;
  } else if (place === '*')
    query = sql`SELECT ${DAY_TEXT('a.day')} AS day, ${columns('active')} FROM analytics_days a WHERE ${within}`;
  else if (place !== null)
    query = sql`SELECT ${DAY_TEXT('a.day')} AS day, ${columns('active')} FROM analytics_place_days a
      WHERE a.place = ${place} AND ${within}`;
  else
    query = sql`SELECT ${DAY_TEXT('a.day')} AS day, ${columns('people')} FROM analytics_space_days a
      WHERE a.space_id = ${f.spaceIds![0]!} AND ${within}`;
  const list = await rows<{ day: string } & Record<DailyColumn, unknown>>(db, query);
  return new Map(
    list.map((r) => [r.day, Object.fromEntries(DAILY_COLUMNS.map((c) => [c, num(r[c])])) as DailyRow]),
  );
}

export const COUNT_COLUMNS = ['posts', 'comments', 'reactions', 'shares', 'pages'] as const;
export type CountRow = Record<(typeof COUNT_COLUMNS)[number], number>;

/**
 * Posts, comments, reactions, shares and pages per day of [from, to]: for one group of people
 * everywhere, that group's day rows; otherwise the daily totals.
 */
export async function dailyCounts(
  db: Db,
  f: ResolvedFilters,
  from: string,
  to: string,
): Promise<Map<string, CountRow>> {
  const grp = groupOf(f);
  if (grp === null || f.spaceIds !== null) return dailyTotals(db, f, from, to);
  const list = await rows<{ day: string } & Record<string, unknown>>(
    db,
    sql`SELECT ${DAY_TEXT('g.day')} AS day, ${sql.join(COUNT_COLUMNS.map((c) => sql.ref(`g.${c}`)))}
      FROM analytics_group_days g WHERE g.grp = ${grp} AND g.day BETWEEN ${from}::date AND ${to}::date`,
  );
  return new Map(
    list.map((r) => [r.day, Object.fromEntries(COUNT_COLUMNS.map((c) => [c, num(r[c])])) as CountRow]),
  );
}

/** Sums a column of daily totals over [from, to]. */
export function sumDays<K extends string>(
  days: Map<string, Record<K, number>>,
  column: K,
  from: string,
  to: string,
): number {
  let total = 0;
  for (const [day, row] of days) if (day >= from && day <= to) total += row[column];
  return total;
}

/**
 * For each person active in [from, to] of the activity rows: whether they were active in
 * each named range. Everywhere or in a space type, from the bitmaps of active days (one row
 * per person); in a list of spaces, one scan of their rows, grouped per person.
 */
export function activeIn(
  f: ResolvedFilters,
  from: string,
  to: string,
  ranges: Record<string, DayRangeLike>,
): Sql {
  const place = placeOf(f);
  if (place !== null) {
    const flags = sql.join(
      Object.entries(ranges).map(
        ([name, r]) =>
          sql`analytics_days_in(d.days, d.first_day, ${r.from}::date, ${r.to}::date) > 0 AS ${sql.ref(name)}`,
      ),
    );
    return sql`SELECT * FROM (
        SELECT d.user_id, ${flags} FROM ${byPeople(f, sql`analytics_actors`)}
        WHERE d.place = ${place} AND analytics_days_in(d.days, d.first_day, ${from}::date, ${to}::date) > 0
      ) x`;
  }
  const flags = sql.join(
    Object.entries(ranges).map(
      ([name, r]) => sql`bool_or(a.day BETWEEN ${r.from}::date AND ${r.to}::date) AS ${sql.ref(name)}`,
    ),
  );
  return sql`SELECT a.user_id, ${flags} FROM (${activity(f, from, to)}) a GROUP BY a.user_id`;
}
export interface DayRangeLike {
  from: string;
  to: string;
}

/** Contributions of an activity row: posts, questions, comments, answers, pages, events, shares. */
export const CONTRIBUTIONS = sql`(a.posts + a.questions + a.comments + a.answers + a.pages + a.events + a.shares)`;
/** Creating: posts, questions, pages, events. */
export const CREATIONS = sql`(a.posts + a.questions + a.pages + a.events)`;
/** Contributing to others' content: comments, answers, reactions, votes, shares. */
export const RESPONSES = sql`(a.comments + a.answers + a.reactions + a.votes + a.shares)`;

export const DAY_TEXT = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/**
 * Runs a dashboard query, planned for its own parameters every time (no prepared statement,
 * see db/prepared-client.ts). After five runs on a connection PostgreSQL may settle on a
 * generic plan, blind to the period and to how many spaces a list holds: at 50M events the
 * knowledge median of a space type went from ~30 ms to ~350 ms on every connection that had
 * served it five times. These queries take tens of milliseconds; planning them, one or two.
 */
export async function rows<T>(db: Db, query: Sql): Promise<T[]> {
  return (await sql`${sql.raw(UNPREPARED)} ${query}`.execute(db)).rows as T[];
}

export function num(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}
export function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

export function round(v: number | null, digits: number): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

/** part / whole × 100, one decimal; null when whole is 0. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? round((part / whole) * 100, 1) : null;
}

export function ratio(part: number, whole: number, digits = 2): number | null {
  return whole > 0 ? round(part / whole, digits) : null;
}

export function figure(
  key: string,
  unit: Figure['unit'],
  value: number | null,
  previous: number | null,
): Figure {
  return { key, unit, value, previous, suppressed: false };
}

/** The figures of a suppressed dashboard: every key, no value. */
export function suppressedFigures(specs: FigureSpec[]): Figure[] {
  return specs.map((s) => ({ key: s.key, unit: s.unit, value: null, previous: null, suppressed: true }));
}

/** Median of numbers (null for none). */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The Gini coefficient of non-negative amounts, textbook formula over the amounts sorted
 * ascending (x1 ≤ … ≤ xn): G = 2·Σ i·xi / (n·Σ xi) − (n + 1) / n. Null when nobody or nothing.
 */
export function gini(amounts: number[]): number | null {
  const n = amounts.length;
  const total = amounts.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return null;
  const sorted = [...amounts].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (i + 1) * x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Lorenz curve points (at most `max` + 1, from (0, 0) to (1, 1)), least active first. */
export function lorenz(amounts: number[], max = 100): { x: number; y: number }[] {
  const n = amounts.length;
  const total = amounts.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return [];
  const sorted = [...amounts].sort((a, b) => a - b);
  const cumulative: number[] = [0];
  for (const x of sorted) cumulative.push(cumulative.at(-1)! + x);
  const points: { x: number; y: number }[] = [];
  const steps = Math.min(n, max);
  for (let k = 0; k <= steps; k++) {
    const i = Math.round((k * n) / steps);
    points.push({ x: round(i / n, 4)!, y: round(cumulative[i]! / total, 4)! });
  }
  return points;
}

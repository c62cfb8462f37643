// What the dashboards of care, ideas and ambassadors share: they read their capability's own
// tables (small next to the activity log) through time indexes, the period and the previous
// one in a single scan, each row filed under the period it belongs to.
import { sql } from 'kysely';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import type { DayRange, ResolvedFilters } from '../filters.ts';
import { endOf, type Sql, startOf, weeksOf } from './common.ts';

/** `'now'` for a time in the period, `'prev'` for one in the previous period (the scan keeps only those). */
export function bucket(column: string, f: ResolvedFilters): Sql {
  return sql`CASE WHEN ${sql.ref(column)} >= ${startOf(f.period.from)} THEN 'now' ELSE 'prev' END`;
}

/** A time column within the previous period or the period: [start of previous, end of period). */
export function inBothPeriods(column: string, f: ResolvedFilters): Sql {
  return sql`${sql.ref(column)} >= ${startOf(f.previous.from)} AND ${sql.ref(column)} < ${endOf(f.period.to)}`;
}

/** A time column within a range of days. */
export function inDays(column: string, r: DayRange): Sql {
  return sql`${sql.ref(column)} >= ${startOf(r.from)} AND ${sql.ref(column)} < ${endOf(r.to)}`;
}

/** A time column within the period. */
export const inPeriod = (column: string, f: ResolvedFilters): Sql => inDays(column, f.period);

/** Rows keyed by bucket: the period's and the previous period's (empty objects when absent). */
export function byBucket<T extends { bucket: string }>(list: T[]): { now: Partial<T>; prev: Partial<T> } {
  return {
    now: list.find((r) => r.bucket === 'now') ?? {},
    prev: list.find((r) => r.bucket === 'prev') ?? {},
  };
}

/**
 * A line chart over the weeks the period touches (x = the Monday): one line per key, the
 * value of each week from `value` (rows keyed by `week`), `empty` for a week without rows.
 */
export function weeklyChart<T extends { week: string }>(
  f: ResolvedFilters,
  key: string,
  unit: Chart['unit'],
  list: T[],
  lines: Record<string, (row: T) => number | null>,
  empty: number | null = 0,
): Chart {
  const byWeek = new Map(list.map((r) => [r.week, r]));
  return {
    type: 'line',
    key,
    unit,
    lines: Object.entries(lines).map(([line, value]) => ({
      key: line,
      points: weeksOf(f.period.from, f.period.to).map((x) => {
        const row = byWeek.get(x);
        return { x, y: row ? value(row) : empty };
      }),
    })),
  };
}

/** True when a filter that a dashboard does not apply is set (people or place). */
export const anyFilter = (f: ResolvedFilters) =>
  f.departmentId !== null || f.siteId !== null || f.peopleCohortId !== null || f.spaceIds !== null;

/**
 * `measures` per week of the period of a time column over `source` (FROM … WHERE …, within
 * the period), each row's week its Monday as YYYY-MM-DD (`week`): each row is filed under its
 * week by comparing its time with the period's Mondays (width_bucket), where truncating every
 * row's time to its week cost half the scan of 100,000 rows.
 */
export const weekly = (f: ResolvedFilters, column: string, measures: Sql, source: Sql) => {
  const mondays = weeksOf(f.period.from, f.period.to);
  const index =
    mondays.length > 1
      ? sql`width_bucket(${sql.ref(column)}, ARRAY[${sql.join(mondays.slice(1).map((m) => startOf(m)))}]::timestamptz[])`
      : sql`0`;
  return sql`SELECT (ARRAY[${sql.join(mondays)}]::text[])[x.i + 1] AS week, x.* FROM (
    SELECT ${index} AS i, ${measures} ${source} GROUP BY 1
  ) x`;
};

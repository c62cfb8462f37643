// The dashboards' filters live in the address (?days=30&departmentId=…), so a view can be
// shared, bookmarked and printed as it is. Presets stay relative ("the last 7 days"); a
// custom period is written as its two days.
import type { AnalyticsFilters } from '../../../common/schemas/analytics.ts';
import { SPACE_TYPES, type SpaceType } from '../../../common/schemas/spaces.ts';

export const PRESETS = [7, 30, 90] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET: Preset = 30;

const ID_KEYS = ['departmentId', 'siteId', 'spaceId', 'cohortId'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface UrlFilters {
  /** A preset, or null for a custom period (`from`–`to`). */
  days: Preset | null;
  from: string | null;
  to: string | null;
  departmentId: string | null;
  siteId: string | null;
  spaceId: string | null;
  spaceType: SpaceType | null;
  cohortId: string | null;
}

export function readFilters(params: URLSearchParams): UrlFilters {
  const from = params.get('from');
  const to = params.get('to');
  const custom = from !== null && to !== null && DAY.test(from) && DAY.test(to);
  const days = Number(params.get('days'));
  const type = params.get('spaceType');
  const id = (key: string) => {
    const value = params.get(key);
    return value && value.length <= 64 ? value : null;
  };
  return {
    days: custom ? null : (PRESETS as readonly number[]).includes(days) ? (days as Preset) : DEFAULT_PRESET,
    from: custom ? from : null,
    to: custom ? to : null,
    departmentId: id('departmentId'),
    siteId: id('siteId'),
    spaceId: id('spaceId'),
    spaceType: type && (SPACE_TYPES as readonly string[]).includes(type) ? (type as SpaceType) : null,
    cohortId: id('cohortId'),
  };
}

/** The query string for these filters, dropping what is at its default. */
export function writeFilters(filters: UrlFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.days === null && filters.from && filters.to) {
    params.set('from', filters.from);
    params.set('to', filters.to);
  } else if (filters.days !== null && filters.days !== DEFAULT_PRESET) {
    params.set('days', String(filters.days));
  }
  for (const key of ID_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.spaceType) params.set('spaceType', filters.spaceType);
  return params;
}

/** `YYYY-MM-DD` of a date, in UTC (analytics days are UTC days). */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));
}

/** What the API takes: a preset becomes the last N days ending `today`. */
export function apiFilters(filters: UrlFilters, today: string): AnalyticsFilters {
  const period =
    filters.days === null && filters.from && filters.to
      ? { from: filters.from, to: filters.to }
      : { from: addDays(today, -((filters.days ?? DEFAULT_PRESET) - 1)), to: today };
  const out: AnalyticsFilters = { ...period };
  for (const key of ID_KEYS) {
    const value = filters[key];
    if (value) out[key] = value;
  }
  if (filters.spaceType) out.spaceType = filters.spaceType;
  return out;
}

/** Keeps the filters' part of the address when moving between tabs. */
export function withFilters(path: string, search: URLSearchParams): string {
  const query = writeFilters(readFilters(search)).toString();
  return query ? `${path}?${query}` : path;
}

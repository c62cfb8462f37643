import { describe, expect, it } from 'vitest';
import { addDays, apiFilters, readFilters, withFilters, writeFilters } from './url-filters.ts';

const read = (query: string) => readFilters(new URLSearchParams(query));

describe('filters in the address', () => {
  it('defaults to the last 30 days and nothing else', () => {
    expect(read('')).toMatchObject({ days: 30, from: null, to: null, departmentId: null, spaceType: null });
    expect(writeFilters(read('')).toString()).toBe('');
  });

  it('keeps a preset, a custom period and the filters', () => {
    expect(writeFilters(read('days=7&departmentId=d1&cohortId=c1')).toString()).toBe(
      'days=7&departmentId=d1&cohortId=c1',
    );
    expect(writeFilters(read('from=2026-01-01&to=2026-01-31&spaceType=project')).toString()).toBe(
      'from=2026-01-01&to=2026-01-31&spaceType=project',
    );
  });

  it('ignores what it does not understand', () => {
    expect(read('days=12&spaceType=castle&from=yesterday&to=2026-01-01')).toMatchObject({
      days: 30,
      from: null,
      spaceType: null,
    });
  });

  it('turns a preset into the last N days, today included', () => {
    expect(apiFilters(read('days=7&siteId=s1'), '2026-12-02')).toEqual({
      from: '2026-11-26',
      to: '2026-12-02',
      siteId: 's1',
    });
    expect(apiFilters(read('from=2026-02-27&to=2026-03-01'), '2026-12-02')).toEqual({
      from: '2026-02-27',
      to: '2026-03-01',
    });
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('carries the filters to another tab', () => {
    expect(withFilters('/analytics/roi', new URLSearchParams('days=90&departmentId=d1&x=1'))).toBe(
      '/analytics/roi?days=90&departmentId=d1',
    );
    expect(withFilters('/analytics', new URLSearchParams(''))).toBe('/analytics');
  });
});

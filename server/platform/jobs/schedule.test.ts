import { describe, expect, it } from 'vitest';
import { dailyAtUtc } from './schedule.ts';

describe('dailyAtUtc', () => {
  const at3 = dailyAtUtc(3);
  it('is later the same day before the hour, the next day from the hour on', () => {
    expect(at3(new Date('2026-12-02T01:59:00Z')).toISOString()).toBe('2026-12-02T03:00:00.000Z');
    expect(at3(new Date('2026-12-02T03:00:00Z')).toISOString()).toBe('2026-12-03T03:00:00.000Z');
    expect(at3(new Date('2026-12-31T22:00:00Z')).toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });
});

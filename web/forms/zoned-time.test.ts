import { describe, expect, it } from 'vitest';
import { zonedTimeToIso } from './zoned-time.ts';

describe('zonedTimeToIso', () => {
  it('reads a wall time in the zone it names, winter and summer', () => {
    expect(zonedTimeToIso('2026-12-03', '09:30', 'Europe/Paris')).toBe('2026-12-03T08:30:00.000Z');
    expect(zonedTimeToIso('2026-07-03', '09:30', 'Europe/Paris')).toBe('2026-07-03T07:30:00.000Z');
    expect(zonedTimeToIso('2026-12-03', '09:30', 'America/Toronto')).toBe('2026-12-03T14:30:00.000Z');
    expect(zonedTimeToIso('2026-12-03', '09:30', 'UTC')).toBe('2026-12-03T09:30:00.000Z');
  });

  it('gives null for an incomplete date or time', () => {
    expect(zonedTimeToIso('', '09:30', 'UTC')).toBeNull();
    expect(zonedTimeToIso('2026-12-03', '', 'UTC')).toBeNull();
  });
});

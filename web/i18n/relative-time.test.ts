import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relative-time.ts';

const now = new Date('2026-05-20T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('relative time', () => {
  it('speaks English and French', () => {
    expect(formatRelativeTime(ago(5), now, 'en')).toBe('now');
    expect(formatRelativeTime(ago(3 * 60), now, 'en')).toBe('3 minutes ago');
    expect(formatRelativeTime(ago(3 * 60), now, 'fr')).toBe('il y a 3 minutes');
    expect(formatRelativeTime(ago(2 * 3600), now, 'fr')).toBe('il y a 2 heures');
    expect(formatRelativeTime(ago(26 * 3600), now, 'en')).toBe('yesterday');
    expect(formatRelativeTime(ago(26 * 3600), now, 'fr')).toBe('hier');
  });

  it('gives a date past a week, and no future for a clock slightly ahead', () => {
    expect(formatRelativeTime(ago(30 * 86400), now, 'en')).toBe('Apr 20');
    expect(formatRelativeTime(new Date('2025-01-02T12:00:00Z'), now, 'en')).toBe('Jan 2, 2025');
    expect(formatRelativeTime(new Date(now.getTime() + 20_000), now, 'en')).toBe('now');
    expect(formatRelativeTime('nonsense', now, 'en')).toBe('');
  });
});

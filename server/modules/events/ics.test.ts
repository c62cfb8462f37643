import { describe, expect, it } from 'vitest';
import { calendar, escapeText, foldLine, icsTime } from './ics.ts';

describe('iCalendar', () => {
  it('writes times in UTC', () => {
    expect(icsTime(new Date('2026-12-03T09:05:00.000Z'))).toBe('20261203T090500Z');
  });

  it('escapes text so commas, semicolons and new lines stay text', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const p of physical) expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('makes a calendar with CRLF line ends and one VEVENT per event', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const text = calendar(
      [
        {
          id: 'e1',
          title: 'Atelier, photométrie',
          description: 'Salle 2',
          startsAt: new Date('2026-12-03T09:00:00Z'),
          endsAt: new Date('2026-12-03T10:30:00Z'),
          timeZone: 'Europe/Paris',
          location: 'Lyon',
          onlineUrl: null,
          cancelled: false,
          createdAt: at,
          updatedAt: at,
          url: 'https://trame.example/events/e1',
        },
      ],
      { host: 'trame.example', name: 'Trame', now: at },
    );
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(text).toContain('SUMMARY:Atelier\\, photométrie');
    expect(text).toContain('DTSTART:20261203T090000Z');
    expect(text).toContain('UID:e1@trame.example');
    expect(text).not.toMatch(/[^\r]\n/);
  });
});

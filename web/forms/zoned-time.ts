// A wall-clock date and time in a named time zone, as an instant (ISO, UTC), without a
// time-zone library: guess the instant as if the zone were UTC, ask Intl what the clock in
// that zone reads then, and correct by the difference (twice, for offsets that change
// around the guess, as at daylight-saving changes).

function wallClockAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** `2026-12-03`, `09:30`, `Europe/Paris` → `2026-12-03T08:30:00.000Z`; null when incomplete. */
export function zonedTimeToIso(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wanted = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  let instant = wanted;
  for (let i = 0; i < 2; i++) instant += wanted - wallClockAt(instant, timeZone);
  return new Date(instant).toISOString();
}

/** The reader's own zone, to offer first. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Zones of the places Trame's organisations work in, and the reader's own. */
export const COMMON_TIME_ZONES = [
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/London',
  'Europe/Berlin',
  'America/Toronto',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'UTC',
];

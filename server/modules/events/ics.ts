// iCalendar (RFC 5545) for events: one event for a download, several for a person's feed.
// Times are written in UTC (…Z), which every calendar converts to its reader's zone, so no
// time-zone definitions have to be embedded; the organiser's zone is named in the
// description. Text is escaped and lines are folded at 75 octets without splitting a
// character, with CRLF line ends, as the standard requires.

export interface IcsEvent {
  id: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string | null;
  onlineUrl: string | null;
  cancelled: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** The event's page in Trame. */
  url: string;
}

/** 2026-12-03T09:00:00.000Z → 20261203T090000Z */
export function icsTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line: at most 75 octets per physical line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines spend one octet on the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function vevent(e: IcsEvent, host: string, now: Date): string[] {
  const description = [e.description, e.onlineUrl ?? '', `(${e.timeZone})`].filter(Boolean).join('\n\n');
  return [
    'BEGIN:VEVENT',
    `UID:${e.id}@${host}`,
    `DTSTAMP:${icsTime(now)}`,
    `CREATED:${icsTime(e.createdAt)}`,
    `LAST-MODIFIED:${icsTime(e.updatedAt)}`,
    // Increases with each change, so calendars replace their copy.
    `SEQUENCE:${Math.max(0, Math.floor((e.updatedAt.getTime() - e.createdAt.getTime()) / 1000))}`,
    `DTSTART:${icsTime(e.startsAt)}`,
    `DTEND:${icsTime(e.endsAt)}`,
    `SUMMARY:${escapeText(e.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `URL:${e.url}`,
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
  ];
}

export function calendar(events: IcsEvent[], options: { host: string; name: string; now: Date }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Trame//Events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...events.flatMap((e) => vevent(e, options.host, options.now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

// Dates and times in the reader's language.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(value: string | Date | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter.format(date);
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(value: string | Date | null | undefined, language: string): string {
  if (value === null || value === undefined) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  let formatter = dateFormatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
    dateFormatters.set(language, formatter);
  }
  return formatter.format(date);
}

/** `2026-03-05` from an `<input type="date">` → the start of that day, local time, as ISO. */
export function startOfLocalDay(value: string): string | undefined {
  const parts = parseDateInput(value);
  return parts ? new Date(parts[0], parts[1] - 1, parts[2]).toISOString() : undefined;
}

/** `2026-03-05` → the last millisecond of that day, local time, as ISO. */
export function endOfLocalDay(value: string): string | undefined {
  const parts = parseDateInput(value);
  return parts ? new Date(parts[0], parts[1] - 1, parts[2], 23, 59, 59, 999).toISOString() : undefined;
}

function parseDateInput(value: string): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return [year, month, day];
}

/** "350 kB", "2.4 MB", "2,4 Mo": a file size in the reader's language. */
export function formatBytes(bytes: number, language: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}

/** "French, German and Breton" in the reader's language. */
export function formatList(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

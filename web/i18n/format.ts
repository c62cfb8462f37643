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

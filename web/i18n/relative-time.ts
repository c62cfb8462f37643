// "3 minutes ago", "il y a 3 minutes", "yesterday": Intl.RelativeTimeFormat in the reader's
// language up to a week back; an absolute date after that, which stays meaningful.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

export function formatRelativeTime(value: string | Date, now: Date, language: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  let amount = (date.getTime() - now.getTime()) / 1000;
  // A clock a little ahead of ours should not say "in 3 seconds".
  if (amount > 0 && amount < 60) amount = 0;
  if (Math.abs(amount) < 45) return relative(language).format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return relative(language).format(Math.round(amount), unit);
    amount /= size;
  }
  return absoluteDate(date, now, language);
}

function relative(language: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
    relativeFormats.set(language, format);
  }
  return format;
}

function absoluteDate(date: Date, now: Date, language: string): string {
  const sameYear = date.getFullYear() === now.getFullYear();
  const key = `${language}:${sameYear}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      language,
      sameYear ? { day: 'numeric', month: 'short' } : { dateStyle: 'medium' },
    );
    dateFormats.set(key, format);
  }
  return format.format(date);
}

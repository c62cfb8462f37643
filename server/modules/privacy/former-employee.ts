// What an erased person becomes: no name, no address, no handle anyone could trace back.
// The stored name is a fixed bilingual marker, so anything that reads it raw (a mail, a CSV)
// still reads sensibly; presenters show it in the reader's language instead.
import type { Locale } from '../../db/schema.ts';
import { readerLocale } from '../../platform/http/reader-locale.ts';

export const FORMER_EMPLOYEE_NAME = 'Ancien collaborateur · Former employee';

const LABELS: Record<Locale, string> = { fr: 'Ancien collaborateur', en: 'Former employee' };

/** A person's name as the current reader should see it. */
export function displayName(name: string): string {
  return name === FORMER_EMPLOYEE_NAME ? LABELS[readerLocale()] : name;
}

/** The erased account's address and handle: unique, never deliverable (.invalid is reserved). */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;
export const erasedHandle = (userId: string) => `former-${userId.replace(/-/g, '').slice(-12)}`;

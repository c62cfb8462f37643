// Which language the interface speaks: the signed-in person's choice, else the one picked on
// this device, else the browser's, else English.
import type { Locale } from '../../common/schemas/primitives.ts';

export const STORAGE_KEY = 'trame.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

export function pickLocale(input: {
  userLocale?: string | null;
  stored?: string | null;
  navigatorLanguage?: string | null;
}): Locale {
  if (isLocale(input.userLocale)) return input.userLocale;
  if (isLocale(input.stored)) return input.stored;
  if (input.navigatorLanguage?.toLowerCase().startsWith('fr')) return 'fr';
  return 'en';
}

export function readStoredLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing or storage disabled: the choice lasts for this page only.
  }
}

export function initialLocale(): Locale {
  return pickLocale({
    stored: readStoredLocale(),
    navigatorLanguage: typeof navigator === 'undefined' ? null : navigator.language,
  });
}

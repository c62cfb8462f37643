// The language of whoever the current request answers, for the few words the server itself
// writes into a reply (a former employee's name). Set once per request by route(); a job or
// script outside a request reads the organisation's default it passes in, or English.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '../../db/schema.ts';

const storage = new AsyncLocalStorage<Locale>();

export function withReaderLocale<T>(locale: Locale, work: () => T): T {
  return storage.run(locale, work);
}

export function readerLocale(fallback: Locale = 'en'): Locale {
  return storage.getStore() ?? fallback;
}

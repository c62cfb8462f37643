// What the interface says about an error: chosen by the error's code (and, for a field,
// by its reason), never the developer-facing English message the API sends.
import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../common/errors.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../common/passwords.ts';
import { isApiError } from '../api/client.ts';

type LooseT = (key: string, options?: Record<string, unknown>) => unknown;
const MISSING = '\u0000missing';

/** t() for a key built at run time; `fallback` when the catalogue has no text under that key. */
export function translateDynamic(
  t: TFunction,
  key: string,
  fallback: string,
  options?: Record<string, unknown>,
): string {
  const loose = t as unknown as LooseT;
  const text = loose(key, { ...options, returnObjects: true, defaultValue: MISSING });
  return typeof text === 'string' && text !== '' && text !== MISSING && text !== key ? text : fallback;
}

/** "30 seconds", "2 minutes": rounded up to the minute past one minute. */
export function formatWait(t: TFunction, seconds: number): string {
  if (seconds < 60) return t('time.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('time.minutes', { count: Math.ceil(seconds / 60) });
}

export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.code === 'rate_limited') {
    const seconds = error.retryAfterSeconds;
    return seconds === null
      ? t('errors.rate_limited_later')
      : t('errors.rate_limited', { wait: formatWait(t, seconds) });
  }
  return translateDynamic(t, `errors.${error.code}`, t('errors.generic'));
}

/** The last segment of a dotted field path: `items.0.name` → `name`. */
export function fieldName(field: string): string {
  const parts = field.split('.');
  return parts[parts.length - 1] ?? field;
}

export function fieldMessage(t: TFunction, issue: Pick<FieldIssue, 'field' | 'reason' | 'params'>): string {
  const options = { min: PASSWORD_MIN, max: PASSWORD_MAX, ...issue.params };
  const generic = translateDynamic(t, `fieldErrors.${issue.reason}`, t('fieldErrors.invalid'), options);
  return translateDynamic(
    t,
    `fieldErrors.byField.${fieldName(issue.field)}.${issue.reason}`,
    generic,
    options,
  );
}

// Field errors of a care administration form from an API error: `settings.allowedOrigins.0`
// reads as the `allowedOrigins` field, `name` as `name`; anything else goes to the banner.
import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client.ts';
import { errorMessage, fieldMessage } from '../../../i18n/messages.ts';

export interface FormErrors {
  fields: Record<string, string>;
  banner: string | null;
}

export const noErrors: FormErrors = { fields: {}, banner: null };

export function formErrors(t: TFunction, error: unknown): FormErrors {
  if (!isApiError(error, 'validation_failed') || error.issues.length === 0)
    return { fields: {}, banner: errorMessage(t, error) };
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const parts = issue.field.split('.');
    const key = (parts[0] === 'settings' ? parts[1] : parts[0]) ?? issue.field;
    fields[key] ??= fieldMessage(t, issue);
  }
  return { fields, banner: t('errors.validation_failed') };
}

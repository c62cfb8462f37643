// Error state of one form: field messages, a banner, and focus moved to the first invalid
// field (or the banner) after a failed submit. Validation runs the same zod schema the
// server uses, so the browser and the server word a problem the same way.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../common/errors.ts';
import { toFieldIssues } from '../../common/validation.ts';
import { isApiError } from '../api/client.ts';
import { errorMessage, fieldMessage, fieldName } from '../i18n/messages.ts';

export interface FormFeedback {
  formRef: React.RefObject<HTMLFormElement | null>;
  bannerRef: React.RefObject<HTMLDivElement | null>;
  fieldErrors: Record<string, string>;
  banner: string | null;
  /** Clear every message (call at the start of a submit). */
  clear: () => void;
  /** Parse with the schema; on failure show the issues (plus `extra`) and return null. */
  validate: <S extends z.ZodType>(schema: S, values: unknown, extra?: FieldIssue[]) => z.output<S> | null;
  /** Show issues found by the caller (e.g. passwords that do not match). */
  showIssues: (issues: FieldIssue[]) => void;
  /** Show an error from the API: field issues on their fields, anything else in the banner. */
  showError: (error: unknown, fieldByCode?: Partial<Record<string, string>>) => void;
  /** Put a message in the banner. */
  showBanner: (message: string) => void;
}

/** `fields`: the names of the inputs this form shows; issues for other fields go to the banner. */
export function useFormFeedback(fields: readonly string[]): FormFeedback {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const fieldsKey = fields.join(',');

  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else bannerRef.current?.focus();
  }, [focusRequest]);

  const clear = useCallback(() => {
    setFieldErrors({});
    setBanner(null);
  }, []);

  const showIssues = useCallback(
    (issues: FieldIssue[]) => {
      const known = new Set(fieldsKey.split(','));
      const next: Record<string, string> = {};
      const others: string[] = [];
      for (const issue of issues) {
        const name = fieldName(issue.field);
        if (known.has(name)) {
          next[name] ??= fieldMessage(t, issue);
        } else if (issue.field === 'token') {
          others.push(t('errors.invalid_token'));
        } else {
          others.push(fieldMessage(t, issue));
        }
      }
      setFieldErrors(next);
      setBanner(
        others.length > 0
          ? [...new Set(others)].join(' ')
          : Object.keys(next).length > 0
            ? null
            : t('errors.validation_failed'),
      );
      setFocusRequest((n) => n + 1);
    },
    [t, fieldsKey],
  );

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, values: unknown, extra: FieldIssue[] = []): z.output<S> | null => {
      const result = schema.safeParse(values);
      const issues = [...(result.success ? [] : toFieldIssues(result.error)), ...extra];
      if (issues.length === 0 && result.success) return result.data;
      showIssues(issues);
      return null;
    },
    [showIssues],
  );

  const showBanner = useCallback((message: string) => {
    setBanner(message);
    setFocusRequest((n) => n + 1);
  }, []);

  const showError = useCallback(
    (error: unknown, fieldByCode: Partial<Record<string, string>> = {}) => {
      if (isApiError(error, 'validation_failed') && error.issues.length > 0) {
        showIssues(error.issues);
        return;
      }
      const field = isApiError(error) ? fieldByCode[error.code] : undefined;
      if (isApiError(error) && field) {
        setFieldErrors({ [field]: errorMessage(t, error) });
        setBanner(null);
        setFocusRequest((n) => n + 1);
        return;
      }
      setFieldErrors({});
      showBanner(errorMessage(t, error));
    },
    [showIssues, showBanner, t],
  );

  return { formRef, bannerRef, fieldErrors, banner, clear, validate, showIssues, showError, showBanner };
}

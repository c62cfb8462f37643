// Checks the schemas cannot make alone, because they need a second field.
import type { FieldIssue } from '../../common/errors.ts';
import { passwordProblem } from '../../common/passwords.ts';

/** The password contains the local part of the email address. */
export function containsEmailIssue(field: string, password: string, email: string | undefined): FieldIssue[] {
  if (!email || !password) return [];
  return passwordProblem(password, email.trim()) === 'contains_email'
    ? [{ field, reason: 'contains_email', message: 'Password contains email.' }]
    : [];
}

/** The confirmation differs from the password. */
export function mismatchIssue(field: string, password: string, confirmation: string): FieldIssue[] {
  return password !== confirmation ? [{ field, reason: 'mismatch', message: 'Passwords differ.' }] : [];
}

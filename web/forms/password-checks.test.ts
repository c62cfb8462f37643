import { describe, expect, it } from 'vitest';
import { containsEmailIssue, mismatchIssue } from './password-checks.ts';

describe('password checks', () => {
  it('flags a password that contains the email local part', () => {
    expect(containsEmailIssue('password', 'ada.lovelace-2024!', 'Ada.Lovelace@example.com')).toEqual([
      { field: 'password', reason: 'contains_email', message: expect.any(String) },
    ]);
    expect(containsEmailIssue('password', 'correct horse battery', 'ada@example.com')).toEqual([]);
    expect(containsEmailIssue('password', 'short', 'ada@example.com')).toEqual([]);
    expect(containsEmailIssue('password', 'anything long enough', undefined)).toEqual([]);
  });

  it('flags a confirmation that differs', () => {
    expect(mismatchIssue('confirm', 'a', 'b')).toHaveLength(1);
    expect(mismatchIssue('confirm', 'same', 'same')).toEqual([]);
  });
});

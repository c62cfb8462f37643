import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

describe('passwordProblem', () => {
  it.each([
    ['short', undefined, 'too_short'],
    ['x'.repeat(201), undefined, 'too_long'],
    ['motdepasse1', undefined, 'too_common'],
    ['aaaaaaaaaaaa', undefined, 'too_common'],
    ['jean.dupont-2026!', 'jean.dupont@example.com', 'contains_email'],
    ['correct horse battery staple', 'jean@example.com', null],
    ['Ünïcødé pässwörd', undefined, null],
  ])('%s → %s', (password, email, problem) => {
    expect(passwordProblem(password, email)).toBe(problem);
  });
});

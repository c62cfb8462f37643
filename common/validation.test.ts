import { describe, expect, it } from 'vitest';
import { SetupBody, SignInBody } from './schemas/session.ts';
import { toFieldIssues } from './validation.ts';

describe('toFieldIssues', () => {
  it('names the field and a stable reason for each problem', () => {
    const result = SetupBody.safeParse({
      organisationName: 'A',
      name: '',
      email: 'nope',
      password: 'short',
      locale: 'de',
    });
    expect(result.success).toBe(false);
    const issues = toFieldIssues(result.error!, { organisationName: 'A' });
    const byField = Object.fromEntries(issues.map((i) => [i.field, i.reason]));
    expect(byField).toMatchObject({
      organisationName: 'too_small',
      name: 'too_small',
      email: 'invalid_format',
      password: 'too_short',
      locale: 'invalid_value',
    });
  });

  it('reports a missing field as required', () => {
    const input = { email: 'a@b.co' };
    const result = SignInBody.safeParse(input);
    expect(toFieldIssues(result.error!, input)).toEqual([
      { field: 'password', reason: 'required', message: expect.any(String) },
    ]);
  });

  it('tells a wrong type from a missing value', () => {
    const input = { email: 'a@b.co', password: 42 };
    const result = SignInBody.safeParse(input);
    expect(toFieldIssues(result.error!, input)[0]).toMatchObject({
      field: 'password',
      reason: 'invalid_type',
    });
  });

  it('normalises email addresses', () => {
    expect(SignInBody.parse({ email: '  Ada@Example.COM ', password: 'x' }).email).toBe('ada@example.com');
  });
});

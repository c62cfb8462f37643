// Password rules shared by the server and the forms: long beats complex (NIST SP 800-63B).
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const COMMON = new Set([
  'password123',
  'motdepasse',
  'motdepasse1',
  'azertyuiop',
  'qwertyuiop',
  '1234567890',
  '0123456789',
  'password1234',
  'iloveyou123',
  'changeme123',
  'administrator',
  'administrateur',
  'bienvenue123',
  'welcome123',
]);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return 'too_common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
  return null;
}

// Single sign-on (OpenID Connect): what the sign-in page needs, and the settings
// administrators edit. The client secret goes in and never comes back out.
import { z } from 'zod';

/** Why an SSO sign-in ended on the sign-in page instead of the app (`?sso_error=`). */
export const SSO_FAILURES = [
  'not_configured',
  'provider_unreachable',
  'provider_refused',
  'bad_state',
  'bad_token',
  'email_unverified',
  'no_account',
  'deactivated',
] as const;
export type SsoFailure = (typeof SSO_FAILURES)[number];

export const SsoOptions = z.object({
  enabled: z.boolean(),
  buttonLabel: z.string(),
  /** Employees (members and administrators) must use SSO; guests keep passwords. */
  required: z.boolean(),
});
export type SsoOptions = z.infer<typeof SsoOptions>;

export const SsoStartQuery = z.object({ returnTo: z.string().max(2000).optional() });

export const SsoCallbackQuery = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(400).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

export const SsoSettings = z.object({
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean(),
  buttonLabel: z.string(),
  allowCreate: z.boolean(),
  required: z.boolean(),
  /** The current issuer passed a connection test (needed before requiring SSO). */
  tested: z.boolean(),
  testedAt: z.string().nullable(),
  /** The operator turned the requirement off with SSO_BREAK_GLASS. */
  breakGlass: z.boolean(),
  redirectUri: z.string(),
});
export type SsoSettings = z.infer<typeof SsoSettings>;

const IssuerUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password && !u.hash;
    } catch {
      return false;
    }
  }, 'Enter the issuer address, e.g. https://login.example.com/realms/staff.');

export const SsoSettingsBody = z.object({
  issuer: IssuerUrl,
  clientId: z.string().trim().max(300),
  /** Left out (or empty) keeps the stored secret. */
  clientSecret: z.string().max(1000).optional(),
  buttonLabel: z.string().trim().max(60),
  allowCreate: z.boolean(),
  required: z.boolean(),
});
export type SsoSettingsBody = z.input<typeof SsoSettingsBody>;

export const SSO_TEST_PROBLEMS = [
  'not_configured',
  'unreachable',
  'not_json',
  'bad_discovery',
  'issuer_mismatch',
  'bad_jwks',
] as const;

export const SsoTestResult = z.object({
  ok: z.boolean(),
  problem: z.enum(SSO_TEST_PROBLEMS).nullable(),
  /** Developer detail (English), shown under the translated problem. */
  detail: z.string().nullable(),
  issuer: z.string().nullable(),
  authorizationEndpoint: z.string().nullable(),
  tokenEndpoint: z.string().nullable(),
  jwksUri: z.string().nullable(),
  keyCount: z.number().int(),
  algorithms: z.array(z.string()),
});
export type SsoTestResult = z.infer<typeof SsoTestResult>;

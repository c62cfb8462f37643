// Limits on the single sign-on doors. Starting a sign-in writes a row, and a callback
// costs the provider a token request: both are bounded per client IP.
import type { Rule } from '../../platform/rate-limit.ts';

const m = 60;
export const ssoLimits = {
  startPerIp: { name: 'sso-start:ip', limit: 30, windowSeconds: 15 * m },
  callbackPerIp: { name: 'sso-callback:ip', limit: 30, windowSeconds: 15 * m },
  settingsPerAccount: { name: 'sso-settings:account', limit: 30, windowSeconds: 15 * m },
} satisfies Record<string, Rule>;

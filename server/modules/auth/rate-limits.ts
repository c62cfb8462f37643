// Limits on the doors attackers knock at. Accounts are keyed by the email typed, known
// or not, so a limited answer reveals nothing about which addresses exist.
import type { Rule } from '../../platform/rate-limit.ts';

const m = 60;
export const limits = {
  signInPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 15 * m },
  signInPerIp: { name: 'sign-in:ip', limit: 50, windowSeconds: 15 * m },
  resetPerAccount: { name: 'reset:account', limit: 3, windowSeconds: 60 * m },
  resetPerIp: { name: 'reset:ip', limit: 20, windowSeconds: 60 * m },
  linkTokenPerIp: { name: 'link-token:ip', limit: 60, windowSeconds: 15 * m },
  passwordChangePerAccount: { name: 'password-change:account', limit: 10, windowSeconds: 15 * m },
  invitePerAccount: { name: 'invite:account', limit: 100, windowSeconds: 60 * m },
  invitePerIp: { name: 'invite:ip', limit: 200, windowSeconds: 60 * m },
  setupPerIp: { name: 'setup:ip', limit: 20, windowSeconds: 15 * m },
} satisfies Record<string, Rule>;

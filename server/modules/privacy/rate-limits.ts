// A personal data archive is heavy to build: a few a day per person is plenty.
import type { Rule } from '../../platform/rate-limit.ts';

export const privacyLimits = {
  exportPerAccount: { name: 'personal-data-export:account', limit: 3, windowSeconds: 24 * 3600 },
  erasePerAccount: { name: 'erase:account', limit: 30, windowSeconds: 3600 },
} satisfies Record<string, Rule>;

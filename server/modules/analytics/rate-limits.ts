// Limits on analytics, per account: a dashboard reads many roll-up rows and a refresh reads
// the activity log, so a script must not loop on them; a person at the page never notices.
import type { Rule } from '../../platform/rate-limit.ts';

export const analyticsLimits = {
  readPerAccount: { name: 'analytics:read', limit: 120, windowSeconds: 60 },
  changePerAccount: { name: 'analytics:change', limit: 60, windowSeconds: 60 },
  refreshPerAccount: { name: 'analytics:refresh', limit: 10, windowSeconds: 3600 },
} satisfies Record<string, Rule>;

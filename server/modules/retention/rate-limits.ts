// Limits on retention writes, per administrator: plenty for a person at the page, little for
// a script (a preview counts every expired post; a run deletes).
import type { Rule } from '../../platform/rate-limit.ts';

export const retentionLimits = {
  changePerAccount: { name: 'retention:change', limit: 60, windowSeconds: 60 },
  previewPerAccount: { name: 'retention:preview', limit: 60, windowSeconds: 60 },
  runPerAccount: { name: 'retention:run', limit: 10, windowSeconds: 3600 },
} satisfies Record<string, Rule>;

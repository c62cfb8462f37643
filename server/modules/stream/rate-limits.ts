// Limits on writing, per account: generous for a person, tight for a script flooding a
// space. Counters live in memory or in Redis (REDIS_URL), like the sign-in limits.
import type { Rule } from '../../platform/rate-limit.ts';

const MINUTE = 60;
export const writeLimits = {
  postPerAccount: { name: 'post:account', limit: 60, windowSeconds: MINUTE },
  commentPerAccount: { name: 'comment:account', limit: 120, windowSeconds: MINUTE },
  reactionPerAccount: { name: 'reaction:account', limit: 300, windowSeconds: MINUTE },
  uploadPerAccount: { name: 'upload:account', limit: 100, windowSeconds: 60 * MINUTE },
} satisfies Record<string, Rule>;

/** Reports: enough for a person who meets a wave of spam, not for a script burying the queue. */
export const moderationLimits = {
  reportPerAccount: { name: 'report:account', limit: 30, windowSeconds: 60 * MINUTE },
  actionPerAccount: { name: 'moderation:account', limit: 300, windowSeconds: MINUTE },
} satisfies Record<string, Rule>;

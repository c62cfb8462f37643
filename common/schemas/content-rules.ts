// Content rules as the API shows and takes them (see common/content-rules.ts for matching).
import { z } from 'zod';
import { CONTENT_RULE_ACTIONS, termProblem } from '../content-rules.ts';
import { DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';

export const ContentRuleAction = z.enum(CONTENT_RULE_ACTIONS);

export const ContentRuleTerm = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = termProblem(value);
    if (problem)
      ctx.addIssue({ code: 'custom', message: `Term ${problem.replace('_', ' ')}.`, params: { problem } });
  });

export const ContentRule = z.object({
  id: z.string(),
  term: z.string(),
  action: ContentRuleAction,
  note: z.string(),
  /** The whole organisation, a space, or a secret space the viewer is not in (not named). */
  place: z.enum(['organisation', 'space', 'unlisted']),
  space: SpaceSummary.nullable(),
  createdBy: PersonRef.nullable(),
  createdAt: DateTime,
});
export type ContentRule = z.infer<typeof ContentRule>;

export const ContentRuleList = z.object({ items: z.array(ContentRule) });

export const ContentRuleBody = z.object({
  term: ContentRuleTerm,
  action: ContentRuleAction,
  note: z.string().trim().max(500).default(''),
  spaceId: Id.nullable().default(null),
});

export const ContentRulePreviewBody = z.object({
  term: ContentRuleTerm,
  spaceId: Id.nullable().default(null),
});

export const ContentRulePreview = z.object({
  /** Posts and comments of the last 30 days looked at (the newest first, up to a bound). */
  scanned: z.number().int(),
  /** Whether older ones within the 30 days were left out because of the bound. */
  truncated: z.boolean(),
  caught: z.number().int(),
  /** Where: profiles, a space by name, or spaces the administrator may not see (counted, not named). */
  bySpace: z.array(
    z.object({
      place: z.enum(['profile', 'space', 'unlisted']),
      space: SpaceSummary.nullable(),
      count: z.number().int(),
    }),
  ),
  /** Examples, only from places the administrator may read themselves. */
  examples: z.array(
    z.object({
      postId: z.string(),
      commentId: z.string().nullable(),
      found: z.string(),
      excerpt: z.string(),
      createdAt: DateTime,
      space: SpaceSummary.nullable(),
    }),
  ),
});
export type ContentRulePreview = z.infer<typeof ContentRulePreview>;

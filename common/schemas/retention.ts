import { z } from 'zod';
import { DateTime, Id } from './primitives.ts';
import { SpaceType } from './spaces.ts';

export const RETENTION_SCOPES = ['organisation', 'space_type', 'space'] as const;
export const RetentionScope = z.enum(RETENTION_SCOPES);

/** Where a rule applies: the organisation, a space type or one space. */
export const RuleTarget = z
  .object({
    scope: RetentionScope,
    spaceType: SpaceType.optional(),
    spaceId: Id.optional(),
  })
  .superRefine((v, issue) => {
    if (v.scope === 'space_type' && !v.spaceType)
      issue.addIssue({ code: 'custom', path: ['spaceType'], message: 'Choose a space type.' });
    if (v.scope === 'space' && !v.spaceId)
      issue.addIssue({ code: 'custom', path: ['spaceId'], message: 'Choose a space.' });
  });
export type RuleTarget = z.infer<typeof RuleTarget>;

/** Days a post is kept: between 30 days and 100 years; null keeps forever. */
export const KeepDays = z
  .number()
  .int('Enter a whole number of days.')
  .min(30, 'Keep posts at least 30 days.')
  .max(36500, 'Keep posts at most 36,500 days.');

export const RuleBody = z.intersection(RuleTarget, z.object({ keepDays: KeepDays.nullable() }));
export const PreviewBody = z.intersection(RuleTarget, z.object({ keepDays: KeepDays }));

export const SpaceRef = z.object({ id: z.string(), name: z.string(), type: SpaceType });
export const PersonRef = z.object({ id: z.string(), name: z.string() });

export const RetentionRule = z.object({
  key: z.string(),
  scope: RetentionScope,
  spaceType: SpaceType.nullable(),
  space: SpaceRef.nullable(),
  /** Null: keep forever. */
  keepDays: z.number().nullable(),
  updatedAt: DateTime,
  updatedBy: PersonRef.nullable(),
});
export type RetentionRule = z.infer<typeof RetentionRule>;

export const RetentionOverview = z.object({
  rules: z.array(RetentionRule),
  /** Every space, so a rule or a hold can name one. */
  spaces: z.array(SpaceRef),
  nextRunAt: DateTime.nullable(),
  hourUtc: z.number(),
});
export type RetentionOverview = z.infer<typeof RetentionOverview>;

export const RetentionPreview = z.object({
  /** Posts this rule would delete today. */
  posts: z.number(),
  /** Expired under this rule but kept by a legal hold. */
  held: z.number(),
});

export const LegalHoldBody = z
  .object({
    name: z.string().trim().min(1, 'Name the hold.').max(120),
    reason: z.string().trim().max(2000).default(''),
    userId: Id.optional(),
    spaceId: Id.optional(),
  })
  .superRefine((v, issue) => {
    if (Boolean(v.userId) === Boolean(v.spaceId))
      issue.addIssue({ code: 'custom', path: ['userId'], message: 'Choose a person or a space.' });
  });

export const LegalHold = z.object({
  id: z.string(),
  name: z.string(),
  reason: z.string(),
  person: PersonRef.nullable(),
  space: SpaceRef.nullable(),
  placedBy: PersonRef.nullable(),
  placedAt: DateTime,
  releasedBy: PersonRef.nullable(),
  releasedAt: DateTime.nullable(),
});
export type LegalHold = z.infer<typeof LegalHold>;
export const LegalHoldList = z.object({ items: z.array(LegalHold) });

export const RetentionRunCount = z.object({
  rule: z.string(),
  spaceId: z.string().nullable(),
  spaceName: z.string().nullable(),
  posts: z.number(),
  comments: z.number(),
  files: z.number(),
  held: z.number(),
});

export const RetentionRun = z.object({
  id: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  requestedBy: PersonRef.nullable(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: DateTime,
  finishedAt: DateTime.nullable(),
  deletedPosts: z.number(),
  deletedComments: z.number(),
  deletedFiles: z.number(),
  skippedHeld: z.number(),
  counts: z.array(RetentionRunCount),
});
export type RetentionRun = z.infer<typeof RetentionRun>;
export const RetentionRunList = z.object({ items: z.array(RetentionRun) });

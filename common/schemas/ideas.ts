// Ideas: campaigns, ideas, the status pipeline, votes, follows, evaluations (internal),
// comments, merges and the campaign report.
import { z } from 'zod';
import { DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';
import { Attachment } from './stream.ts';

export const IDEA_STATUSES = [
  'new',
  'under_review',
  'planned',
  'in_progress',
  'shipped',
  'declined',
] as const;
export const IdeaStatus = z.enum(IDEA_STATUSES);
export type IdeaStatus = z.infer<typeof IdeaStatus>;
export const IDEA_SORTS = ['votes', 'score', 'recent'] as const;

const campaignFields = {
  title: z.string().trim().min(1, 'Enter a title.').max(200),
  description: z.string().trim().max(10_000),
  opensAt: DateTime,
  closesAt: DateTime,
  criteria: z.array(z.string().trim().min(1).max(80)).max(10),
};
const closesAfterOpening = {
  message: 'The campaign must close after it opens.',
  path: ['closesAt'],
};

export const CampaignCreateBody = z
  .object({
    spaceId: Id,
    ...campaignFields,
    description: campaignFields.description.default(''),
    criteria: campaignFields.criteria.default([]),
  })
  .refine((b) => new Date(b.closesAt) > new Date(b.opensAt), closesAfterOpening);

/** Only the fields sent change; the dates are checked again against the stored ones. */
export const CampaignUpdateBody = z
  .object(campaignFields)
  .partial()
  .refine((b) => !b.opensAt || !b.closesAt || new Date(b.closesAt) > new Date(b.opensAt), closesAfterOpening);

export const Campaign = z.object({
  id: z.string(),
  space: SpaceSummary,
  title: z.string(),
  description: z.string(),
  opensAt: DateTime,
  closesAt: DateTime,
  open: z.boolean(),
  /** When its owners closed it before its closing date. */
  closedAt: DateTime.nullable(),
  criteria: z.array(z.string()),
  ideaCount: z.number(),
  /** The viewer may change statuses, score and merge. */
  canEvaluate: z.boolean(),
  /** The viewer may edit and close the campaign (the space's owners, administrators). */
  canManage: z.boolean(),
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignList = z.object({ items: z.array(Campaign) });

export const IdeaSummary = z.object({
  id: z.string(),
  campaignId: z.string(),
  title: z.string(),
  description: z.string(),
  status: IdeaStatus,
  author: PersonRef.nullable(),
  votes: z.number(),
  score: z.number().nullable(),
  voted: z.boolean(),
  following: z.boolean(),
  mergedInto: z.string().nullable(),
  createdAt: DateTime,
});
export type IdeaSummary = z.infer<typeof IdeaSummary>;

export const BoardQuery = z.object({ sort: z.enum(IDEA_SORTS).default('votes') });
export const Board = z.object({ campaign: Campaign, items: z.array(IdeaSummary) });
export type Board = z.infer<typeof Board>;

export const SimilarQuery = z.object({ q: z.string().max(200).default('') });
export const SimilarIdeas = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), status: IdeaStatus, votes: z.number() })),
});

export const IdeaCreateBody = z.object({
  title: z.string().trim().min(1, 'Enter a title.').max(200),
  description: z.string().trim().max(10_000).default(''),
  /** Files uploaded with POST /api/v1/attachments and not attached elsewhere. */
  attachmentIds: z.array(Id).max(10).default([]),
});

export const StatusChange = z.object({
  from: IdeaStatus,
  to: IdeaStatus,
  explanation: z.string(),
  actor: PersonRef.nullable(),
  at: DateTime,
});
export const IdeaComment = z.object({
  id: z.string(),
  author: PersonRef.nullable(),
  body: z.string(),
  createdAt: DateTime,
});
export const Evaluation = z.object({
  evaluator: PersonRef.nullable(),
  scores: z.record(z.string(), z.number()),
  note: z.string(),
  updatedAt: DateTime,
});
export const IdeaDetail = z.object({
  idea: IdeaSummary,
  campaign: Campaign,
  attachments: z.array(Attachment),
  history: z.array(StatusChange),
  comments: z.array(IdeaComment),
  /** Internal: null for anyone who does not evaluate the campaign (guests never). */
  evaluations: z.array(Evaluation).nullable(),
});
export type IdeaDetail = z.infer<typeof IdeaDetail>;

export const VoteBody = z.object({ voted: z.boolean() });
export const FollowBody = z.object({ following: z.boolean() });
export const StatusBody = z.object({
  status: IdeaStatus,
  explanation: z.string().trim().min(1, 'Explain the change.').max(2000),
});
export const EvaluationBody = z.object({
  scores: z.record(z.string().max(80), z.number().int().min(0).max(5)).default({}),
  note: z.string().trim().max(5000).default(''),
});
export const CommentBody = z.object({ body: z.string().trim().min(1, 'Write a comment.').max(5000) });
export const MergeBody = z.object({ intoId: Id });

export const CampaignReport = z.object({
  byStatus: z.record(z.string(), z.number()),
  submitted: z.number(),
  shipped: z.number(),
  /** shipped ÷ submitted, 0 when nothing was submitted. */
  conversion: z.number(),
  /** Median hours from submission to a decision (shipped or declined); null when none yet. */
  medianHoursToDecision: z.number().nullable(),
  contributors: z.array(z.object({ group: z.string(), external: z.boolean(), count: z.number() })),
});
export type CampaignReport = z.infer<typeof CampaignReport>;

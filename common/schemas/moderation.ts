// Moderation: reports, the cases they form, the history of each case, the list of guests'
// posts waiting for approval, and the pre-moderation settings.
import { z } from 'zod';
import { DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';

export const REPORT_REASONS = ['spam', 'harassment', 'confidential', 'inappropriate', 'other'] as const;
export const ReportReason = z.enum(REPORT_REASONS);
export const REPORT_TARGETS = ['post', 'comment', 'person'] as const;
export const ReportTarget = z.enum(REPORT_TARGETS);

export const ReportBody = z.object({
  targetType: ReportTarget,
  targetId: Id,
  reason: ReportReason,
  details: z.string().trim().max(2000).default(''),
});
export const ReportReceipt = z.object({ caseId: z.string() });

export const CASE_ACTIONS = ['hide', 'restore', 'delete', 'dismiss', 'warn', 'suspend'] as const;
export const CaseAction = z.enum(CASE_ACTIONS);
export type CaseAction = z.infer<typeof CaseAction>;
export const CaseActionBody = z.object({
  action: CaseAction,
  note: z.string().trim().max(2000).default(''),
});

export const CaseEventKind = z.enum([
  'reported',
  'hidden',
  'restored',
  'deleted',
  'dismissed',
  'warned',
  'suspended',
]);
export const CaseOutcome = z.enum(['hidden', 'deleted', 'dismissed', 'warned', 'suspended']);

export const CaseSummary = z.object({
  id: z.string(),
  targetType: ReportTarget,
  status: z.enum(['open', 'closed']),
  outcome: CaseOutcome.nullable(),
  space: SpaceSummary.nullable(),
  subject: PersonRef,
  /** The reported text, as plain text (empty for a person). */
  excerpt: z.string(),
  reportCount: z.number(),
  reasons: z.array(ReportReason),
  openedAt: DateTime,
});
export type CaseSummary = z.infer<typeof CaseSummary>;
export const CasePage = z.object({ items: z.array(CaseSummary), nextCursor: z.string().nullable() });
export const CaseQuery = z.object({
  status: z.enum(['open', 'closed']).default('open'),
  cursor: z.string().max(200).optional(),
});

export const CaseDetail = CaseSummary.extend({
  targetId: z.string(),
  postId: z.string().nullable(),
  /** The content now: live, hidden, or deleted. */
  contentState: z.enum(['visible', 'hidden', 'pending', 'deleted', 'none']),
  body: z.string(),
  reports: z.array(
    z.object({ reporter: PersonRef, reason: ReportReason, details: z.string(), createdAt: DateTime }),
  ),
  history: z.array(
    z.object({ action: CaseEventKind, actor: PersonRef.nullable(), note: z.string(), at: DateTime }),
  ),
  can: z.object({ suspend: z.boolean() }),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const PendingItem = z.object({
  id: z.string(),
  kind: z.enum(['post', 'comment']),
  postId: z.string(),
  space: SpaceSummary,
  author: PersonRef,
  body: z.string(),
  createdAt: DateTime,
});
export type PendingItem = z.infer<typeof PendingItem>;
export const PendingList = z.object({ items: z.array(PendingItem) });
export const PendingQuery = z.object({ space: z.string().max(200).optional() });
export const PendingDecisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(2000).default(''),
});

export const PremoderationSetting = z.object({ premoderateGuests: z.boolean() });

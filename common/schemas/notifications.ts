import { z } from 'zod';
import { Cursor, DateTime, Id, Limit } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  'reaction',
  'space_invitation',
  'join_request',
  'announcement',
  'expert_request',
  'answer_accepted',
  'event_reminder',
  'event_cancelled',
  'skill_endorsed',
  'personal_data_ready',
  'report_outcome',
  'moderation_warning',
  'post_approved',
  'post_rejected',
  // care: inbox
  'care_assigned',
  'care_sla_warning',
  // care: insight
  'care_alert',
  // ideas
  'idea_status',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z.object({
  id: z.string(),
  kind: NotificationKind,
  actor: PersonRef.nullable(),
  space: SpaceSummary.nullable(),
  post: z.object({ id: z.string(), excerpt: z.string() }).nullable(),
  commentId: z.string().nullable(),
  /** Event notifications: the event, by id and title. */
  event: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** Endorsement notifications: the skill, as its owner wrote it. */
  skill: z.string().nullable(),
  /** Moderation notifications: what was decided, and the moderator's note when one is shared. */
  moderation: z
    .object({
      outcome: z.enum(['hidden', 'deleted', 'dismissed', 'warned', 'suspended', 'approved', 'rejected']),
      note: z.string(),
    })
    .nullable(),
  /** care: inbox — the customer conversation a care notification is about. */
  care: z.object({ conversationId: z.string(), subject: z.string() }).nullable(),
  /** ideas — the idea whose status changed, and the new status. */
  idea: z.object({ ideaId: z.string(), title: z.string(), status: z.string() }).nullable().optional(),
  createdAt: DateTime,
  read: z.boolean(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  nextCursor: z.string().nullable(),
  unreadCount: z.number(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;
export const NotificationQuery = z.object({
  unread: z.union([z.boolean(), z.stringbool()]).default(false),
  cursor: Cursor,
  limit: Limit,
});
export const MarkReadBody = z.union([
  z.object({ ids: z.array(Id).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
export const UnreadCount = z.object({ unreadCount: z.number() });

/** Every kind with whether it is on; a person switches kinds off, never on by default. */
export const NotificationPreferences = z.object({ kinds: z.record(NotificationKind, z.boolean()) });
export const NotificationPreferencesBody = z.object({
  kinds: z.partialRecord(NotificationKind, z.boolean()),
});

// Customer care, the inbox: conversations (list and detail), their timeline of inbound
// messages, outbound replies and internal notes, the customer across channels, SLA due
// times, who else has a conversation open, saved views, canned replies and the agents.
import { z } from 'zod';
import { Cursor, DateTime, Id, Limit } from './primitives.ts';

export const CARE_STATUSES = ['open', 'pending', 'resolved'] as const;
export const CareStatus = z.enum(CARE_STATUSES);
export type CareStatus = z.infer<typeof CareStatus>;

export const CARE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CarePriority = z.enum(CARE_PRIORITIES);
export type CarePriority = z.infer<typeof CarePriority>;

export const CARE_CHANNEL_KINDS = ['email', 'widget', 'feed', 'connector'] as const;
export const CareChannelKind = z.enum(CARE_CHANNEL_KINDS);
export type CareChannelKind = z.infer<typeof CareChannelKind>;

export const CARE_MESSAGE_KINDS = ['inbound', 'outbound', 'note'] as const;
export const CareMessageKind = z.enum(CARE_MESSAGE_KINDS);
export type CareMessageKind = z.infer<typeof CareMessageKind>;

export const CARE_DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'not_applicable'] as const;
export const CareDeliveryStatus = z.enum(CARE_DELIVERY_STATUSES);
export type CareDeliveryStatus = z.infer<typeof CareDeliveryStatus>;

/** A tag as stored: without '#', lower-cased, letters, digits, _ and -. */
export const CareTag = z
  .string()
  .trim()
  .transform((s) => s.replace(/^#/, '').toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'Enter a tag.')
      .max(50)
      .regex(/^[\p{L}\p{N}_-]+$/u, 'Tags are letters, digits, _ and -.'),
  );

/** true/false in a query string, or a boolean (a saved view's filters are JSON). */
const Flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/**
 * What narrows the inbox. The same schema checks the list's query string and a saved view's
 * filters. assignee: 'me', 'none' (unassigned) or an agent's id.
 */
export const CareFilters = z.object({
  status: CareStatus.optional(),
  assignee: z.union([z.enum(['me', 'none']), Id]).optional(),
  team: Id.optional(),
  tag: CareTag.optional(),
  channel: Id.optional(),
  priority: CarePriority.optional(),
  /** Words of the customer's name, the subject or a message. */
  q: z.string().trim().min(1).max(200).optional(),
  /** Only conversations that missed an SLA target (first response or resolution). */
  breached: Flag.optional(),
});
export type CareFilters = z.infer<typeof CareFilters>;

export const CareConversationQuery = CareFilters.extend({
  /** A saved view's id: its filters apply, and any filter given here overrides its own. */
  view: Id.optional(),
  limit: Limit,
  cursor: Cursor,
});

export const CareAgentRef = z.object({ id: z.string(), name: z.string() });
export type CareAgentRef = z.infer<typeof CareAgentRef>;
export const CareTeamRef = z.object({ id: z.string(), name: z.string() });
export type CareTeamRef = z.infer<typeof CareTeamRef>;
export const CareChannelRef = z.object({ id: z.string(), kind: CareChannelKind, name: z.string() });
export type CareChannelRef = z.infer<typeof CareChannelRef>;

export const CareCustomerRef = z.object({ id: z.string(), name: z.string(), email: z.string().nullable() });

/**
 * SLA due times and state. state: none (no target), ok, warning (a target is within the
 * warning time, or the job warned), breached (a target was missed).
 */
export const CareSla = z.object({
  state: z.enum(['none', 'ok', 'warning', 'breached']),
  firstResponseDueAt: DateTime.nullable(),
  resolutionDueAt: DateTime.nullable(),
  firstResponseBreachedAt: DateTime.nullable(),
  resolutionBreachedAt: DateTime.nullable(),
  warnedAt: DateTime.nullable(),
});
export type CareSla = z.infer<typeof CareSla>;

export const CareConversationSummary = z.object({
  id: z.string(),
  subject: z.string(),
  status: CareStatus,
  priority: CarePriority,
  channel: CareChannelRef,
  customer: CareCustomerRef,
  assignee: CareAgentRef.nullable(),
  team: CareTeamRef.nullable(),
  tags: z.array(z.string()),
  messageCount: z.number(),
  /** The latest inbound message's sentiment (-1 … 1), when scored. */
  sentiment: z.number().nullable(),
  /** The start of the latest message (inbound, reply or note), as plain text. */
  excerpt: z.string(),
  lastMessageKind: CareMessageKind.nullable(),
  createdAt: DateTime,
  lastMessageAt: DateTime,
  lastInboundAt: DateTime.nullable(),
  firstResponseAt: DateTime.nullable(),
  resolvedAt: DateTime.nullable(),
  sla: CareSla,
});
export type CareConversationSummary = z.infer<typeof CareConversationSummary>;

export const CareConversationPage = z.object({
  items: z.array(CareConversationSummary),
  nextCursor: z.string().nullable(),
});
export type CareConversationPage = z.infer<typeof CareConversationPage>;

export const CareMessage = z.object({
  id: z.string(),
  kind: CareMessageKind,
  body: z.string(),
  /** The agent who wrote a reply or a note (null for inbound, or an erased account). */
  author: CareAgentRef.nullable(),
  createdAt: DateTime,
  /** Inbound only: sentiment (-1 … 1) when scored. */
  sentiment: z.number().nullable(),
  /** Outbound only: how the reply went out through the channel. */
  delivery: z
    .object({
      status: CareDeliveryStatus,
      error: z.string().nullable(),
      deliveredAt: DateTime.nullable(),
    })
    .nullable(),
});
export type CareMessage = z.infer<typeof CareMessage>;

export const CareIdentity = z.object({ kind: CareChannelKind, value: z.string() });

export const CareCustomerDetail = CareCustomerRef.extend({
  /** How this customer is known on each channel kind (merged across channels). */
  identities: z.array(CareIdentity),
  /** Their other conversations, newest first (at most 20). */
  otherConversations: z.array(
    z.object({
      id: z.string(),
      subject: z.string(),
      status: CareStatus,
      channel: CareChannelRef,
      lastMessageAt: DateTime,
    }),
  ),
});

/** Another agent who has this conversation open (seen in the last 60 seconds). */
export const CareViewer = z.object({ agent: CareAgentRef, composing: z.boolean(), seenAt: DateTime });
export type CareViewer = z.infer<typeof CareViewer>;

export const CareConversationDetail = CareConversationSummary.extend({
  customer: CareCustomerDetail,
  /** The whole timeline, oldest first: inbound messages, replies and notes. */
  messages: z.array(CareMessage),
  /** Other agents with the conversation open now (never oneself). */
  viewers: z.array(CareViewer),
});
export type CareConversationDetail = z.infer<typeof CareConversationDetail>;

export const CareConversationUpdateBody = z
  .object({
    status: CareStatus.optional(),
    priority: CarePriority.optional(),
    assigneeId: Id.nullable().optional(),
    teamId: Id.nullable().optional(),
    tags: z.array(CareTag).max(20).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change something.' });

export const CareMessageBody = z.string().trim().min(1, 'Write something.').max(10_000);
export const CareNoteBody = z.object({ body: CareMessageBody });
/** A reply; status changes the conversation in the same step (e.g. pending: waiting for the customer). */
export const CareReplyBody = z.object({ body: CareMessageBody, status: CareStatus.optional() });

export const CarePresenceBody = z.object({ composing: z.boolean().default(false) });
export const CarePresence = z.object({ viewers: z.array(CareViewer) });

export const CareCannedReply = z.object({
  id: z.string(),
  title: z.string(),
  /** May hold {{customer_name}}, {{agent_name}}, {{conversation_subject}} (common/care-canned.ts). */
  body: z.string(),
  createdBy: CareAgentRef.nullable(),
  updatedAt: DateTime,
});
export type CareCannedReply = z.infer<typeof CareCannedReply>;
export const CareCannedReplyList = z.object({ items: z.array(CareCannedReply) });
export const CareCannedReplyBody = z.object({
  title: z.string().trim().min(1, 'Enter a title.').max(100),
  body: z.string().trim().min(1, 'Write the reply.').max(10_000),
});

export const CareSavedView = z.object({
  id: z.string(),
  name: z.string(),
  filters: CareFilters,
  /** Visible to every agent (only its owner changes it). */
  shared: z.boolean(),
  owner: CareAgentRef,
  mine: z.boolean(),
});
export type CareSavedView = z.infer<typeof CareSavedView>;
export const CareSavedViewList = z.object({ items: z.array(CareSavedView) });
export const CareSavedViewBody = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  filters: CareFilters,
  shared: z.boolean().default(false),
});
export const CareSavedViewUpdateBody = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(100).optional(),
    filters: CareFilters.optional(),
    shared: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change something.' });

export const CareAgent = CareAgentRef.extend({ teams: z.array(CareTeamRef) });
export type CareAgent = z.infer<typeof CareAgent>;
/** Who works the inbox, and the teams and channels the filters offer. */
export const CareDirectory = z.object({
  items: z.array(CareAgent),
  teams: z.array(CareTeamRef),
  channels: z.array(CareChannelRef),
});
export type CareDirectory = z.infer<typeof CareDirectory>;

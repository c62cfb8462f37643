// Contracts of customer-care insight: sentiment corrections, negative-spike alerts,
// escalations to internal spaces and experts, feedback to product, and the care figures.
import { z } from 'zod';
import { IdeaCreateBody, IdeaStatus } from './ideas.ts';
import { DateTime, Id } from './primitives.ts';

const Day = z.iso.date();
const Sentiment = z.number().min(-1).max(1);

export const SentimentBody = z.object({ sentiment: Sentiment });
export const MessageSentiment = z.object({
  id: z.string(),
  conversationId: z.string(),
  sentiment: Sentiment.nullable(),
  edited: z.boolean(),
});

export const CareAlert = z.object({
  id: z.string(),
  kind: z.literal('negative_spike'),
  channel: z.object({ id: z.string(), name: z.string() }).nullable(),
  tag: z.string().nullable(),
  messageCount: z.number(),
  /** Negative messages per hour over the 7 days before the window. */
  baselinePerHour: z.number(),
  windowStart: DateTime,
  windowEnd: DateTime,
  createdAt: DateTime,
  acknowledgedAt: DateTime.nullable(),
});
export type CareAlert = z.infer<typeof CareAlert>;
export const CareAlertList = z.object({ items: z.array(CareAlert) });

export const EscalationBody = z.object({
  /** The space the question is asked in; the agent must be able to post there. */
  spaceId: Id,
  /** Ask one person (who must be able to read that space); otherwise the whole space. */
  expertId: Id.nullable().default(null),
  title: z.string().trim().min(1, 'Enter a question.').max(300),
  /** The customer's words (as the agent chose to quote them). */
  text: z.string().trim().min(1, 'Enter the customer’s words.').max(10_000),
  /** Off by default: the customer's name, email and identities are removed from the text. */
  includeCustomer: z.boolean().default(false),
});

export const Escalation = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  space: z.object({ id: z.string(), name: z.string(), slug: z.string() }).nullable(),
  expert: z.object({ id: z.string(), name: z.string() }).nullable(),
  requestedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The question, when the reader may read it. */
  postId: z.string().nullable(),
  /** The expert's answer, ready to use as a reply — only for readers of the question. */
  draftBody: z.string().nullable(),
  answeredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: DateTime,
  answeredAt: DateTime.nullable(),
});
export type Escalation = z.infer<typeof Escalation>;
export const EscalationList = z.object({ items: z.array(Escalation) });

export const EscalationTargetsQuery = z.object({ q: z.string().trim().max(100).default('') });
export const EscalationTargets = z.object({
  /** Spaces the agent may ask in (member, not archived). */
  spaces: z.array(z.object({ id: z.string(), name: z.string() })),
  /** People matching the search (active members of the organisation). */
  experts: z.array(z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() })),
});

export const ProductFeedbackBody = z.object({ flagged: z.boolean() });

/** Turn a conversation into an idea of an open campaign the agent may take part in. */
export const ConversationIdeaBody = IdeaCreateBody.extend({
  campaignId: Id,
  /** Off by default: the customer's name, email and identities are removed from the text. */
  includeCustomer: z.boolean().default(false),
});
export const ConversationIdeaCreated = z.object({ ideaId: z.string() });
/** What the insight panel of a conversation shows: its sentiment, latest customer message, tags. */
export const ConversationInsight = z.object({
  conversationId: z.string(),
  subject: z.string(),
  /** The latest inbound message's sentiment (as scored or corrected). */
  sentiment: Sentiment.nullable(),
  latestInbound: z
    .object({ id: z.string(), body: z.string(), sentiment: Sentiment.nullable(), edited: z.boolean() })
    .nullable(),
  /** Flagged for the product team: carries the `product` tag. */
  flagged: z.boolean(),
  tags: z.array(z.string()),
  /** Always true now that ideas exist: the web offers "turn into an idea". */
  ideasAvailable: z.boolean(),
  /** Ideas made from this conversation, those the reader may read (the campaign's space rule). */
  ideas: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: IdeaStatus,
      campaign: z.object({ id: z.string(), title: z.string() }),
      createdAt: DateTime,
    }),
  ),
});
export type ConversationInsight = z.infer<typeof ConversationInsight>;

/** A period (first and last day, both included; the last 30 days by default), checked once. */
function checkPeriod(v: { from?: string | undefined; to?: string | undefined }, issue: z.RefinementCtx) {
  if (v.from && v.to && v.from > v.to)
    issue.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts.' });
  else if (v.from && v.to && (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 >= 366)
    issue.addIssue({ code: 'custom', path: ['to'], message: 'Choose a period of at most 366 days.' });
}

export const TagCountsQuery = z.object({ from: Day.optional(), to: Day.optional() }).superRefine(checkPeriod);
export const TagCounts = z.object({
  from: Day,
  to: Day,
  /** Monday of each week in the period (ISO weeks, UTC). */
  weeks: z.array(Day),
  /** Conversations opened each week carrying the tag; the product tag first. */
  series: z.array(z.object({ tag: z.string(), counts: z.array(z.number()), total: z.number() })),
});

export const SummaryQuery = z
  .object({ from: Day.optional(), to: Day.optional(), channel: Id.optional(), team: Id.optional() })
  .superRefine(checkPeriod);

const Figures = z.object({
  conversations: z.number(),
  inbound: z.number(),
  resolved: z.number(),
  /** Minutes, medians over the conversations that had one; null when none. */
  firstResponseMedianMinutes: z.number().nullable(),
  resolutionMedianMinutes: z.number().nullable(),
  firstResponseBreaches: z.number(),
  resolutionBreaches: z.number(),
  /** Mean sentiment of inbound messages (-1 … 1), null when none. */
  averageSentiment: z.number().nullable(),
  negativeMessages: z.number(),
});
export const CareSummary = z.object({
  from: Day,
  to: Day,
  channels: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
  figures: Figures,
  byChannel: z.array(Figures.extend({ id: z.string(), name: z.string() })),
  byTeam: z.array(Figures.extend({ id: z.string().nullable(), name: z.string().nullable() })),
  /** Mean inbound sentiment per week and channel. */
  sentimentTrend: z.array(
    z.object({ week: Day, channelId: z.string(), average: z.number(), messages: z.number() }),
  ),
});
export type CareSummary = z.infer<typeof CareSummary>;

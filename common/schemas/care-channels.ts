// Customer care administration: channels (with each kind's settings), teams, SLA targets, the
// agent grant; and the web widget's public contract (its configuration and messages).
import { z } from 'zod';
import { CareChannelKind, CarePriority } from './care.ts';
import { DateTime, Email, Id } from './primitives.ts';

// The kinds and priorities are the inbox's (care.ts); administration pages import them from here too.
export { CARE_CHANNEL_KINDS, CARE_PRIORITIES, CareChannelKind, CarePriority } from './care.ts';

/** "https://www.example.com" (scheme, host, port only): what a browser sends as Origin. */
export const WebOrigin = z
  .string()
  .trim()
  .max(200)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') &&
          url.origin === value.replace(/\/$/, '').toLowerCase()
        );
      } catch {
        return false;
      }
    },
    { message: 'Enter an origin such as https://www.example.com (no path).' },
  )
  .transform((value) => new URL(value).origin);

// The settings of each kind, as administrators edit them (the drivers validate with these
// or stricter schemas of their own).
export const EmailChannelSettings = z.object({
  addresses: z.array(Email).min(1, 'Give at least one address.').max(20),
  fromName: z.string().trim().max(100).default(''),
  signature: z.string().trim().max(2000).default(''),
});
export const WidgetChannelSettings = z.object({
  allowedOrigins: z.array(WebOrigin).min(1, 'Give at least one origin.').max(20),
  greetingFr: z.string().trim().max(500).default(''),
  greetingEn: z.string().trim().max(500).default(''),
  requireEmail: z.boolean().default(false),
});
export type WidgetChannelSettings = z.infer<typeof WidgetChannelSettings>;
export const FeedChannelSettings = z.object({
  url: z.url({ protocol: /^https?$/, message: 'Enter an http(s) address.' }).max(2000),
  intervalMinutes: z.number().int().min(5).max(1440).default(15),
  tag: z.string().trim().max(50).default(''),
});
export const ConnectorChannelSettings = z.object({
  connector: z.literal('community-forum'),
  replyUrl: z.url({ protocol: /^https?$/, message: 'Enter an http(s) address.' }).max(2000),
});

const ChannelName = z.string().trim().min(1, 'Enter a name.').max(100);

export const CareChannelCreateBody = z.object({
  kind: CareChannelKind,
  name: ChannelName,
  /** Checked against the kind's driver on the server. */
  settings: z.record(z.string(), z.unknown()).default({}),
  defaultTeamId: Id.nullable().default(null),
  enabled: z.boolean().default(true),
});
export const CareChannelUpdateBody = z.object({
  name: ChannelName.optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
  defaultTeamId: Id.nullable().optional(),
  enabled: z.boolean().optional(),
});

export const CareChannel = z.object({
  id: z.string(),
  kind: CareChannelKind,
  name: z.string(),
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  defaultTeamId: z.string().nullable(),
  /** The widget's public key (always shown: it is in the page that embeds the widget). */
  publicKey: z.string().nullable(),
  /** The connector's webhook address. */
  webhookUrl: z.string().nullable(),
  /** Whether a secret is set (connector); the secret itself only at creation and rotation. */
  hasSecret: z.boolean(),
  conversationCount: z.number(),
  lastError: z.string().nullable(),
  polledAt: DateTime.nullable(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type CareChannel = z.infer<typeof CareChannel>;
export const CareChannelList = z.object({ items: z.array(CareChannel) });
/** A channel as created or with its secret rotated: the secret is shown this once. */
export const CareChannelWithSecret = CareChannel.extend({ secret: z.string().nullable() });
export const CareChannelTestResult = z.object({ ok: z.boolean(), code: z.string(), message: z.string() });

export const CareTeamBody = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  memberIds: z.array(Id).max(200).default([]),
});
export const CareTeamUpdateBody = CareTeamBody.partial();
const PersonBrief = z.object({ id: z.string(), name: z.string(), email: z.string() });
export const CareTeam = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(PersonBrief),
  createdAt: DateTime,
});
export const CareTeamList = z.object({ items: z.array(CareTeam) });

export const CareSlaTargetBody = z
  .object({
    /** null: every channel without a target of its own. */
    channelId: Id.nullable(),
    priority: CarePriority,
    firstResponseMinutes: z.number().int().min(1).max(525_600),
    resolutionMinutes: z.number().int().min(1).max(525_600),
    warnMinutes: z.number().int().min(0).max(10_080).default(15),
  })
  .refine((v) => v.resolutionMinutes >= v.firstResponseMinutes, {
    path: ['resolutionMinutes'],
    message: 'The resolution target cannot come before the first-response target.',
  });
export const CareSlaTarget = z.object({
  id: z.string(),
  channelId: z.string().nullable(),
  priority: CarePriority,
  firstResponseMinutes: z.number(),
  resolutionMinutes: z.number(),
  warnMinutes: z.number(),
});
export const CareSlaTargetList = z.object({ items: z.array(CareSlaTarget) });

export const CareAgent = PersonBrief.extend({ role: z.string(), agent: z.boolean() });
export const CareAgentList = z.object({ items: z.array(CareAgent) });
export const CareAgentBody = z.object({ agent: z.boolean() });

// The web widget, called from the company's site (public, origin-checked).
export const WidgetKeyParams = z.object({ publicKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
/** The visitor's own thread: a random token the widget keeps in the visitor's browser. */
export const WidgetSession = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'Invalid session.');
export const WidgetConfigQuery = z.object({ session: WidgetSession.optional() });
export const WidgetConfig = z.object({
  greetingFr: z.string(),
  greetingEn: z.string(),
  requireEmail: z.boolean(),
  /** A new session when the widget had none. */
  session: z.string(),
  /** A signed timestamp, sent back with the message: a form filled too fast is a robot's. */
  formToken: z.string(),
});
export const WidgetMessageBody = z.object({
  name: z.string().trim().max(120).default(''),
  email: z.union([z.literal(''), Email]).default(''),
  message: z.string().trim().min(1, 'Write a message.').max(5000),
  /** A field people never see: whoever fills it is a robot. */
  website: z.string().max(500).default(''),
  session: WidgetSession,
  formToken: z.string().max(200),
});
export const WidgetMessageReceipt = z.object({ received: z.literal(true) });
export const WidgetMessagesQuery = z.object({ session: WidgetSession });
export const WidgetMessages = z.object({
  items: z.array(
    z.object({ id: z.string(), from: z.enum(['customer', 'agent']), body: z.string(), at: DateTime }),
  ),
});

// What each kind of channel implements for the rest of customer care: checking its settings,
// the settings page's test button, and sending an agent's reply back the way the customer
// wrote. Inbound messages do not come through here: each channel's receiver (SMTP listener,
// widget endpoint, feed poller, connector webhook) calls ingestInbound().
import type { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import type {
  CareChannelKind,
  CareChannelRow,
  CareConversationRow,
  CareCustomerRow,
  CareMessageRow,
} from '../../../db/schema-care.ts';

export interface Delivery {
  channel: CareChannelRow;
  conversation: CareConversationRow;
  customer: CareCustomerRow;
  /** The customer's identities, by kind (an email address, a connector user id…). */
  identities: { kind: CareChannelKind; value: string }[];
  /** The reply to send (kind 'outbound'). */
  message: CareMessageRow;
  /** Earlier messages of the conversation, oldest first (for threading headers, quoting). */
  history: CareMessageRow[];
}

export interface DeliveryResult {
  /** 'not_applicable': this channel cannot send (a review feed); the agent answers where the customer wrote. */
  status: 'sent' | 'not_applicable';
  /** The channel's id of the sent message (its Message-ID…): replies to it thread back here. */
  externalId?: string | null;
  metadata?: Record<string, unknown>;
}

export interface TestResult {
  ok: boolean;
  /** What the administrator reads under the test button (English; the web translates by code). */
  code: string;
  message: string;
}

export interface ChannelDriver<S extends z.ZodType = z.ZodType> {
  kind: CareChannelKind;
  /** The channel's settings as administrators edit them. */
  settings: S;
  /** Sends one reply; throwing makes the delivery job retry (and finally mark it failed). */
  deliver(ctx: AppContext, delivery: Delivery): Promise<DeliveryResult>;
  /** The settings page's test button: checks the channel can work, without side effects on customers. */
  test(ctx: AppContext, channel: CareChannelRow): Promise<TestResult>;
}

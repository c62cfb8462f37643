// What a connector for a public network implements: a plugin of three parts. Trame's webhook
// checks the signature and the documented envelope, then asks the channel's plugin to
// `receive` each message (what Trame stores: the customer, the thread, the text); an agent's
// answer goes back through `reply`; `capabilities` say what the network supports.
import type { ConnectorMessage } from '../../../../../../common/schemas/care-connectors.ts';
import type { AppContext } from '../../../../../context.ts';
import type { CareChannelRow } from '../../../../../db/schema-care.ts';
import type { TestResult } from '../../driver.ts';

export interface ConnectorCapabilities {
  /** Messages belong to threads (a topic, a post and its comments). */
  threads: boolean;
  /** The network lets authors edit their messages (Trame keeps the first version). */
  edits: boolean;
  /** Messages may carry attachments (passed on as links in the text). */
  attachments: boolean;
}

/** One message as Trame stores it (ingestInbound's input, minus the channel). */
export interface ReceivedMessage {
  externalId: string;
  threadId: string | null;
  inReplyTo: string[];
  /** The customer as the network knows them: "<connector>:<author id>". */
  customer: { value: string; displayName: string | null };
  subject: string | null;
  body: string;
  metadata: Record<string, unknown>;
}

/** An agent's reply to send back to the network. */
export interface ConnectorReply {
  conversationId: string;
  /** The network's thread the conversation came from. */
  threadId: string | null;
  /** The network's id of the last message the customer wrote in it. */
  inReplyTo: string | null;
  text: string;
  agent: { id: string | null; name: string };
}

export interface ConnectorContext {
  ctx: AppContext;
  channel: CareChannelRow;
  /** The channel's settings (the connector driver checked them). */
  replyUrl: string;
  /** The channel's secret, which signs what goes back as it signs what comes in. */
  secret: string;
}

export interface ConnectorPlugin {
  /** What settings.connector names. */
  name: string;
  capabilities: ConnectorCapabilities;
  /** Maps one message of the documented envelope; throw a ValidationError to refuse the request. */
  receive(message: ConnectorMessage): ReceivedMessage;
  /** Sends the reply; returns the network's id of the new message (replies to it thread back). */
  reply(connector: ConnectorContext, reply: ConnectorReply): Promise<{ externalId: string }>;
  /** The settings page's test button; without it, the test checks the settings only. */
  ping?(connector: ConnectorContext): Promise<TestResult>;
}

// The connector webhook's contract (docs/care.md, "Connector webhook"): what a connector posts
// for the messages it gathered on a public network, and what Trame answers.
import { z } from 'zod';
import { Id } from './primitives.ts';

/** Most messages one request may carry. */
export const CONNECTOR_BATCH_MAX = 100;

const text = (max: number) => z.string().trim().min(1).max(max);

export const ConnectorMessage = z.object({
  /** The network's id of this message: a second delivery of the same id is a duplicate. */
  id: text(200),
  /** The network's thread (topic, post, conversation): its messages form one conversation. */
  threadId: text(200).nullish(),
  /** The thread's title, the new conversation's subject. */
  threadTitle: z.string().trim().max(300).nullish(),
  /** The id of a message (the network's, or one Trame sent back) this one answers. */
  inReplyTo: text(200).nullish(),
  author: z.object({ id: text(200), name: z.string().trim().max(200).nullish() }),
  text: text(50_000),
  /** Where the message can be read on the network. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullish(),
});
export type ConnectorMessage = z.infer<typeof ConnectorMessage>;

export const ConnectorMessagesBody = z.object({
  messages: z.array(ConnectorMessage).min(1).max(CONNECTOR_BATCH_MAX),
});

export const ConnectorReceipt = z.object({
  /** Messages stored now. */
  received: z.number().int(),
  /** Messages Trame already had (same id on this channel): nothing changed for them. */
  duplicates: z.number().int(),
  /** The conversations the request's messages are in, each once. */
  conversations: z.array(Id),
});

export const ConnectorParams = z.object({ channelId: Id });

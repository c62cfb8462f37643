// The one door every inbound customer message goes through, whatever its channel (the SMTP
// listener, the widget, a feed poll, a connector webhook): it finds or creates the customer,
// threads the message into its conversation (or opens one, with SLA due times), and writes
// the message and the activity event in one transaction.
//
// A message the channel already delivered (same external id on the same channel) is a
// duplicate and changes nothing: the unique index decides, so two concurrent deliveries of
// the same message cannot both land, and the loser's transaction writes nothing at all.
import type { AppContext } from '../../context.ts';
import type { CareChannelRow, CareIdentityKind } from '../../db/schema-care.ts';
import { recordActivity } from '../../platform/activity.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import { scoreSentiment } from './insight/sentiment.ts';
import { dueTimes, slaTarget } from './sla.ts';

export const MAX_BODY = 50_000;

export interface InboundCustomer {
  /** How the channel knows the writer; connectors and feeds namespace their values ("forum:42"). */
  kind: CareIdentityKind;
  value: string;
  displayName?: string | null;
  /** An email address the customer gave (the widget asks for one): merges with mail they send. */
  email?: string | null;
}

export interface InboundMessage {
  channelId: string;
  /** The channel's own id of this message: Message-ID, feed entry guid, connector message id. */
  externalId: string;
  /** External ids of earlier messages this one answers (an email's In-Reply-To and References). */
  inReplyTo?: string[];
  /** The channel's own thread, when it has one (a connector's thread id, a widget session). */
  threadId?: string | null;
  customer: InboundCustomer;
  subject?: string | null;
  body: string;
  receivedAt?: Date;
  metadata?: Record<string, unknown>;
}

export interface IngestResult {
  conversationId: string;
  messageId: string;
  customerId: string;
  duplicate: boolean;
  /** A new conversation was opened (not threaded into an existing one). */
  opened: boolean;
}

class Duplicate extends Error {}

const identityValue = (kind: CareIdentityKind, value: string) =>
  kind === 'email' ? value.trim().toLowerCase() : value.trim();

export async function ingestInbound(ctx: AppContext, input: InboundMessage): Promise<IngestResult> {
  // Pure CPU, well under a millisecond: done before the transaction so it holds no lock.
  const sentiment = scoreSentiment(input.body);
  try {
    return await inTransaction(ctx, (tx) => ingestIn(tx, input, sentiment));
  } catch (error) {
    if (!(error instanceof Duplicate)) throw error;
    const existing = await ctx.db
      .selectFrom('care_messages')
      .innerJoin('care_conversations', 'care_conversations.id', 'care_messages.conversation_id')
      .select(['care_messages.id', 'care_messages.conversation_id', 'care_conversations.customer_id'])
      .where('care_messages.channel_id', '=', input.channelId)
      .where('care_messages.external_id', '=', input.externalId)
      .executeTakeFirstOrThrow();
    return {
      conversationId: existing.conversation_id,
      messageId: existing.id,
      customerId: existing.customer_id,
      duplicate: true,
      opened: false,
    };
  }
}

async function ingestIn(tx: Tx, input: InboundMessage, sentiment: number): Promise<IngestResult> {
  const channel = await tx.db
    .selectFrom('care_channels')
    .selectAll()
    .where('id', '=', input.channelId)
    .executeTakeFirst();
  if (!channel) throw notFound('Channel');
  if (!channel.enabled)
    throw new AppError(409, 'care_channel_disabled', 'This channel is switched off: it accepts no messages.');
  const seen = await tx.db
    .selectFrom('care_messages')
    .select('id')
    .where('channel_id', '=', channel.id)
    .where('external_id', '=', input.externalId)
    .executeTakeFirst();
  if (seen) throw new Duplicate();

  const at = input.receivedAt ?? tx.now;
  const customerId = await findOrCreateCustomer(tx, input.customer);
  const thread = await findConversation(tx, channel, input);
  const opened = thread === null;
  const conversationId = thread?.id ?? (await openConversation(tx, channel, customerId, input, at));

  const truncated = input.body.length > MAX_BODY;
  const messageId = newId();
  const inserted = await tx.db
    .insertInto('care_messages')
    .values({
      id: messageId,
      conversation_id: conversationId,
      channel_id: channel.id,
      kind: 'inbound',
      body: truncated ? input.body.slice(0, MAX_BODY) : input.body,
      external_id: input.externalId,
      sentiment,
      metadata: JSON.stringify({ ...input.metadata, ...(truncated ? { truncated: true } : {}) }),
      created_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['channel_id', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  // Another delivery of the same message committed first: undo everything this one wrote.
  if (!inserted) throw new Duplicate();

  if (thread) await continueConversation(tx, thread, at);
  await tx.db
    .updateTable('care_conversations')
    .set((eb) => ({
      message_count: eb('message_count', '+', 1),
      last_message_at: at,
      last_inbound_at: at,
      // The conversation shows its latest inbound message's sentiment.
      sentiment,
      updated_at: tx.now,
    }))
    .where('id', '=', conversationId)
    .execute();
  await recordActivity(tx.db, {
    actorId: null,
    verb: 'care.message_received',
    objectType: 'care_conversation',
    objectId: conversationId,
    data: { channel: channel.kind, channelId: channel.id, opened },
    at: tx.now,
  });
  return { conversationId, messageId, customerId, duplicate: false, opened };
}

/** The customer this identity belongs to (following merges), created on first contact. */
async function findOrCreateCustomer(tx: Tx, who: InboundCustomer): Promise<string> {
  const value = identityValue(who.kind, who.value);
  const email = who.email ? who.email.trim().toLowerCase() : null;
  const known = await tx.db
    .selectFrom('care_customer_identities')
    .select('customer_id')
    .where('kind', '=', who.kind)
    .where('value', '=', value)
    .executeTakeFirst();
  let customerId = known?.customer_id ?? null;
  if (!customerId && email && who.kind !== 'email') {
    const byEmail = await tx.db
      .selectFrom('care_customer_identities')
      .select('customer_id')
      .where('kind', '=', 'email')
      .where('value', '=', email)
      .executeTakeFirst();
    customerId = byEmail?.customer_id ?? null;
  }
  if (!customerId) {
    customerId = newId();
    await tx.db
      .insertInto('care_customers')
      .values({
        id: customerId,
        display_name: (who.displayName?.trim() || email || value).slice(0, 200),
        email: email ?? (who.kind === 'email' ? value : null),
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
  }
  const identities = [{ kind: who.kind, value }];
  if (email && who.kind !== 'email') identities.push({ kind: 'email', value: email });
  for (const identity of identities) {
    await tx.db
      .insertInto('care_customer_identities')
      .values({ id: newId(), customer_id: customerId, ...identity, created_at: tx.now })
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
  }
  // A customer an agent merged into another stays as a pointer: follow it to the survivor.
  for (let hop = 0; hop < 10; hop++) {
    const row = await tx.db
      .selectFrom('care_customers')
      .select('merged_into')
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    if (!row.merged_into) break;
    customerId = row.merged_into;
  }
  return customerId;
}

interface Thread {
  id: string;
  status: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  first_response_at: Date | null;
}

async function findConversation(
  tx: Tx,
  channel: CareChannelRow,
  input: InboundMessage,
): Promise<Thread | null> {
  const columns = ['care_conversations.id', 'status', 'priority', 'first_response_at'] as const;
  const refs = (input.inReplyTo ?? []).filter((r) => r.length > 0).slice(0, 100);
  if (refs.length > 0) {
    const byReference = await tx.db
      .selectFrom('care_messages')
      .innerJoin('care_conversations', 'care_conversations.id', 'care_messages.conversation_id')
      .select([...columns])
      .where('care_messages.channel_id', '=', channel.id)
      .where('care_messages.external_id', 'in', refs)
      .orderBy('care_messages.created_at', 'desc')
      .executeTakeFirst();
    if (byReference) return byReference;
  }
  if (input.threadId) {
    const byThread = await tx.db
      .selectFrom('care_conversations')
      .select([...columns])
      .where('channel_id', '=', channel.id)
      .where('external_thread_id', '=', input.threadId)
      .executeTakeFirst();
    if (byThread) return byThread;
  }
  return null;
}

async function openConversation(
  tx: Tx,
  channel: CareChannelRow,
  customerId: string,
  input: InboundMessage,
  at: Date,
): Promise<string> {
  const target = await slaTarget(tx.db, channel.id, 'normal');
  const id = newId();
  const row = await tx.db
    .insertInto('care_conversations')
    .values({
      id,
      channel_id: channel.id,
      customer_id: customerId,
      subject: (input.subject ?? '').trim().slice(0, 300),
      team_id: channel.default_team_id,
      external_thread_id: input.threadId ?? null,
      created_at: tx.now,
      updated_at: tx.now,
      last_message_at: at,
      ...dueTimes(target, at, false),
    })
    // Two first messages of one connector thread at once: the second joins the first's row.
    .onConflict((oc) =>
      oc
        .columns(['channel_id', 'external_thread_id'])
        .where('external_thread_id', 'is not', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const existing = await findConversation(tx, channel, input);
  if (!existing) throw new Error('conversation vanished while threading an inbound message');
  await continueConversation(tx, existing, at);
  return existing.id;
}

/** The customer wrote again: a resolved or pending conversation is open again, its resolution clock restarted. */
async function continueConversation(tx: Tx, thread: Thread, at: Date): Promise<void> {
  if (thread.status === 'open') return;
  const channel = await tx.db
    .selectFrom('care_conversations')
    .select('channel_id')
    .where('id', '=', thread.id)
    .executeTakeFirstOrThrow();
  const reopened = thread.status === 'resolved';
  const target = reopened ? await slaTarget(tx.db, channel.channel_id, thread.priority) : null;
  await tx.db
    .updateTable('care_conversations')
    .set({
      status: 'open',
      ...(reopened
        ? {
            resolved_at: null,
            resolution_breached_at: null,
            sla_warned_at: null,
            resolution_due_at: dueTimes(target, at, true).resolution_due_at,
          }
        : {}),
    })
    .where('id', '=', thread.id)
    .execute();
}

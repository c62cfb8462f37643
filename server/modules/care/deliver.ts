// The care.deliver job: sends one agent reply through its channel's driver and records how
// it went — sent (with the channel's id of the message, e.g. the email's Message-ID, which
// the customer's answer will reference), not_applicable (the channel cannot send: a review
// feed), or failed with the reason once the retries are spent. A switched-off channel fails
// at once with a clear reason: retrying would not help.
import type { AppContext } from '../../context.ts';
import type { CareMessageRow } from '../../db/schema-care.ts';
import type { JobHandler } from '../../platform/jobs/queue.ts';
import type { Delivery } from './channels/driver.ts';
import { driverFor } from './channels/registry.ts';

export const CARE_DELIVER_JOB = 'care.deliver';
/** Attempts before a reply is marked failed (retried after 10 s, 20 s, 40 s, 80 s). */
export const DELIVERY_ATTEMPTS = 5;

export function deliverReply(ctx: AppContext): JobHandler {
  return async (payload, job) => {
    const messageId = String(payload.messageId ?? '');
    const message = await ctx.db
      .selectFrom('care_messages')
      .selectAll()
      .where('id', '=', messageId)
      .executeTakeFirst();
    if (message?.kind !== 'outbound' || message.delivery_status !== 'pending') return;
    const fail = (error: string) => markFailed(ctx, message.id, error);

    const delivery = await loadDelivery(ctx, message);
    if (!delivery.channel.enabled) return fail('The channel is switched off.');
    try {
      const result = await driverFor(delivery.channel.kind).deliver(ctx, delivery);
      await ctx.db
        .updateTable('care_messages')
        .set({
          delivery_status: result.status,
          delivery_error: null,
          external_id: result.externalId ?? null,
          delivered_at: result.status === 'sent' ? ctx.clock.now() : null,
          metadata: JSON.stringify({ ...message.metadata, ...result.metadata }),
        })
        .where('id', '=', message.id)
        .where('delivery_status', '=', 'pending')
        .execute();
    } catch (error) {
      const reason =
        (error instanceof Error ? error.message : String(error)).slice(0, 1000) || 'Delivery failed.';
      if (job.attempts >= job.max_attempts) return fail(reason);
      // Still pending: the agent sees why while the queue tries again.
      await ctx.db
        .updateTable('care_messages')
        .set({ delivery_error: reason })
        .where('id', '=', message.id)
        .execute();
      throw error;
    }
  };
}

async function markFailed(ctx: AppContext, id: string, error: string): Promise<void> {
  await ctx.db
    .updateTable('care_messages')
    .set({ delivery_status: 'failed', delivery_error: error })
    .where('id', '=', id)
    .where('delivery_status', '=', 'pending')
    .execute();
}

async function loadDelivery(ctx: AppContext, message: CareMessageRow): Promise<Delivery> {
  const conversation = await ctx.db
    .selectFrom('care_conversations')
    .selectAll()
    .where('id', '=', message.conversation_id)
    .executeTakeFirstOrThrow();
  const channel = await ctx.db
    .selectFrom('care_channels')
    .selectAll()
    .where('id', '=', conversation.channel_id)
    .executeTakeFirstOrThrow();
  const customer = await ctx.db
    .selectFrom('care_customers')
    .selectAll()
    .where('id', '=', conversation.customer_id)
    .executeTakeFirstOrThrow();
  const identities = await ctx.db
    .selectFrom('care_customer_identities as i')
    .innerJoin('care_customers as cu', 'cu.id', 'i.customer_id')
    .select(['i.kind', 'i.value'])
    .where((eb) => eb.or([eb('i.customer_id', '=', customer.id), eb('cu.merged_into', '=', customer.id)]))
    .orderBy('i.created_at')
    .execute();
  // What the customer saw: never the internal notes.
  const history = await ctx.db
    .selectFrom('care_messages')
    .selectAll()
    .where('conversation_id', '=', conversation.id)
    .where('kind', '!=', 'note')
    .where('id', '!=', message.id)
    .where('created_at', '<=', message.created_at)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { channel, conversation, customer, identities, message, history };
}

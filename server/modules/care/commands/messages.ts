// Writing to a conversation: an internal note (agents only ever read it), or a reply to the
// customer — stored at once as 'pending' and delivered by the care.deliver job through the
// channel's driver, so a slow mail server never holds the agent's request.
import type { CareStatus } from '../../../../common/schemas/care.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueue } from '../../../platform/jobs/queue.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { CARE_DELIVER_JOB, DELIVERY_ATTEMPTS } from '../deliver.ts';
import { applyChanges, lockConversation } from './conversation.ts';

const minutesBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

export async function addNote(
  ctx: AppContext,
  input: { actor: Actor; id: string; body: string },
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const conversation = await tx.db
      .selectFrom('care_conversations as c')
      .innerJoin('care_channels as ch', 'ch.id', 'c.channel_id')
      .select(['c.id', 'c.channel_id', 'ch.kind'])
      .where('c.id', '=', input.id)
      .executeTakeFirst();
    if (!conversation) throw notFound('Conversation');
    const id = newId();
    await tx.db
      .insertInto('care_messages')
      .values({
        id,
        conversation_id: conversation.id,
        channel_id: conversation.channel_id,
        kind: 'note',
        author_id: input.actor.id,
        body: input.body,
        created_at: tx.now,
      })
      .execute();
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'care.note_added',
      objectType: 'care_conversation',
      objectId: conversation.id,
      data: { channel: conversation.kind },
      at: tx.now,
    });
    return id;
  });
}

export async function sendReply(
  ctx: AppContext,
  input: { actor: Actor; id: string; body: string; status?: CareStatus },
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const { row, channel } = await lockConversation(tx, input.id);
    if (!channel.enabled)
      throw new AppError(
        409,
        'care_channel_disabled',
        'This channel is switched off: replies cannot go out through it.',
      );
    const id = newId();
    await tx.db
      .insertInto('care_messages')
      .values({
        id,
        conversation_id: row.id,
        channel_id: row.channel_id,
        kind: 'outbound',
        author_id: input.actor.id,
        body: input.body,
        delivery_status: 'pending',
        created_at: tx.now,
      })
      .execute();
    const first = row.first_response_at === null;
    await tx.db
      .updateTable('care_conversations')
      .set((eb) => ({
        message_count: eb('message_count', '+', 1),
        last_message_at: tx.now,
        updated_at: tx.now,
        // A new warning may come for the resolution target, now the first one is met.
        ...(first ? { first_response_at: tx.now, sla_warned_at: null } : {}),
      }))
      .where('id', '=', row.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'care.replied',
      objectType: 'care_conversation',
      objectId: row.id,
      data: {
        channel: channel.kind,
        first,
        // First response: since the conversation opened; later ones: since the customer last wrote.
        minutes: minutesBetween(first ? row.created_at : (row.last_inbound_at ?? row.created_at), tx.now),
      },
      at: tx.now,
    });
    if (input.status)
      await applyChanges(
        tx,
        input.actor,
        { ...row, first_response_at: row.first_response_at ?? tx.now },
        channel.kind,
        {
          status: input.status,
        },
      );
    await enqueue(tx, CARE_DELIVER_JOB, { messageId: id }, { maxAttempts: DELIVERY_ATTEMPTS });
    return id;
  });
}

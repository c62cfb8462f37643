// An agent's corrections: a message's sentiment (the conversation shows its latest inbound
// message's), and the product team's flag on a conversation (the `product` tag).
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { notFound, ValidationError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { lockedConversation } from './access.ts';

/** The tag that marks a conversation as feedback for the product team. */
export const PRODUCT_TAG = 'product';

export async function setMessageSentiment(
  ctx: AppContext,
  input: { actor: Actor; messageId: string; sentiment: number },
): Promise<{ conversationId: string }> {
  return inTransaction(ctx, async (tx) => {
    const message = await tx.db
      .selectFrom('care_messages')
      .select(['id', 'conversation_id', 'kind', 'sentiment', 'channel_id'])
      .where('id', '=', input.messageId)
      .executeTakeFirst();
    if (!message) throw notFound('Message');
    if (message.kind !== 'inbound')
      throw new ValidationError([
        { field: 'sentiment', reason: 'invalid', message: 'Only a customer’s message has a sentiment.' },
      ]);
    await lockedConversation(tx, message.conversation_id);
    const sentiment = Math.round(input.sentiment * 1000) / 1000;
    await tx.db
      .updateTable('care_messages')
      .set({ sentiment, sentiment_edited_by: input.actor.id })
      .where('id', '=', message.id)
      .execute();
    const latest = await tx.db
      .selectFrom('care_messages')
      .select('id')
      .where('conversation_id', '=', message.conversation_id)
      .where('kind', '=', 'inbound')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest?.id === message.id)
      await tx.db
        .updateTable('care_conversations')
        .set({ sentiment, updated_at: tx.now })
        .where('id', '=', message.conversation_id)
        .execute();
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'care.sentiment_edited',
      objectType: 'care_conversation',
      objectId: message.conversation_id,
      data: {
        messageId: message.id,
        before: message.sentiment,
        after: sentiment,
        channelId: message.channel_id,
      },
      at: tx.now,
    });
    return { conversationId: message.conversation_id };
  });
}

export async function setProductFeedback(
  ctx: AppContext,
  input: { actor: Actor; conversationId: string; flagged: boolean },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const conversation = await lockedConversation(tx, input.conversationId);
    const has = conversation.tags.includes(PRODUCT_TAG);
    if (has === input.flagged) return;
    const tags = input.flagged
      ? [...conversation.tags, PRODUCT_TAG]
      : conversation.tags.filter((t) => t !== PRODUCT_TAG);
    await tx.db
      .updateTable('care_conversations')
      .set({ tags, updated_at: tx.now })
      .where('id', '=', conversation.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'care.product_feedback',
      objectType: 'care_conversation',
      objectId: conversation.id,
      data: { flagged: input.flagged, channelId: conversation.channel_id },
      at: tx.now,
    });
  });
}

// Feedback to product: an agent turns a conversation into an idea of a campaign. The idea is
// submitted by the ideas module's own command in this transaction, so the campaign's rules
// apply (the agent must be able to read its space; the campaign must be open). Like an
// escalation, the customer's name, addresses and identities are taken out of the title and
// description unless the agent chose to include them: an idea may be read by a whole space,
// customers of an external space included.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { submitIdeaIn } from '../../ideas/commands/ideas.ts';
import { lockedConversation } from './access.ts';
import { customerTraces, redactCustomer } from './escalations.ts';

export interface TurnIntoIdeaInput {
  actor: Actor;
  conversationId: string;
  campaignId: string;
  title: string;
  description: string;
  includeCustomer: boolean;
  meta: RequestMeta;
}

export async function turnIntoIdea(ctx: AppContext, input: TurnIntoIdeaInput): Promise<string> {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const conversation = await lockedConversation(tx, input.conversationId);
    const { known } = await customerTraces(tx, conversation.customer_id);
    const clean = (s: string) => (input.includeCustomer ? s : redactCustomer(s, known));
    const ideaId = await submitIdeaIn(tx, {
      actor,
      campaignId: input.campaignId,
      title: clean(input.title),
      description: clean(input.description),
      attachmentIds: [],
    });
    await tx.db
      .insertInto('care_conversation_ideas')
      .values({ conversation_id: conversation.id, idea_id: ideaId, created_by: actor.id, created_at: tx.now })
      .execute();
    // The customer's words leave the inbox for a campaign: a trace, as for an escalation.
    await audit(tx.db, {
      action: 'care.idea_created',
      actor: actorRef(actor),
      target: { type: 'care_conversation', id: conversation.id },
      details: { ideaId, campaignId: input.campaignId, includeCustomer: input.includeCustomer },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'care.idea_created',
      objectType: 'care_conversation',
      objectId: conversation.id,
      data: { ideaId, channelId: conversation.channel_id },
      at: tx.now,
    });
    return ideaId;
  });
}

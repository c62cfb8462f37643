// Escalation: an agent asks an internal space — or one expert, through a space that person
// can read — on a customer's behalf. The question is an ordinary question post, created by the
// stream's own command in this transaction, so it follows the space's visibility rule like any
// other; the customer's name, email and identities are taken out of the text unless the agent
// chose to include them. The first answer (a top-level comment by someone else) comes back
// into the conversation as a draft reply: the stream calls captureEscalationAnswer() wherever
// a comment becomes visible (created, or approved by a moderator).
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { readablePost, readersAmong } from '../../stream/access.ts';
import { createPostIn } from '../../stream/commands/posts.ts';
import { lockedConversation } from './access.ts';

export const REDACTED = '[…]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
const PHONE = /\+?\d[\d .-]{7,}\d/g;

/** The text without the customer's name, addresses, identities, nor any email address or phone number. */
export function redactCustomer(text: string, known: string[]): string {
  let out = text;
  // Longest first, so "Claire Martin" goes before "Claire".
  const values = [...new Set(known.map((v) => v.trim()).filter((v) => v.length >= 3))].sort(
    (a, b) => b.length - a.length,
  );
  for (const value of values) out = out.replace(new RegExp(escapeRegExp(value), 'giu'), REDACTED);
  return out.replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
}

/** What the customer is known by: their name (and its words), email, and channel identities. */
export async function customerTraces(tx: Tx, customerId: string) {
  const customer = await tx.db
    .selectFrom('care_customers')
    .select(['display_name', 'email'])
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow();
  const identities = await tx.db
    .selectFrom('care_customer_identities')
    .select('value')
    .where('customer_id', '=', customerId)
    .execute();
  const known = [
    customer.display_name,
    ...customer.display_name.split(/\s+/),
    customer.email ?? '',
    ...identities.map((i) => i.value),
  ];
  return { customer, known };
}

export interface EscalateInput {
  actor: Actor;
  conversationId: string;
  spaceId: string;
  expertId: string | null;
  title: string;
  text: string;
  includeCustomer: boolean;
  meta: RequestMeta;
}

export async function escalate(ctx: AppContext, input: EscalateInput): Promise<string> {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const conversation = await lockedConversation(tx, input.conversationId);
    const { customer, known } = await customerTraces(tx, conversation.customer_id);
    const clean = (s: string) => (input.includeCustomer ? s : redactCustomer(s, known));
    const details = input.includeCustomer
      ? `\n\n${customer.display_name}${customer.email ? ` <${customer.email}>` : ''}`
      : '';
    // The way back: only care agents can open it (the care pages check the grant).
    const link = `\n\n${ctx.config.PUBLIC_URL}/care/conversations/${conversation.id}`;
    // The stream's own command: the agent must be able to post in the space, content rules apply.
    const postId = await createPostIn(tx, {
      actor,
      body: {
        spaceId: input.spaceId,
        title: clean(input.title).slice(0, 300),
        body: `${clean(input.text)}${details}${link}`,
        isAnnouncement: false,
        attachmentIds: [],
      },
    });
    const access = await readablePost(tx.db, actor, postId);
    if (input.expertId) {
      const [reader] = await readersAmong(tx.db, access.post, access.space, [input.expertId]);
      if (!reader || reader === actor.id)
        throw new ValidationError([
          { field: 'expertId', reason: 'invalid', message: 'Ask someone who can read this space.' },
        ]);
      await notify(tx, {
        recipients: [reader],
        kind: 'expert_request',
        actorId: actor.id,
        spaceId: access.post.space_id,
        postId,
      });
    }
    const id = newId();
    await tx.db
      .insertInto('care_escalations')
      .values({
        id,
        conversation_id: conversation.id,
        post_id: postId,
        space_id: access.post.space_id,
        expert_id: input.expertId,
        requested_by: actor.id,
        created_at: tx.now,
      })
      .execute();
    // Customer data leaving the inbox for a space is worth a trace; so is every escalation.
    await audit(tx.db, {
      action: 'care.escalated',
      actor: actorRef(actor),
      target: { type: 'care_conversation', id: conversation.id },
      details: {
        escalationId: id,
        postId,
        spaceId: access.post.space_id,
        expertId: input.expertId,
        includeCustomer: input.includeCustomer,
      },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'care.escalated',
      objectType: 'care_conversation',
      objectId: conversation.id,
      spaceId: access.post.space_id,
      data: { escalationId: id, postId, expert: input.expertId !== null, channelId: conversation.channel_id },
      at: tx.now,
    });
    return id;
  });
}

/**
 * A comment became visible: if it is the first answer to an open escalation's question, by
 * someone other than the agent who asked, it becomes that conversation's draft reply.
 */
export async function captureEscalationAnswer(
  tx: Tx,
  comment: { id: string; author_id: string; parent_id: string | null; body: string },
  postId: string,
): Promise<void> {
  if (comment.parent_id !== null) return;
  const open = await tx.db
    .selectFrom('care_escalations')
    .select(['id', 'conversation_id', 'requested_by'])
    .where('post_id', '=', postId)
    .where('status', '=', 'open')
    .forUpdate()
    .execute();
  for (const escalation of open) {
    if (escalation.requested_by === comment.author_id) continue;
    await tx.db
      .updateTable('care_escalations')
      .set({
        status: 'answered',
        answer_comment_id: comment.id,
        draft_body: comment.body,
        answered_at: tx.now,
      })
      .where('id', '=', escalation.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: comment.author_id,
      verb: 'care.escalation_answered',
      objectType: 'care_conversation',
      objectId: escalation.conversation_id,
      data: { escalationId: escalation.id, postId, commentId: comment.id },
      targetId: escalation.requested_by,
      at: tx.now,
    });
  }
}

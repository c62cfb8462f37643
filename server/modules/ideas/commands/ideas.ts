// Taking part: submitting an idea (with files uploaded beforehand) while the campaign is
// open, voting (once, withdrawable), following and commenting. The author follows their own idea.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { claimUploads } from '../../attachments/commands.ts';
import { isOpen } from '../presenters.ts';
import { campaignFor, ideaFor } from './access.ts';

export interface SubmitIdeaInput {
  actor: Actor;
  campaignId: string;
  title: string;
  description: string;
  /** Files uploaded beforehand by the actor (none from customer care). */
  attachmentIds: string[];
}

export async function submitIdea(ctx: AppContext, input: SubmitIdeaInput): Promise<string> {
  return inTransaction(ctx, (tx) => submitIdeaIn(tx, input));
}

/** Submitting inside a caller's transaction (customer care turns a conversation into an idea). */
export async function submitIdeaIn(tx: Tx, input: SubmitIdeaInput): Promise<string> {
  const { actor } = input;
  const { row } = await campaignFor(tx.db, actor, input.campaignId);
  if (!isOpen(row, tx.now)) throw conflict('campaign_closed', 'This campaign is not open for ideas.');
  const id = newId();
  await tx.db
    .insertInto('ideas')
    .values({
      id,
      campaign_id: row.id,
      author_id: actor.id,
      title: input.title,
      description: input.description,
      created_at: tx.now,
    })
    .execute();
  await claimUploads(tx, actor, { idea_id: id }, input.attachmentIds);
  await tx.db.insertInto('idea_followers').values({ idea_id: id, user_id: actor.id }).execute();
  await recordActivity(tx.db, {
    actorId: actor.id,
    verb: 'idea.submitted',
    objectType: 'idea',
    objectId: id,
    spaceId: row.space_id,
    at: tx.now,
  });
  return id;
}

export async function setVote(ctx: AppContext, input: { actor: Actor; ideaId: string; voted: boolean }) {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { idea, row } = await ideaFor(tx.db, actor, input.ideaId);
    if (idea.merged_into) throw conflict('conflict', 'This idea was merged into another: vote there.');
    const changed = input.voted
      ? await tx.db
          .insertInto('idea_votes')
          .values({ idea_id: idea.id, user_id: actor.id, created_at: tx.now })
          .onConflict((oc) => oc.columns(['idea_id', 'user_id']).doNothing())
          .returning('idea_id')
          .executeTakeFirst()
      : await tx.db
          .deleteFrom('idea_votes')
          .where('idea_id', '=', idea.id)
          .where('user_id', '=', actor.id)
          .returning('idea_id')
          .executeTakeFirst();
    if (!changed) return;
    await tx.db
      .updateTable('ideas')
      .set((eb) => ({ vote_count: eb('vote_count', '+', input.voted ? 1 : -1) }))
      .where('id', '=', idea.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: input.voted ? 'idea.voted' : 'idea.unvoted',
      objectType: 'idea',
      objectId: idea.id,
      spaceId: row.space_id,
      targetId: idea.author_id,
      at: tx.now,
    });
  });
}

export async function setFollow(
  ctx: AppContext,
  input: { actor: Actor; ideaId: string; following: boolean },
) {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { idea } = await ideaFor(tx.db, actor, input.ideaId);
    if (input.following)
      await tx.db
        .insertInto('idea_followers')
        .values({ idea_id: idea.id, user_id: actor.id })
        .onConflict((oc) => oc.columns(['idea_id', 'user_id']).doNothing())
        .execute();
    else
      await tx.db
        .deleteFrom('idea_followers')
        .where('idea_id', '=', idea.id)
        .where('user_id', '=', actor.id)
        .execute();
  });
}

export async function commentIdea(ctx: AppContext, input: { actor: Actor; ideaId: string; body: string }) {
  const { actor } = input;
  await inTransaction(ctx, async (tx) => {
    const { idea, row } = await ideaFor(tx.db, actor, input.ideaId);
    const id = newId();
    await tx.db
      .insertInto('idea_comments')
      .values({ id, idea_id: idea.id, author_id: actor.id, body: input.body, created_at: tx.now })
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'idea.commented',
      objectType: 'idea',
      objectId: idea.id,
      spaceId: row.space_id,
      targetId: idea.author_id,
      at: tx.now,
    });
  });
}

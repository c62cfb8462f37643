// What only questions have: accepting an answer, voting for answers, asking people to answer.
// Answers are the question's top-level comments; votes are counted on their row in the same
// transaction, like every counter of the stream.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { authorize } from '../../../platform/policy.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify, notYetNotified } from '../../notifications/notify.ts';
import { type PostAccess, readablePost, readersAmong } from '../access.ts';
import { streamPolicy } from '../policies.ts';

/** A readable question, locked for the rest of the transaction. */
async function question(tx: Tx, actor: Actor, postId: string): Promise<PostAccess> {
  const access = await readablePost(tx.db, actor, postId);
  if (access.post.title === null) throw notFound('Question');
  await tx.db.selectFrom('posts').select('id').where('id', '=', postId).forUpdate().execute();
  return access;
}

/** A live answer (top-level comment of a readable question) and its question. */
async function answer(tx: Tx, actor: Actor, commentId: string) {
  const comment = await tx.db
    .selectFrom('comments')
    .select(['id', 'post_id', 'parent_id', 'author_id', 'deleted_at'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!comment || comment.deleted_at) throw notFound('Answer');
  const access = await readablePost(tx.db, actor, comment.post_id).catch(() => {
    throw notFound('Answer');
  });
  if (access.post.title === null || comment.parent_id !== null) throw notFound('Answer');
  return { comment, access };
}

const changed = (tx: Tx, access: PostAccess) =>
  publishAfterCommit(tx, {
    type: 'post.updated',
    postId: access.post.id,
    spaceId: access.post.space_id,
    authorId: access.post.author_id,
  });

export async function acceptAnswer(
  ctx: AppContext,
  input: { actor: Actor; postId: string; commentId: string | null; meta: RequestMeta },
): Promise<void> {
  const { actor, postId, commentId } = input;
  await inTransaction(ctx, async (tx) => {
    const access = await question(tx, actor, postId);
    const { post, membership } = access;
    authorize(
      streamPolicy.canAcceptAnswer(actor, post, membership),
      'Only the person who asked, or a moderator, accepts an answer.',
    );
    let answerAuthor: string | null = null;
    if (commentId !== null) {
      const target = await tx.db
        .selectFrom('comments')
        .select(['author_id', 'parent_id', 'post_id', 'deleted_at'])
        .where('id', '=', commentId)
        .executeTakeFirst();
      if (!target || target.post_id !== post.id || target.parent_id !== null || target.deleted_at)
        throw new ValidationError([
          { field: 'commentId', reason: 'invalid', message: 'Accept one of this question’s answers.' },
        ]);
      answerAuthor = target.author_id;
    }
    if (post.accepted_comment_id === commentId) return;
    await tx.db
      .updateTable('posts')
      .set({ accepted_comment_id: commentId })
      .where('id', '=', post.id)
      .execute();
    if (post.author_id !== actor.id) {
      await audit(tx.db, {
        action: 'question.answer_accepted_by_moderator',
        actor: actorRef(actor),
        target: { type: 'post', id: post.id },
        before: { acceptedCommentId: post.accepted_comment_id },
        after: { acceptedCommentId: commentId },
        details: { role: actor.role === 'admin' ? 'admin' : membership },
        meta: input.meta,
        at: tx.now,
      });
    }
    if (answerAuthor) {
      await notify(tx, {
        recipients: await readersAmong(tx.db, post, access.space, [answerAuthor]),
        kind: 'answer_accepted',
        actorId: actor.id,
        spaceId: post.space_id,
        postId: post.id,
        commentId,
      });
    }
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: commentId ? 'question.answer_accepted' : 'question.answer_unaccepted',
      objectType: 'post',
      objectId: post.id,
      spaceId: post.space_id,
      data: { commentId, answerAuthorId: answerAuthor },
      targetId: answerAuthor,
      at: tx.now,
    });
    changed(tx, access);
  });
}

export async function voteAnswer(
  ctx: AppContext,
  input: { actor: Actor; commentId: string; vote: boolean },
): Promise<{ votes: number; myVote: boolean }> {
  const { actor, commentId, vote } = input;
  return inTransaction(ctx, async (tx) => {
    const { comment, access } = await answer(tx, actor, commentId);
    authorize(streamPolicy.canVoteAnswer(actor, comment), 'You cannot vote for your own answer.');
    const rows = vote
      ? await tx.db
          .insertInto('answer_votes')
          .values({ comment_id: comment.id, user_id: actor.id, created_at: tx.now })
          .onConflict((oc) => oc.doNothing())
          .returning('user_id')
          .execute()
      : await tx.db
          .deleteFrom('answer_votes')
          .where('comment_id', '=', comment.id)
          .where('user_id', '=', actor.id)
          .returning('user_id')
          .execute();
    const delta = rows.length === 0 ? 0 : vote ? 1 : -1;
    const updated = await tx.db
      .updateTable('comments')
      .set((eb) => ({ vote_count: eb('vote_count', '+', delta) }))
      .where('id', '=', comment.id)
      .returning('vote_count')
      .executeTakeFirstOrThrow();
    if (delta !== 0) {
      await recordActivity(tx.db, {
        actorId: actor.id,
        verb: vote ? 'answer.voted' : 'answer.unvoted',
        objectType: 'comment',
        objectId: comment.id,
        spaceId: access.post.space_id,
        data: { postId: access.post.id, answerAuthorId: comment.author_id },
        targetId: comment.author_id,
        at: tx.now,
      });
      publishAfterCommit(tx, {
        type: 'comment.updated',
        postId: access.post.id,
        spaceId: access.post.space_id,
        commentId: comment.id,
      });
    }
    return { votes: updated.vote_count, myVote: vote };
  });
}

/** Notifies the chosen people who may read the question and were not asked before. */
export async function askExperts(
  ctx: AppContext,
  input: { actor: Actor; postId: string; userIds: string[] },
): Promise<number> {
  const { actor, postId, userIds } = input;
  return inTransaction(ctx, async (tx) => {
    const access = await question(tx, actor, postId);
    const { post } = access;
    authorize(streamPolicy.canAskExperts(actor, post), 'Only the person who asked can ask others to answer.');
    const readers = await readersAmong(tx.db, post, access.space, userIds);
    if (readers.length !== new Set(userIds).size)
      throw new ValidationError([
        { field: 'userIds', reason: 'invalid', message: 'Ask only people who can read this question.' },
      ]);
    const asked = await notify(tx, {
      recipients: await notYetNotified(tx, { postId: post.id, kind: 'expert_request', userIds: readers }),
      kind: 'expert_request',
      actorId: actor.id,
      spaceId: post.space_id,
      postId: post.id,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'question.experts_asked',
      objectType: 'post',
      objectId: post.id,
      spaceId: post.space_id,
      data: { asked: asked.length },
      at: tx.now,
    });
    return asked.length;
  });
}

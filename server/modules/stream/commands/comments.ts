// Comments: one level of replies (a reply's parent is a top-level comment of the same
// post). The post's comment_count counts the comments people can see, so it changes in
// the same transaction; deleting a top-level comment hides its replies too.
import type { AppContext } from '../../../context.ts';
import type { CommentRow, PostRow } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { forbidden, notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { authorize } from '../../../platform/policy.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
// care: insight
import { captureEscalationAnswer } from '../../care/insight/escalations.ts';
import { checkContentRules } from '../../content-rules/enforce.ts';
import { needsApproval } from '../../moderation/premoderation.ts';
import { notify } from '../../notifications/notify.ts';
import { canReadComment } from '../../spaces/visibility.ts';
import { type PostAccess, readablePost, readersAmong } from '../access.ts';
import { streamPolicy } from '../policies.ts';
import { referencesOf, resolveHandles } from '../references.ts';

async function liveComment(tx: Tx, actor: Actor, commentId: string) {
  const comment = await tx.db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', commentId)
    .forUpdate()
    .executeTakeFirst();
  if (!comment || !canReadComment(actor, comment)) throw notFound('Comment');
  const access = await readablePost(tx.db, actor, comment.post_id).catch(() => {
    throw notFound('Comment');
  });
  if (comment.parent_id) {
    const parent = await tx.db
      .selectFrom('comments')
      .select('deleted_at')
      .where('id', '=', comment.parent_id)
      .executeTakeFirst();
    if (!parent || parent.deleted_at) throw notFound('Comment');
  }
  return { comment, access };
}

async function notifyForComment(
  tx: Tx,
  actor: Pick<Actor, 'id'>,
  access: PostAccess,
  commentId: string,
  parentAuthorId: string | null,
  body: string,
): Promise<void> {
  const { post, space } = access;
  const replyTo = await readersAmong(
    tx.db,
    post,
    space,
    parentAuthorId ? [post.author_id, parentAuthorId] : [post.author_id],
  );
  await notify(tx, {
    recipients: replyTo,
    kind: 'reply',
    actorId: actor.id,
    spaceId: post.space_id,
    postId: post.id,
    commentId,
  });
  const mentioned = await resolveHandles(tx, referencesOf(body).handles);
  const readers = await readersAmong(
    tx.db,
    post,
    space,
    // Someone told of a reply is not told again of a mention in it.
    mentioned.filter((id) => !replyTo.includes(id)),
  );
  await notify(tx, {
    recipients: readers,
    kind: 'mention',
    actorId: actor.id,
    spaceId: post.space_id,
    postId: post.id,
    commentId,
  });
}

/**
 * What a new comment sets off — the counts, replies and mentions, the live event — at its
 * creation, or when a moderator approves it.
 */
export async function announceNewComment(
  tx: Tx,
  comment: { id: string; author_id: string; parent_id: string | null; body: string },
  access: PostAccess,
  parentAuthorId: string | null,
): Promise<void> {
  const { post } = access;
  // A question's top-level comments are its answers, counted apart.
  const isAnswer = post.title !== null && !comment.parent_id;
  await tx.db
    .updateTable('posts')
    .set((eb) => ({
      comment_count: eb('comment_count', '+', 1),
      answer_count: eb('answer_count', '+', isAnswer ? 1 : 0),
    }))
    .where('id', '=', post.id)
    .execute();
  await notifyForComment(tx, { id: comment.author_id }, access, comment.id, parentAuthorId, comment.body);
  // care: insight — an answer to a customer-care escalation becomes the conversation's draft reply.
  if (isAnswer) await captureEscalationAnswer(tx, comment, post.id);
  publishAfterCommit(tx, {
    type: 'comment.created',
    postId: post.id,
    spaceId: post.space_id,
    commentId: comment.id,
  });
}

export async function createComment(
  ctx: AppContext,
  input: { actor: Actor; postId: string; body: string; parentId?: string | undefined },
): Promise<string> {
  const { actor, postId, body, parentId } = input;
  return inTransaction(ctx, async (tx) => {
    const access = await readablePost(tx.db, actor, postId);
    const { post } = access;
    if (!streamPolicy.canComment(access.space)) throw forbidden('This space is archived.');
    const ruleHold = await checkContentRules(tx.db, post.space_id, [{ field: 'body', text: body }], {
      canHold: post.space_id !== null,
    });
    let parentAuthorId: string | null = null;
    if (parentId) {
      const parent = await tx.db
        .selectFrom('comments')
        .select(['author_id', 'post_id', 'parent_id', 'deleted_at'])
        .where('id', '=', parentId)
        .forShare() // a parent being deleted right now must not miss this reply in its count
        .executeTakeFirst();
      if (!parent || parent.post_id !== post.id || parent.parent_id !== null || parent.deleted_at)
        throw new ValidationError([
          { field: 'parentId', reason: 'invalid', message: 'Reply to a comment of this post.' },
        ]);
      parentAuthorId = parent.author_id;
    }
    const id = newId();
    // A guest's comment waits for a moderator where pre-moderation is on, and anyone's
    // comment where a content rule holds one of its words.
    const held =
      post.space_id && (ruleHold || (await needsApproval(tx, actor, post.space_id)))
        ? ('pending' as const)
        : null;
    await tx.db
      .insertInto('comments')
      .values({
        id,
        post_id: post.id,
        parent_id: parentId ?? null,
        author_id: actor.id,
        body,
        created_at: tx.now,
        held,
      })
      .execute();
    const isAnswer = post.title !== null && !parentId;
    if (!held)
      await announceNewComment(
        tx,
        { id, author_id: actor.id, parent_id: parentId ?? null, body },
        access,
        parentAuthorId,
      );
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: isAnswer ? 'question.answered' : 'comment.created',
      objectType: 'comment',
      objectId: id,
      spaceId: post.space_id,
      data: { postId: post.id, reply: parentId !== undefined, held },
      targetId: post.author_id,
      at: tx.now,
    });
    return id;
  });
}

export async function updateComment(
  ctx: AppContext,
  input: { actor: Actor; commentId: string; body: string },
) {
  const { actor, commentId, body } = input;
  return inTransaction(ctx, async (tx) => {
    const { comment, access } = await liveComment(tx, actor, commentId);
    authorize(streamPolicy.canEditComment(actor, comment), 'Only its author can edit a comment.');
    if (comment.body === body) return;
    await checkContentRules(tx.db, access.post.space_id, [{ field: 'body', text: body }]);
    await tx.db
      .updateTable('comments')
      .set({ body, edited_at: tx.now })
      .where('id', '=', comment.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'comment.updated',
      objectType: 'comment',
      objectId: comment.id,
      spaceId: access.post.space_id,
      at: tx.now,
    });
    if (comment.held || access.post.held) return; // nobody else may know of it
    publishAfterCommit(tx, {
      type: 'comment.updated',
      postId: access.post.id,
      spaceId: access.post.space_id,
      commentId: comment.id,
    });
  });
}

export async function deleteComment(
  ctx: AppContext,
  input: { actor: Actor; commentId: string; meta: RequestMeta },
) {
  const { actor, commentId } = input;
  return inTransaction(ctx, async (tx) => {
    const { comment, access } = await liveComment(tx, actor, commentId);
    const { post, membership } = access;
    authorize(
      streamPolicy.canDeleteComment(actor, comment, membership),
      'Only its author or a moderator can delete a comment.',
    );
    await removeComment(tx, { actor, comment, post, membership, meta: input.meta });
  });
}

/** The soft delete, by its author or a moderator (audited), inside the caller's transaction. */
export async function removeComment(
  tx: Tx,
  input: {
    actor: Actor;
    comment: Pick<CommentRow, 'id' | 'author_id' | 'parent_id' | 'body' | 'held'>;
    post: Pick<PostRow, 'id' | 'space_id' | 'title'>;
    membership: string | null;
    meta: RequestMeta;
  },
): Promise<void> {
  const { actor, comment, post, membership } = input;
  {
    await tx.db.updateTable('comments').set({ deleted_at: tx.now }).where('id', '=', comment.id).execute();
    // A top-level comment takes its visible replies out of the count with it (a comment
    // waiting for approval was never counted).
    let hidden = comment.held === 'pending' ? 0 : 1;
    if (comment.parent_id === null) {
      const replies = await tx.db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', '=', comment.id)
        .where('deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      hidden += Number(replies.n);
    }
    // An answer leaves the count of answers, and stops being the accepted one.
    const isAnswer = post.title !== null && comment.parent_id === null;
    await tx.db
      .updateTable('posts')
      .set((eb) => ({
        comment_count: eb('comment_count', '-', hidden),
        answer_count: eb('answer_count', '-', isAnswer ? 1 : 0),
        accepted_comment_id: eb
          .case()
          .when('accepted_comment_id', '=', comment.id)
          .then(null)
          .else(eb.ref('accepted_comment_id'))
          .end(),
      }))
      .where('id', '=', post.id)
      .execute();
    const byModerator = comment.author_id !== actor.id;
    if (byModerator) {
      await audit(tx.db, {
        action: 'comment.deleted_by_moderator',
        actor: actorRef(actor),
        target: { type: 'comment', id: comment.id },
        before: { authorId: comment.author_id, postId: post.id, body: comment.body },
        details: { role: actor.role === 'admin' ? 'admin' : membership },
        meta: input.meta,
        at: tx.now,
      });
    }
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'comment.deleted',
      objectType: 'comment',
      objectId: comment.id,
      spaceId: post.space_id,
      data: { byModerator },
      at: tx.now,
    });
    publishAfterCommit(tx, {
      type: 'comment.deleted',
      postId: post.id,
      spaceId: post.space_id,
      commentId: comment.id,
    });
  }
}

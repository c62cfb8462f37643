// Guests' held posts and comments: a moderator of the space approves one (it appears and sets
// off what a new post sets off) or rejects it (deleted); the author is told either way.
import type { AppContext } from '../../../context.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { authorize } from '../../../platform/policy.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { loadPost } from '../../stream/access.ts';
import { announceNewComment } from '../../stream/commands/comments.ts';
import { announceNewPost } from '../../stream/commands/posts.ts';
import { moderationPolicy } from '../policies.ts';
import { membershipIn, placeFor } from './act.ts';

async function heldItem(tx: Tx, id: string) {
  const post = await tx.db
    .selectFrom('posts')
    .selectAll()
    .where('id', '=', id)
    .where('held', '=', 'pending')
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (post) return { kind: 'post' as const, post, comment: null };
  const comment = await tx.db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', id)
    .where('held', '=', 'pending')
    .where('deleted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!comment) return null;
  const parent = await tx.db
    .selectFrom('posts')
    .selectAll()
    .where('id', '=', comment.post_id)
    .executeTakeFirstOrThrow();
  return { kind: 'comment' as const, post: parent, comment };
}

export async function decidePending(
  ctx: AppContext,
  input: { actor: Actor; id: string; decision: 'approve' | 'reject'; note: string; meta: RequestMeta },
): Promise<void> {
  const { actor, decision, note } = input;
  await inTransaction(ctx, async (tx) => {
    const item = await heldItem(tx, input.id);
    if (!item || !moderationPolicy.canApprove(actor, await placeFor(tx, actor.id, item.post.space_id)))
      throw notFound('Held post');
    const { post, comment } = item;
    const authorId = comment?.author_id ?? post.author_id;
    const approved = decision === 'approve';
    if (comment) {
      await tx.db
        .updateTable('comments')
        .set(approved ? { held: null } : { deleted_at: tx.now })
        .where('id', '=', comment.id)
        .execute();
      if (approved) {
        const access = await loadPost(tx.db, { id: authorId, role: 'guest' }, post.id);
        const parent = comment.parent_id
          ? await tx.db
              .selectFrom('comments')
              .select('author_id')
              .where('id', '=', comment.parent_id)
              .executeTakeFirst()
          : undefined;
        if (access) await announceNewComment(tx, comment, access, parent?.author_id ?? null);
      }
    } else {
      await tx.db
        .updateTable('posts')
        .set(approved ? { held: null } : { deleted_at: tx.now, deleted_by: actor.id })
        .where('id', '=', post.id)
        .execute();
      if (approved) {
        const space = post.space_id
          ? await tx.db
              .selectFrom('spaces')
              .select(['visibility', 'archived_at'])
              .where('id', '=', post.space_id)
              .executeTakeFirst()
          : null;
        const mentions = await tx.db
          .selectFrom('post_mentions')
          .select('user_id')
          .where('post_id', '=', post.id)
          .execute();
        await announceNewPost(
          tx,
          post,
          space ?? null,
          mentions.map((m) => m.user_id),
        );
      }
    }
    await notify(tx, {
      recipients: [authorId],
      kind: approved ? 'post_approved' : 'post_rejected',
      actorId: null,
      spaceId: post.space_id,
      postId: approved ? post.id : null,
      commentId: approved ? (comment?.id ?? null) : null,
      data: { outcome: approved ? 'approved' : 'rejected', note },
    });
    await audit(tx.db, {
      action: approved ? 'moderation.approved' : 'moderation.rejected',
      actor: actorRef(actor),
      target: { type: item.kind, id: input.id },
      details: { note, spaceId: post.space_id, authorId },
      meta: input.meta,
      at: tx.now,
    });
  });
}

/** Pre-moderation of guests, for the organisation (spaceId null) or one space. */
export async function setPremoderation(
  ctx: AppContext,
  input: { actor: Actor; spaceId: string | null; value: boolean; meta: RequestMeta },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    if (input.spaceId === null) {
      authorize(moderationPolicy.canSetOrganisationPremoderation(input.actor));
      await tx.db.updateTable('organisation').set({ premoderate_guests: input.value }).execute();
    } else {
      const membership = await membershipIn(tx, input.actor.id, input.spaceId);
      authorize(
        moderationPolicy.canSetSpacePremoderation(input.actor, membership),
        'Only owners change this.',
      );
      await tx.db
        .updateTable('spaces')
        .set({ premoderate_guests: input.value, updated_at: tx.now })
        .where('id', '=', input.spaceId)
        .execute();
    }
    await audit(tx.db, {
      action: 'moderation.premoderation_changed',
      actor: actorRef(input.actor),
      target: input.spaceId ? { type: 'space', id: input.spaceId } : { type: 'organisation', id: null },
      after: { premoderateGuests: input.value },
      meta: input.meta,
      at: tx.now,
    });
  });
}

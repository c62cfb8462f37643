// Smaller things done to a post: pinning it in its space, acknowledging an announcement,
// bookmarking it.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { authorize } from '../../../platform/policy.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { readablePost } from '../access.ts';
import { streamPolicy } from '../policies.ts';

export async function setPinned(ctx: AppContext, input: { actor: Actor; postId: string; pinned: boolean }) {
  const { actor, postId, pinned } = input;
  return inTransaction(ctx, async (tx) => {
    const { post, membership } = await readablePost(tx.db, actor, postId);
    if (post.space_id === null) throw conflict('conflict', 'Only posts in a space can be pinned.');
    authorize(
      streamPolicy.canPinPost(actor, post, membership),
      'Only owners and moderators pin posts in a space.',
    );
    if ((post.pinned_at !== null) === pinned) return;
    await tx.db
      .updateTable('posts')
      .set({ pinned_at: pinned ? tx.now : null })
      .where('id', '=', post.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: pinned ? 'post.pinned' : 'post.unpinned',
      objectType: 'post',
      objectId: post.id,
      spaceId: post.space_id,
      at: tx.now,
    });
    publishAfterCommit(tx, {
      type: 'post.updated',
      postId: post.id,
      spaceId: post.space_id,
      authorId: post.author_id,
    });
  });
}

export async function acknowledge(ctx: AppContext, input: { actor: Actor; postId: string }) {
  const { actor, postId } = input;
  return inTransaction(ctx, async (tx) => {
    const { post } = await readablePost(tx.db, actor, postId);
    if (!post.is_announcement) throw conflict('conflict', 'Only announcements are acknowledged.');
    const inserted = await tx.db
      .insertInto('announcement_acks')
      .values({ post_id: post.id, user_id: actor.id, acknowledged_at: tx.now })
      .onConflict((oc) => oc.columns(['post_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) return;
    await tx.db
      .updateTable('posts')
      .set((eb) => ({ ack_count: eb('ack_count', '+', 1) }))
      .where('id', '=', post.id)
      .execute();
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'post.acknowledged',
      objectType: 'post',
      objectId: post.id,
      spaceId: post.space_id,
      at: tx.now,
    });
    publishAfterCommit(tx, { type: 'acknowledgements.changed', postId: post.id, spaceId: post.space_id });
  });
}

export async function setBookmark(ctx: AppContext, input: { actor: Actor; postId: string; on: boolean }) {
  const { actor, postId, on } = input;
  return inTransaction(ctx, async (tx) => {
    let changed: boolean;
    let spaceId: string | null = null;
    if (on) {
      const { post } = await readablePost(tx.db, actor, postId);
      spaceId = post.space_id;
      const inserted = await tx.db
        .insertInto('bookmarks')
        .values({ user_id: actor.id, post_id: post.id, created_at: tx.now })
        .onConflict((oc) => oc.columns(['user_id', 'post_id']).doNothing())
        .returning('post_id')
        .executeTakeFirst();
      changed = inserted !== undefined;
    } else {
      // Removing works even for a post the person can no longer see: it is their list.
      const removed = await tx.db
        .deleteFrom('bookmarks')
        .where('user_id', '=', actor.id)
        .where('post_id', '=', postId)
        .returning('post_id')
        .executeTakeFirst();
      changed = removed !== undefined;
    }
    if (!changed) return;
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: on ? 'bookmark.added' : 'bookmark.removed',
      objectType: 'post',
      objectId: postId,
      spaceId,
      at: tx.now,
    });
  });
}

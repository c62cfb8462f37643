// Reactions to posts and comments: one per person, replaced by a new kind, removed on
// request. The counts on the post (or comment) change in the same transaction, under a
// lock of that row, so parallel reactions never lose or double a count.
import { type RawBuilder, sql } from 'kysely';
import type { ReactionKind } from '../../../../common/schemas/stream.ts';
import type { AppContext } from '../../../context.ts';
import type { ReactionCounts } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { canReadComment } from '../../spaces/visibility.ts';
import { type PostAccess, readablePost, readersAmong } from '../access.ts';
import { presentCounts } from '../presenters.ts';

export interface ReactionResult {
  reactions: Record<string, number>;
  myReaction: ReactionKind | null;
}

/** The counts column with `deltas` applied and kinds at zero removed, as one SQL expression. */
function adjustCounts(deltas: [ReactionKind, number][]): RawBuilder<ReactionCounts> {
  const changes = sql.join(deltas.map(([kind, delta]) => sql`(${kind}::text, ${delta}::int)`));
  return sql<ReactionCounts>`(
    SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb)
    FROM (
      SELECT k, sum(n)::int AS n
      FROM (
        SELECT key AS k, value::int AS n FROM jsonb_each_text(reaction_counts)
        UNION ALL
        SELECT k, n FROM (VALUES ${changes}) AS d (k, n)
      ) AS all_counts
      GROUP BY k
    ) AS summed
    WHERE n > 0
  )`;
}

function deltasFor(before: ReactionKind | null, after: ReactionKind | null): [ReactionKind, number][] {
  const deltas: [ReactionKind, number][] = [];
  if (before) deltas.push([before, -1]);
  if (after) deltas.push([after, 1]);
  return deltas;
}

type Target = { table: 'reactions'; id: string } | { table: 'comment_reactions'; id: string };

/** Sets (kind) or removes (null) the actor's reaction; returns the kind it had before. */
async function writeReaction(
  tx: Tx,
  actor: Actor,
  target: Target,
  kind: ReactionKind | null,
): Promise<{ before: ReactionKind | null; counts: ReactionCounts }> {
  const where =
    target.table === 'reactions'
      ? sql`post_id = ${target.id} AND user_id = ${actor.id}`
      : sql`comment_id = ${target.id} AND user_id = ${actor.id}`;
  const owner = target.table === 'reactions' ? sql.raw('posts') : sql.raw('comments');
  // Lock the counted row first: reactions to one post serialise here, in one order.
  const locked = await sql<{ reaction_counts: ReactionCounts }>`
    SELECT reaction_counts FROM ${owner} WHERE id = ${target.id} FOR UPDATE`.execute(tx.db);
  const current = locked.rows[0];
  if (!current) throw notFound(target.table === 'reactions' ? 'Post' : 'Comment');
  const existing = await sql<{ kind: ReactionKind }>`
    SELECT kind FROM ${sql.raw(target.table)} WHERE ${where}`.execute(tx.db);
  const before = existing.rows[0]?.kind ?? null;
  if (before === kind) return { before, counts: current.reaction_counts };
  if (kind === null) {
    await sql`DELETE FROM ${sql.raw(target.table)} WHERE ${where}`.execute(tx.db);
  } else if (before === null) {
    const column = target.table === 'reactions' ? sql.raw('post_id') : sql.raw('comment_id');
    await sql`INSERT INTO ${sql.raw(target.table)} (${column}, user_id, kind, created_at)
      VALUES (${target.id}, ${actor.id}, ${kind}, ${tx.now})`.execute(tx.db);
  } else {
    await sql`UPDATE ${sql.raw(target.table)} SET kind = ${kind}, created_at = ${tx.now} WHERE ${where}`.execute(
      tx.db,
    );
  }
  const updated = await sql<{ reaction_counts: ReactionCounts }>`
    UPDATE ${owner} SET reaction_counts = ${adjustCounts(deltasFor(before, kind))}
    WHERE id = ${target.id} RETURNING reaction_counts`.execute(tx.db);
  return { before, counts: updated.rows[0]?.reaction_counts ?? {} };
}

/**
 * What follows a changed reaction, on a post or a comment: the author hears of a new one
 * (if they can read the post), the change is recorded, and readers see the counts move.
 */
async function afterReaction(
  tx: Tx,
  actor: Actor,
  r: {
    post: PostAccess['post'];
    space: PostAccess['space'];
    before: ReactionKind | null;
    kind: ReactionKind | null;
    authorId: string;
    commentId?: string;
  },
): Promise<void> {
  const { post, space, before, kind, commentId } = r;
  if (before === kind) return;
  if (before === null && kind !== null) {
    await notify(tx, {
      recipients: await readersAmong(tx.db, post, space, [r.authorId]),
      kind: 'reaction',
      actorId: actor.id,
      spaceId: post.space_id,
      postId: post.id,
      ...(commentId ? { commentId } : {}),
      data: { reaction: kind },
    });
  }
  await recordActivity(tx.db, {
    actorId: actor.id,
    verb: `${commentId ? 'comment_reaction' : 'reaction'}.${kind ? 'set' : 'removed'}`,
    objectType: commentId ? 'comment' : 'post',
    objectId: commentId ?? post.id,
    spaceId: post.space_id,
    data: kind ? { kind } : null,
    targetId: r.authorId,
    at: tx.now,
  });
  publishAfterCommit(tx, { type: 'reactions.changed', postId: post.id, spaceId: post.space_id });
}

export async function reactToPost(
  ctx: AppContext,
  input: { actor: Actor; postId: string; kind: ReactionKind | null },
): Promise<ReactionResult> {
  const { actor, postId, kind } = input;
  return inTransaction(ctx, async (tx) => {
    const { post, space } = await readablePost(tx.db, actor, postId);
    const { before, counts } = await writeReaction(tx, actor, { table: 'reactions', id: post.id }, kind);
    await afterReaction(tx, actor, { post, space, before, kind, authorId: post.author_id });
    return { reactions: presentCounts(counts), myReaction: kind };
  });
}

export async function reactToComment(
  ctx: AppContext,
  input: { actor: Actor; commentId: string; kind: ReactionKind | null },
): Promise<ReactionResult> {
  const { actor, commentId, kind } = input;
  return inTransaction(ctx, async (tx) => {
    // A reply whose parent was deleted is hidden with it; a held comment only its author sees.
    const comment = await tx.db
      .selectFrom('comments')
      .leftJoin('comments as parent', 'parent.id', 'comments.parent_id')
      .select([
        'comments.id',
        'comments.post_id',
        'comments.author_id',
        'comments.deleted_at',
        'comments.held',
      ])
      .select('parent.deleted_at as parent_deleted_at')
      .where('comments.id', '=', commentId)
      .executeTakeFirst();
    if (!comment || !canReadComment(actor, comment) || comment.parent_deleted_at) throw notFound('Comment');
    const { post, space } = await readablePost(tx.db, actor, comment.post_id).catch(() => {
      throw notFound('Comment');
    });
    const { before, counts } = await writeReaction(
      tx,
      actor,
      { table: 'comment_reactions', id: comment.id },
      kind,
    );
    await afterReaction(tx, actor, {
      post,
      space,
      before,
      kind,
      authorId: comment.author_id,
      commentId: comment.id,
    });
    return { reactions: presentCounts(counts), myReaction: kind };
  });
}

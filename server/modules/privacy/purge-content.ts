// Deleting what one person wrote: their posts (with everything hanging from them: comments,
// revisions, files, polls, search rows, notifications), their comments elsewhere (emptied
// and marked deleted, so others' replies keep their place), and the knowledge pages only
// they ever wrote. One function, run inside the caller's transaction, so erasure today and
// retention rules later share it. Files are not touched here: the caller removes the
// returned storage keys once the transaction committed (a rollback must not lose them).
import { sql } from 'kysely';
import type { Tx } from '../../platform/transaction.ts';

export interface PurgedContent {
  posts: number;
  comments: number;
  pages: number;
  /** Storage keys of the files that belonged to the deleted posts: remove after commit. */
  storageKeys: string[];
}

export async function purgeContent(tx: Tx, userId: string): Promise<PurgedContent> {
  const db = tx.db;
  const posts = await db.selectFrom('posts').select('id').where('author_id', '=', userId).execute();
  const postIds = posts.map((p) => p.id);
  // Their uploads: attached to their posts, or never attached. (Files attached to others'
  // posts cannot exist: a post takes only its author's uploads.)
  const files = await db
    .deleteFrom('attachments')
    .where((eb) =>
      eb.or([eb('uploader_id', '=', userId), ...(postIds.length > 0 ? [eb('post_id', 'in', postIds)] : [])]),
    )
    .returning('storage_key')
    .execute();
  // The rows hanging from a post go with it (ON DELETE CASCADE): comments under it,
  // revisions, tags, mentions, polls and votes, reactions, bookmarks, notifications, search rows.
  if (postIds.length > 0) await db.deleteFrom('posts').where('id', 'in', postIds).execute();

  // Their comments under others' posts: emptied and deleted, like a deletion by hand, so the
  // thread keeps its shape; counters are recounted from what is left.
  const comments = await db
    .updateTable('comments')
    .set({ body: '', deleted_at: sql`coalesce(deleted_at, ${tx.now})` })
    .where('author_id', '=', userId)
    .returning(['id', 'post_id'])
    .execute();
  const touched = [...new Set(comments.map((c) => c.post_id))];
  if (comments.length > 0) {
    const commentIds = comments.map((c) => c.id);
    for (const table of ['notifications', 'comment_reactions'] as const) {
      await db.deleteFrom(table).where('comment_id', 'in', commentIds).execute();
    }
    await recountComments(tx, touched);
  }

  // Knowledge pages nobody else ever edited go; pages others worked on stay (shared knowledge).
  const pages = await db
    .deleteFrom('knowledge_pages')
    .where('created_by', '=', userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('knowledge_revisions as r')
            .select('r.page_id')
            .whereRef('r.page_id', '=', 'knowledge_pages.id')
            .where((w) => w.or([w('r.edited_by', 'is', null), w('r.edited_by', '<>', userId)])),
        ),
      ),
    )
    .returning('id')
    .execute();
  if (pages.length > 0) {
    await db
      .deleteFrom('search_documents')
      .where(
        'id',
        'in',
        pages.map((p) => p.id),
      )
      .execute();
  }
  return {
    posts: postIds.length,
    comments: comments.length,
    pages: pages.length,
    storageKeys: files.map((f) => f.storage_key),
  };
}

/** Comment and answer counts of these posts, from the comments still visible. */
async function recountComments(tx: Tx, postIds: string[]): Promise<void> {
  if (postIds.length === 0) return;
  await sql`
    UPDATE posts p SET
      comment_count = (
        SELECT count(*) FROM comments c
        LEFT JOIN comments parent ON parent.id = c.parent_id
        WHERE c.post_id = p.id AND c.deleted_at IS NULL AND (parent.id IS NULL OR parent.deleted_at IS NULL)),
      answer_count = CASE WHEN p.title IS NULL THEN p.answer_count ELSE (
        SELECT count(*) FROM comments c
        WHERE c.post_id = p.id AND c.parent_id IS NULL AND c.deleted_at IS NULL) END,
      accepted_comment_id = (
        SELECT c.id FROM comments c WHERE c.id = p.accepted_comment_id AND c.deleted_at IS NULL)
    WHERE p.id IN (${sql.join(postIds)})`.execute(tx.db);
}

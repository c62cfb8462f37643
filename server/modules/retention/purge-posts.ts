// Hard-deletes posts and everything attached to them: comments, reactions, revisions, polls
// and votes, acknowledgements, bookmarks, tags, mentions, notifications pointing at them and
// search rows (all by the schema's ON DELETE CASCADE), attachment rows, and the attachments'
// files in storage (after commit). Runs inside the caller's transaction, so a batch is
// deleted whole or not at all. Used by retention; meant to be shared with erasure.
import { deleteFilesAfterCommit } from '../../platform/storage/deletions.ts';
import type { Tx } from '../../platform/transaction.ts';

export interface PurgedPost {
  comments: number;
  files: number;
}

export interface PurgeResult {
  posts: number;
  comments: number;
  files: number;
  byPost: Map<string, PurgedPost>;
}

export async function purgePosts(tx: Tx, postIds: string[]): Promise<PurgeResult> {
  const byPost = new Map<string, PurgedPost>(postIds.map((id) => [id, { comments: 0, files: 0 }]));
  if (postIds.length === 0) return { posts: 0, comments: 0, files: 0, byPost };
  const comments = await tx.db
    .selectFrom('comments')
    .select(['post_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('post_id', 'in', postIds)
    .groupBy('post_id')
    .execute();
  for (const row of comments) byPost.get(row.post_id)!.comments = Number(row.n);
  const files = await tx.db
    .deleteFrom('attachments')
    .where('post_id', 'in', postIds)
    .returning(['post_id', 'storage_key'])
    .execute();
  for (const row of files) byPost.get(row.post_id!)!.files += 1;
  await deleteFilesAfterCommit(
    tx,
    files.map((f) => f.storage_key),
  );
  const deleted = await tx.db.deleteFrom('posts').where('id', 'in', postIds).returning('id').execute();
  const gone = new Set(deleted.map((r) => r.id));
  for (const id of postIds) if (!gone.has(id)) byPost.delete(id);
  let commentTotal = 0;
  let fileTotal = 0;
  for (const counts of byPost.values()) {
    commentTotal += counts.comments;
    fileTotal += counts.files;
  }
  return { posts: gone.size, comments: commentTotal, files: fileTotal, byPost };
}

// What a post's text refers to — #tags, @mentions, its first link — derived with the same
// parser the web app renders with (common/rich-text.ts), and written next to the post so
// feeds and notifications never parse text.
import { extractReferences, TAG_PATTERN } from '../../../common/rich-text.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import type { Tx } from '../../platform/transaction.ts';

export const MAX_TAGS = 20;
const MAX_MENTIONS = 50;
const MAX_URL = 2048;
export const LINK_PREVIEW_JOB = 'link.preview';

export interface References {
  tags: string[];
  handles: string[];
  link: string | null;
}

export function referencesOf(body: string): References {
  const refs = extractReferences(body);
  return {
    tags: refs.tags
      .map((t) => t.toLowerCase())
      .filter((t) => TAG_PATTERN.test(t))
      .slice(0, MAX_TAGS),
    handles: refs.handles.slice(0, MAX_MENTIONS),
    link: refs.links.find((url) => url.length <= MAX_URL) ?? null,
  };
}

/** Active accounts named by these handles; handles of nobody (or of a space) are ignored. */
export async function resolveHandles(tx: Tx, handles: string[]): Promise<string[]> {
  if (handles.length === 0) return [];
  const rows = await tx.db
    .selectFrom('users')
    .select('id')
    .where('handle', 'in', handles)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function writeTags(tx: Tx, postId: string, tags: string[], replace: boolean): Promise<void> {
  if (replace) await tx.db.deleteFrom('post_tags').where('post_id', '=', postId).execute();
  if (tags.length === 0) return;
  await tx.db
    .insertInto('post_tags')
    .values(tags.map((tag) => ({ tag, post_id: postId })))
    .execute();
}

/** Replaces the post's mentions (a new post has none yet); returns who is newly mentioned. */
export async function writeMentions(
  tx: Tx,
  postId: string,
  userIds: string[],
  isNew: boolean,
): Promise<string[]> {
  const before = isNew
    ? []
    : await tx.db.selectFrom('post_mentions').select('user_id').where('post_id', '=', postId).execute();
  const had = new Set(before.map((r) => r.user_id));
  const wanted = new Set(userIds);
  const removed = [...had].filter((id) => !wanted.has(id));
  const added = [...wanted].filter((id) => !had.has(id));
  if (removed.length > 0)
    await tx.db
      .deleteFrom('post_mentions')
      .where('post_id', '=', postId)
      .where('user_id', 'in', removed)
      .execute();
  if (added.length > 0)
    await tx.db
      .insertInto('post_mentions')
      .values(added.map((user_id) => ({ post_id: postId, user_id })))
      .execute();
  return added;
}

/**
 * Makes sure a preview of the link exists or is on its way: the first post carrying a URL
 * creates its pending row and the job that fetches it (through the SSRF-safe fetcher);
 * later posts with the same URL share the row.
 */
export async function ensureLinkPreview(tx: Tx, url: string): Promise<void> {
  const inserted = await tx.db
    .insertInto('link_previews')
    .values({ url, status: 'pending', created_at: tx.now })
    .onConflict((oc) => oc.column('url').doNothing())
    .returning('url')
    .executeTakeFirst();
  if (inserted) await enqueue(tx, LINK_PREVIEW_JOB, { url });
}

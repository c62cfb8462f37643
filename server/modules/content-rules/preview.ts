// What a rule would have caught: the last 30 days of posts and comments (in one space, or
// everywhere), matched exactly as the rule will match. Counts cover every place, because an
// administrator must know what a rule would touch; examples come only from places the
// administrator may read themselves, so previewing is no way into a private space.
import { firstHit } from '../../../common/content-rules.ts';
import type { ContentRulePreview } from '../../../common/schemas/content-rules.ts';
import type { AnyDb } from '../../db/database.ts';
import { listableSpaceIds, readableSpaceIds, type Viewer } from '../spaces/visibility.ts';

const DAYS = 30;
/** Newest first, per kind: enough for a month of a large organisation, bounded in time. */
export const PREVIEW_SCAN_LIMIT = 20_000;
const EXAMPLES = 10;

interface Item {
  post_id: string;
  comment_id: string | null;
  space_id: string | null;
  text: string;
  created_at: Date;
}

function excerpt(text: string, index: number, length: number): string {
  const start = Math.max(0, index - 60);
  const end = Math.min(text.length, index + length + 60);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

export async function previewContentRule(
  db: AnyDb,
  input: { viewer: Viewer; term: string; spaceId: string | null; now: Date },
): Promise<ContentRulePreview> {
  const since = new Date(input.now.getTime() - DAYS * 86_400_000);
  let posts = db
    .selectFrom('posts')
    .select(['id as post_id', 'space_id', 'title', 'body', 'created_at'])
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(PREVIEW_SCAN_LIMIT);
  let comments = db
    .selectFrom('comments')
    .innerJoin('posts', 'posts.id', 'comments.post_id')
    .select([
      'posts.id as post_id',
      'comments.id as comment_id',
      'posts.space_id',
      'comments.body',
      'comments.created_at',
    ])
    .where('comments.deleted_at', 'is', null)
    .where('posts.deleted_at', 'is', null)
    .where('comments.created_at', '>=', since)
    .orderBy('comments.created_at', 'desc')
    .limit(PREVIEW_SCAN_LIMIT);
  if (input.spaceId) {
    posts = posts.where('space_id', '=', input.spaceId);
    comments = comments.where('posts.space_id', '=', input.spaceId);
  }
  const [postRows, commentRows] = await Promise.all([posts.execute(), comments.execute()]);
  const items: Item[] = [
    ...postRows.map((p) => ({ ...p, comment_id: null, text: p.title ? `${p.title}\n${p.body}` : p.body })),
    ...commentRows.map((c) => ({ ...c, text: c.body })),
  ].sort((a, b) => b.created_at.getTime() - a.created_at.getTime());

  const rule = [{ id: 'preview', term: input.term, action: 'reject' as const }];
  const counts = new Map<string | null, number>();
  const caught: { item: Item; found: string; index: number }[] = [];
  for (const item of items) {
    const hit = firstHit(rule, item.text);
    if (!hit) continue;
    counts.set(item.space_id, (counts.get(item.space_id) ?? 0) + 1);
    caught.push({ item, found: hit.found, index: hit.index });
  }

  const spaceIds = [...counts.keys()].filter((id): id is string => id !== null);
  const spaces =
    spaceIds.length === 0
      ? []
      : await db
          .selectFrom('spaces')
          .select(['spaces.id', 'spaces.slug', 'spaces.name', 'spaces.external'])
          .select((eb) => [
            eb('spaces.id', 'in', readableSpaceIds(eb as never, input.viewer)).as('readable'),
            eb('spaces.id', 'in', listableSpaceIds(eb as never, input.viewer)).as('listable'),
          ])
          .where('spaces.id', 'in', spaceIds)
          .execute();
  const byId = new Map(spaces.map((s) => [s.id, s]));
  const summary = (id: string | null) => {
    const space = id ? byId.get(id) : undefined;
    return space?.listable
      ? { id: space.id, slug: space.slug, name: space.name, external: space.external }
      : null;
  };
  // A secret space the administrator is not in is counted, not named.
  const place = (id: string | null) =>
    id === null ? 'profile' : byId.get(id)?.listable ? 'space' : 'unlisted';
  const bySpace = new Map<
    string,
    { place: 'profile' | 'space' | 'unlisted'; space: ReturnType<typeof summary>; count: number }
  >();
  for (const [id, count] of counts) {
    const where = place(id);
    const key = where === 'space' ? (id as string) : where;
    const entry = bySpace.get(key) ?? { place: where, space: summary(id), count: 0 };
    entry.count += count;
    bySpace.set(key, entry);
  }
  // Profile posts are read by every colleague; a space's only by who may read it.
  const mayRead = (id: string | null) => id === null || byId.get(id)?.readable === true;

  return {
    scanned: items.length,
    truncated: postRows.length === PREVIEW_SCAN_LIMIT || commentRows.length === PREVIEW_SCAN_LIMIT,
    caught: caught.length,
    bySpace: [...bySpace.values()].sort((a, b) => b.count - a.count),
    examples: caught
      .filter((c) => mayRead(c.item.space_id))
      .slice(0, EXAMPLES)
      .map(({ item, found, index }) => ({
        postId: item.post_id,
        commentId: item.comment_id,
        found,
        excerpt: excerpt(item.text, index, found.length),
        createdAt: item.created_at.toISOString(),
        space: summary(item.space_id),
      })),
  };
}

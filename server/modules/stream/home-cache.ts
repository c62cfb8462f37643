// The first page of each person's home feed, kept in process memory: it is what everyone
// opens, over and over, and reading it costs two substantial queries. An entry names what
// it shows (its posts, their links) and where new posts for it would come from (the
// viewer's spaces, followed people and tags); the database reports every change to those
// (platform/cache/changes.ts) and the entry goes at once. Later pages are not cached.
import { createHash } from 'node:crypto';
import type { Post } from '../../../common/schemas/stream.ts';
import type { AppContext } from '../../context.ts';
import { DependentCache, perContext } from '../../platform/cache/dependent-cache.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { type FeedWindow, homeFeedIds } from './feeds.ts';
import { hydratePosts } from './hydrate.ts';

export interface PostPage {
  items: Post[];
  nextCursor: string | null;
}

const homeCache = perContext(
  (ctx: AppContext) =>
    new DependentCache<PostPage>(ctx.changes, ctx.config.HOME_FEED_CACHE_ENTRIES, () =>
      ctx.clock.now().getTime(),
    ),
);

/** The change key of a link preview (the trigger sends the md5 of its URL). */
export const linkKey = (url: string) => `link:${createHash('md5').update(url).digest('hex')}`;

async function sourcesOf(ctx: AppContext, viewer: Viewer): Promise<string[]> {
  const [spaces, people, tags] = await Promise.all([
    ctx.db.selectFrom('space_members').select('space_id').where('user_id', '=', viewer.id).execute(),
    ctx.db.selectFrom('follows').select('followee_id').where('follower_id', '=', viewer.id).execute(),
    ctx.db.selectFrom('tag_follows').select('tag').where('user_id', '=', viewer.id).execute(),
  ]);
  return [
    ...spaces.map((r) => `space:${r.space_id}`),
    ...people.map((r) => `author:${r.followee_id}`),
    ...tags.map((r) => `tag:${r.tag}`),
  ];
}

/** What a shown post depends on, and when it turns stale by itself (a poll closes). */
function shownKeys(post: Pick<Post, 'id' | 'link' | 'poll'>, keys: string[], now: number): number {
  keys.push(`post:${post.id}`);
  if (post.link) keys.push(linkKey(post.link.url));
  const closes = post.poll?.closesAt ? Date.parse(post.poll.closesAt) : Infinity;
  return closes > now ? closes : Infinity;
}

async function compute(ctx: AppContext, viewer: Viewer, window: FeedWindow) {
  const [sources, ids] = await Promise.all([sourcesOf(ctx, viewer), homeFeedIds(ctx.db, viewer, window)]);
  const now = ctx.clock.now();
  const items = await hydratePosts(ctx.db, viewer, ids.ids, now);
  // The viewer's own rows and posts, names and spaces shown, and everything above.
  const keys = [`user:${viewer.id}`, `author:${viewer.id}`, 'people', 'spaces', ...sources];
  let expiresAt = Infinity;
  for (const post of items) {
    expiresAt = Math.min(expiresAt, shownKeys(post, keys, now.getTime()));
    if (post.shared) {
      keys.push(`post:${post.shared.id}`);
      if (post.shared.available) expiresAt = Math.min(expiresAt, shownKeys(post.shared, keys, now.getTime()));
    }
  }
  return { value: { items, nextCursor: ids.nextCursor }, dependsOn: keys, expiresAt };
}

export function homeFeedPage(ctx: AppContext, viewer: Viewer, window: FeedWindow): Promise<PostPage> {
  if (window.cursor !== undefined || window.newerThan !== undefined) {
    return compute(ctx, viewer, window).then((c) => c.value);
  }
  return homeCache(ctx).getOrCompute(`${viewer.id}:${viewer.role}:${window.limit}`, () =>
    compute(ctx, viewer, window),
  );
}

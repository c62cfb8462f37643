// The first page of each person's home feed, kept in process memory: it is what everyone
// opens, over and over, and reading it costs two substantial queries. An entry names what
// it shows (its posts, their links) and where new posts for it would come from (the
// viewer's spaces, followed people and tags); the database reports every change to those
// (platform/cache/changes.ts) and the entry goes at once. Later pages are not cached.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Post, PostPage } from '../../../common/schemas/stream.ts';
import type { AppContext } from '../../context.ts';
import { DependentCache, perContext } from '../../platform/cache/dependent-cache.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { type FeedWindow, homeFeedIds } from './feeds.ts';
import { hydratePosts } from './hydrate.ts';

const homeCache = perContext(
  (ctx: AppContext) =>
    new DependentCache<PostPage>(ctx.changes, ctx.config.HOME_FEED_CACHE_ENTRIES, () =>
      ctx.clock.now().getTime(),
    ),
);

/** The change key of a link preview (the trigger sends the md5 of its URL). */
const linkKey = (url: string) => `link:${createHash('md5').update(url).digest('hex')}`;

/** Where new posts for the viewer's home feed come from, as change keys, in one query. */
async function sourcesOf(ctx: AppContext, viewer: Viewer): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('space_members')
    .select(sql<string>`'space:' || space_id`.as('key'))
    .where('user_id', '=', viewer.id)
    .unionAll(
      ctx.db
        .selectFrom('follows')
        .select(sql<string>`'author:' || followee_id`.as('key'))
        .where('follower_id', '=', viewer.id),
    )
    .unionAll(
      ctx.db
        .selectFrom('tag_follows')
        .select(sql<string>`'tag:' || tag`.as('key'))
        .where('user_id', '=', viewer.id),
    )
    .execute();
  return rows.map((r) => r.key);
}

/** What a shown post depends on, and when it turns stale by itself (a poll closes). */
function shownKeys(post: Pick<Post, 'id' | 'link' | 'poll'>, keys: string[], now: number): number {
  keys.push(`post:${post.id}`);
  if (post.link) keys.push(linkKey(post.link.url));
  const closes = post.poll?.closesAt ? Date.parse(post.poll.closesAt) : Infinity;
  return closes > now ? closes : Infinity;
}

async function readPage(ctx: AppContext, viewer: Viewer, window: FeedWindow): Promise<PostPage> {
  const ids = await homeFeedIds(ctx.db, viewer, window);
  return { items: await hydratePosts(ctx.db, viewer, ids.ids, ctx.clock.now()), nextCursor: ids.nextCursor };
}

async function computeFirstPage(ctx: AppContext, viewer: Viewer, window: FeedWindow) {
  const [sources, page] = await Promise.all([sourcesOf(ctx, viewer), readPage(ctx, viewer, window)]);
  const now = ctx.clock.now().getTime();
  // The viewer's own rows and posts, names and spaces shown, and everything above.
  const keys = [`user:${viewer.id}`, `author:${viewer.id}`, 'people', 'spaces', ...sources];
  let expiresAt = Infinity;
  for (const post of page.items) {
    expiresAt = Math.min(expiresAt, shownKeys(post, keys, now));
    if (post.shared) {
      keys.push(`post:${post.shared.id}`);
      if (post.shared.available) expiresAt = Math.min(expiresAt, shownKeys(post.shared, keys, now));
    }
  }
  return { value: page, dependsOn: keys, expiresAt };
}

export function homeFeedPage(ctx: AppContext, viewer: Viewer, window: FeedWindow): Promise<PostPage> {
  // Later pages, and catching up on newer posts, are read each time.
  if (window.cursor !== undefined || window.newerThan !== undefined) return readPage(ctx, viewer, window);
  return homeCache(ctx).getOrCompute(`${viewer.id}:${viewer.role}:${window.limit}`, () =>
    computeFirstPage(ctx, viewer, window),
  );
}

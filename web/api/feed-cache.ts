// Pure helpers over the cached pages of a feed (TanStack Query's InfiniteData), so a post
// created, changed or deleted shows up in every list that holds it without a refetch.
import type { InfiniteData } from '@tanstack/react-query';
import type { Post, PostPage } from '../../common/schemas/stream.ts';

export type FeedData = InfiniteData<PostPage, unknown>;

/** Every post of the cached pages, in order. */
export function feedPosts(data: FeedData | undefined): Post[] {
  return data?.pages.flatMap((page) => page.items) ?? [];
}

/** Replace the post with the same id wherever it appears (unchanged data keeps its identity). */
export function replacePost(data: FeedData, post: Post): FeedData {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === post.id)) return page;
    changed = true;
    return { ...page, items: page.items.map((item) => (item.id === post.id ? post : item)) };
  });
  return changed ? { ...data, pages } : data;
}

export function removePost(data: FeedData, postId: string): FeedData {
  let changed = false;
  const pages = data.pages.map((page) => {
    if (!page.items.some((item) => item.id === postId)) return page;
    changed = true;
    return { ...page, items: page.items.filter((item) => item.id !== postId) };
  });
  return changed ? { ...data, pages } : data;
}

/** Put posts (newest first) on top of the first page, skipping any already listed. */
export function prependPosts(data: FeedData, posts: readonly Post[]): FeedData {
  const present = new Set(feedPosts(data).map((post) => post.id));
  const fresh = posts.filter((post) => !present.has(post.id));
  if (fresh.length === 0 || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first!, items: [...fresh, ...first!.items] }, ...rest] };
}

/**
 * The id a catch-up asks for posts newer than: the greatest id on screen or waiting in the
 * banner. Ids are UUIDv7, so their text order is their time order.
 */
export function newestId(...lists: ReadonlyArray<readonly Pick<Post, 'id'>[]>): string | undefined {
  let newest: string | undefined;
  for (const list of lists)
    for (const post of list) if (newest === undefined || post.id > newest) newest = post.id;
  return newest;
}

/** Merge newly found posts into those already waiting, newest first, without duplicates. */
export function mergeWaiting(
  waiting: readonly Post[],
  found: readonly Post[],
  shown: ReadonlySet<string>,
): Post[] {
  const byId = new Map<string, Post>();
  for (const post of [...found, ...waiting])
    if (!shown.has(post.id) && !byId.has(post.id)) byId.set(post.id, post);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

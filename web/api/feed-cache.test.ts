import { describe, expect, it } from 'vitest';
import type { Post } from '../../common/schemas/stream.ts';
import {
  type FeedData,
  feedPosts,
  mergeWaiting,
  newestId,
  prependPosts,
  removePost,
  replacePost,
} from './feed-cache.ts';

const post = (id: string, body = id) => ({ id, body }) as unknown as Post;
const data = (...pages: string[][]): FeedData => ({
  pages: pages.map((ids, i) => ({
    items: ids.map((id) => post(id)),
    nextCursor: i < pages.length - 1 ? 'c' : null,
  })),
  pageParams: pages.map((_, i) => (i === 0 ? undefined : `p${i}`)),
});

describe('feed cache', () => {
  it('replaces a post where it is and leaves other pages untouched', () => {
    const before = data(['c', 'b'], ['a']);
    const after = replacePost(before, post('a', 'edited'));
    expect(feedPosts(after).map((p) => p.body)).toEqual(['c', 'b', 'edited']);
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(replacePost(before, post('zz'))).toBe(before);
  });

  it('removes a deleted post', () => {
    expect(feedPosts(removePost(data(['c', 'b'], ['a']), 'b')).map((p) => p.id)).toEqual(['c', 'a']);
  });

  it('prepends new posts once', () => {
    const after = prependPosts(data(['b', 'a']), [post('d'), post('c'), post('b')]);
    expect(feedPosts(after).map((p) => p.id)).toEqual(['d', 'c', 'b', 'a']);
    expect(after.pageParams).toEqual([undefined]);
  });

  it('finds the newest id across lists', () => {
    expect(newestId([post('0190a')], [post('0190c'), post('0190b')])).toBe('0190c');
    expect(newestId([], [])).toBeUndefined();
  });

  it('merges waiting posts newest first, without those on screen or twice', () => {
    const merged = mergeWaiting([post('b'), post('a')], [post('c'), post('b')], new Set(['a']));
    expect(merged.map((p) => p.id)).toEqual(['c', 'b']);
  });
});

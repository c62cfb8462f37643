// New posts for a feed on screen, held back behind an "N new posts" button so the list
// does not move under the reader. A live message only says that something happened; the
// posts themselves come from the feed's own endpoint (`newerThan` the newest one shown),
// which applies the visibility rule and also covers what was missed while disconnected.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveMessage } from '../../../common/live.ts';
import type { Post } from '../../../common/schemas/stream.ts';
import { type FeedData, feedPosts, mergeWaiting, newestId } from '../../api/feed-cache.ts';
import { type FeedScope, feedKey, fetchFeedPage, prependToFeed, seedPosts } from '../../api/posts.ts';
import { useLive } from '../../app/live-context.ts';

type PostMessage = Extract<LiveMessage, { type: 'post' }>;

export interface NewPosts {
  waiting: Post[];
  show: () => void;
}

export function useNewPosts(
  scope: FeedScope,
  feed: FeedData | undefined,
  concerns: (message: PostMessage) => boolean,
): NewPosts {
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState<Post[]>([]);
  const [overflow, setOverflow] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const state = useRef({ feed, waiting, scope });
  state.current = { feed, waiting, scope };
  const key = JSON.stringify(feedKey(scope));

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new feed starts with nothing waiting
  useEffect(() => {
    setWaiting([]);
    setOverflow(false);
  }, [key]);

  const check = useCallback(async () => {
    const { feed: current, waiting: held, scope: where } = state.current;
    if (!current) return;
    const shown = feedPosts(current);
    const after = newestId(shown, held);
    if (!after) {
      // Nothing on screen yet: simply load the feed.
      await queryClient.invalidateQueries({ queryKey: feedKey(where) });
      return;
    }
    try {
      const page = await fetchFeedPage(where, { newerThan: after, limit: 20 });
      if (page.items.length === 0) return;
      seedPosts(queryClient, page.items);
      if (page.nextCursor) setOverflow(true);
      const ids = new Set(feedPosts(state.current.feed).map((p) => p.id));
      setWaiting((before) => mergeWaiting(before, page.items, ids));
    } catch {
      // The next message or reconnection tries again.
    }
  }, [queryClient]);

  const schedule = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void check();
    }, 400);
  }, [check]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useLive({
    message: (message) => {
      if (message.type !== 'post') return;
      if (message.action === 'deleted') setWaiting((before) => before.filter((p) => p.id !== message.postId));
      else if (message.action === 'created' && concerns(message)) schedule();
    },
    reconnected: schedule,
  });

  // A post can reach the feed another way (one's own, just published): never count it twice.
  const visibleWaiting = useMemo(() => {
    const ids = new Set(feedPosts(feed).map((p) => p.id));
    return waiting.filter((p) => !ids.has(p.id));
  }, [feed, waiting]);

  const show = useCallback(() => {
    const { waiting: held, scope: where } = state.current;
    if (overflow) void queryClient.resetQueries({ queryKey: feedKey(where) });
    else prependToFeed(queryClient, where, held);
    setWaiting([]);
    setOverflow(false);
  }, [overflow, queryClient]);

  return { waiting: visibleWaiting, show };
}

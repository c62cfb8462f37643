import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { api } from '../../common/api.ts';
import type { LiveMessage } from '../../common/live.ts';
import { call, isApiError } from '../api/client.ts';
import { LiveConnection, liveUrl } from '../api/live.ts';
import { UNREAD_KEY } from '../api/notifications.ts';
import { commentsKey, forgetPost, postKey, storePost } from '../api/posts.ts';
import { LiveContext } from './live-context.ts';

/**
 * Opens the live connection for the signed-in person and keeps the cache in step with it:
 * posts on screen are fetched again when they change (the API applies the visibility rule
 * again), the unread count follows notifications, memberships refresh spaces and feeds.
 * New posts are left to each feed (see use-new-posts.ts), which decides how to show them.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [live] = useState(() => new LiveConnection(liveUrl(window.location)));

  useEffect(() => {
    const refresh = postRefresher(queryClient);
    const unsubscribe = live.subscribe({
      message: (message) => onMessage(queryClient, refresh, message),
      reconnected: () => {
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
        void queryClient.invalidateQueries({ queryKey: ['post'], refetchType: 'active' });
        void queryClient.invalidateQueries({ queryKey: ['comments'], refetchType: 'active' });
        void queryClient.invalidateQueries({ queryKey: ['spaces'] });
        void queryClient.invalidateQueries({ queryKey: ['space'] });
      },
    });
    live.start();
    return () => {
      unsubscribe();
      live.stop();
      refresh.cancel();
    };
  }, [live, queryClient]);

  return <LiveContext value={live}>{children}</LiveContext>;
}

function onMessage(queryClient: QueryClient, refresh: PostRefresher, message: LiveMessage): void {
  switch (message.type) {
    case 'post':
      if (message.action === 'deleted') forgetPost(queryClient, message.postId);
      else if (message.action === 'updated') refresh.post(message.postId);
      return;
    case 'comment':
      refresh.post(message.postId);
      void queryClient.invalidateQueries({ queryKey: commentsKey(message.postId) });
      return;
    case 'post-counts':
      refresh.post(message.postId);
      return;
    case 'notification':
      queryClient.setQueryData(UNREAD_KEY, message.unreadCount);
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
      return;
    case 'membership':
      void queryClient.invalidateQueries({ queryKey: ['spaces'] });
      void queryClient.invalidateQueries({ queryKey: ['space'] });
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
      return;
    case 'ready':
      return;
  }
}

interface PostRefresher {
  post: (id: string) => void;
  cancel: () => void;
}

/**
 * Fetches a post again after it changed, if it is in the cache at all. A burst of events on
 * one post (reactions on a popular announcement) makes one request, not one per event.
 */
function postRefresher(queryClient: QueryClient): PostRefresher {
  const due = new Map<string, ReturnType<typeof setTimeout>>();
  const fetchNow = async (id: string) => {
    due.delete(id);
    try {
      storePost(queryClient, await call(api.getPost, { params: { id } }));
    } catch (error) {
      // Deleted, or no longer visible to this person (they left its space): take it off screen.
      if (isApiError(error, 'not_found') || isApiError(error, 'forbidden')) forgetPost(queryClient, id);
    }
  };
  return {
    post: (id) => {
      if (!queryClient.getQueryData(postKey(id)) || due.has(id)) return;
      due.set(
        id,
        setTimeout(() => void fetchNow(id), 250),
      );
    },
    cancel: () => {
      for (const timer of due.values()) clearTimeout(timer);
      due.clear();
    },
  };
}

// Notifications: the list, the unread count (kept live by the WebSocket), preferences.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { NotificationKind } from '../../common/schemas/notifications.ts';
import { call } from './client.ts';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

export function useNotifications() {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    queryFn: async ({ pageParam, signal }) => {
      const page = await call(api.listNotifications, { query: { cursor: pageParam, limit: 30 }, signal });
      queryClient.setQueryData(UNREAD_KEY, page.unreadCount);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The unread count for the bell: one small request, then live messages keep it current. */
export function useUnreadCount() {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: async ({ signal }) =>
      (await call(api.listNotifications, { query: { unread: true, limit: 1 }, signal })).unreadCount,
    staleTime: 5 * 60_000,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      call(api.markNotificationsRead, { body: which }),
    onSuccess: ({ unreadCount }) => {
      queryClient.setQueryData(UNREAD_KEY, unreadCount);
      void queryClient.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: ['notification-preferences'],
    queryFn: ({ signal }) => call(api.getNotificationPreferences, { signal }),
  });
}

export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kinds: Partial<Record<NotificationKind, boolean>>) =>
      call(api.updateNotificationPreferences, { body: { kinds } }),
    onSuccess: (prefs) => queryClient.setQueryData(['notification-preferences'], prefs),
  });
}

// Customer care, the inbox: conversations (list, detail, changes, replies, notes), who else
// has one open, saved views, canned replies and the agents, teams and channels to pick from.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn, QueryIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const KEY = ['care'] as const;

export type InboxQuery = Omit<NonNullable<QueryIn<typeof api.listCareConversations>>, 'cursor' | 'limit'>;

export function useCareConversations(query: InboxQuery) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'conversations', query],
    queryFn: ({ pageParam, signal }) =>
      call(api.listCareConversations, { query: { ...query, limit: 25, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    retry: false,
    // New customer messages show up without a reload.
    refetchInterval: 30_000,
  });
}

export function useCareConversation(id: string) {
  return useQuery({
    queryKey: [...KEY, 'conversation', id],
    queryFn: ({ signal }) => call(api.getCareConversation, { params: { id }, signal }),
    retry: false,
    // A reply goes out in the background: look again soon until the channel has said how it
    // went, and now and then for the customer's answers.
    refetchInterval: (query) =>
      query.state.data?.messages.some((m) => m.delivery?.status === 'pending') ? 3000 : 30_000,
  });
}

/** Whatever an agent changes shows in the conversation and the lists. */
function useChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
}

export function useUpdateCareConversation(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateCareConversation>) =>
      call(api.updateCareConversation, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useCareReply(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.sendCareReply>) => call(api.sendCareReply, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useCareNote(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.addCareNote>) => call(api.addCareNote, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useCareDirectory(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'directory'],
    queryFn: ({ signal }) => call(api.listCareAgents, { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useCareViews() {
  return useQuery({
    queryKey: [...KEY, 'views'],
    queryFn: ({ signal }) => call(api.listCareViews, { signal }),
  });
}

export function useCreateCareView() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCareView>) => call(api.createCareView, { body }),
    onSuccess: changed,
  });
}

export function useDeleteCareView() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteCareView, { params: { id } }),
    onSuccess: changed,
  });
}

export function useCannedReplies() {
  return useQuery({
    queryKey: [...KEY, 'canned'],
    queryFn: ({ signal }) => call(api.listCareCannedReplies, { signal }),
  });
}

export function useCreateCannedReply() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCareCannedReply>) => call(api.createCareCannedReply, { body }),
    onSuccess: changed,
  });
}

export function useUpdateCannedReply() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & BodyIn<typeof api.updateCareCannedReply>) =>
      call(api.updateCareCannedReply, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useDeleteCannedReply() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteCareCannedReply, { params: { id } }),
    onSuccess: changed,
  });
}

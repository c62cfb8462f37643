// Spaces: the directory, one space, its members, requests and invitations.
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn, QueryIn } from '../../common/endpoint.ts';
import type { Space, SpaceRole } from '../../common/schemas/spaces.ts';
import { call } from './client.ts';
import { SESSION_KEY } from './query-client.ts';

export type SpaceFilters = Omit<NonNullable<QueryIn<typeof api.listSpaces>>, 'cursor' | 'limit'>;

export const spaceKey = (ref: string) => ['space', ref] as const;

export function useSpaces(filters: SpaceFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['spaces', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.listSpaces, { query: { ...filters, cursor: pageParam, limit: 24 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Spaces the viewer belongs to, for choosing where to post or share (the first 100). */
export function useMySpaces() {
  return useQuery({
    queryKey: ['spaces', 'mine-all'],
    queryFn: ({ signal }) => call(api.listSpaces, { query: { filter: 'mine', limit: 100 }, signal }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}

export function useSpace(ref: string) {
  return useQuery({
    queryKey: spaceKey(ref),
    queryFn: ({ signal }) => call(api.getSpace, { params: { space: ref }, signal }),
  });
}

/** After a change to a space: the one space, and every list that shows spaces. */
function useStoreSpace() {
  const queryClient = useQueryClient();
  return (space: Space) => {
    queryClient.setQueryData(spaceKey(space.slug), space);
    queryClient.setQueryData(spaceKey(space.id), space);
    void queryClient.invalidateQueries({ queryKey: ['spaces'] });
  };
}

export function useCreateSpace() {
  const store = useStoreSpace();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createSpace>) => call(api.createSpace, { body }),
    onSuccess: (space) => {
      store(space);
      // Its creator owns it now: the session says again whether the navigation offers Analytics.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useUpdateSpace(ref: string) {
  const store = useStoreSpace();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateSpace>) =>
      call(api.updateSpace, { params: { space: ref }, body }),
    onSuccess: store,
  });
}

export function useJoinSpace(ref: string) {
  const queryClient = useQueryClient();
  const store = useStoreSpace();
  return useMutation({
    mutationFn: (message?: string) => call(api.joinSpace, { params: { space: ref }, body: { message } }),
    onSuccess: (space) => {
      store(space);
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}

export function useLeaveSpace(ref: string) {
  const queryClient = useQueryClient();
  const store = useStoreSpace();
  return useMutation({
    mutationFn: () => call(api.leaveSpace, { params: { space: ref } }),
    onSuccess: (space) => {
      store(space);
      void queryClient.invalidateQueries({ queryKey: ['feed'] });
    },
  });
}

export function useSpaceMembers(ref: string, q: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['space-members', ref, q],
    queryFn: ({ pageParam, signal }) =>
      call(api.listSpaceMembers, {
        params: { space: ref },
        query: { q: q || undefined, cursor: pageParam, limit: 50 },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useRefreshMembership(ref: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['space-members', ref] });
    void queryClient.invalidateQueries({ queryKey: ['space-requests', ref] });
    void queryClient.invalidateQueries({ queryKey: ['space'] });
    void queryClient.invalidateQueries({ queryKey: ['spaces'] });
  };
}

export function useChangeSpaceRole(ref: string) {
  const refresh = useRefreshMembership(ref);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: SpaceRole }) =>
      call(api.changeSpaceRole, { params: { space: ref, userId }, body: { role } }),
    onSuccess: refresh,
  });
}

export function useRemoveSpaceMember(ref: string) {
  const refresh = useRefreshMembership(ref);
  return useMutation({
    mutationFn: (userId: string) => call(api.removeSpaceMember, { params: { space: ref, userId } }),
    onSuccess: refresh,
  });
}

export function useInviteToSpace(ref: string) {
  const refresh = useRefreshMembership(ref);
  return useMutation({
    mutationFn: (userIds: string[]) => call(api.inviteToSpace, { params: { space: ref }, body: { userIds } }),
    onSuccess: refresh,
  });
}

export function useSpaceRequests(ref: string, enabled: boolean) {
  return useQuery({
    queryKey: ['space-requests', ref],
    queryFn: ({ signal }) => call(api.listSpaceRequests, { params: { space: ref }, signal }),
    enabled,
  });
}

export function useAnswerSpaceRequest(ref: string) {
  const refresh = useRefreshMembership(ref);
  return useMutation({
    mutationFn: ({ requestId, approve }: { requestId: string; approve: boolean }) =>
      call(approve ? api.approveSpaceRequest : api.declineSpaceRequest, {
        params: { space: ref, requestId },
      }),
    onSuccess: refresh,
  });
}

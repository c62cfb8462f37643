// Moderation: reporting, the cases, the approval list and the pre-moderation settings.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const KEY = ['moderation'] as const;

export function useReport() {
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createReport>) => call(api.createReport, { body }),
  });
}

export function useCases(status: 'open' | 'closed') {
  return useInfiniteQuery({
    queryKey: [...KEY, 'cases', status],
    queryFn: ({ pageParam, signal }) => call(api.listCases, { query: { status, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: [...KEY, 'case', id],
    queryFn: ({ signal }) => call(api.getCase, { params: { id }, signal }),
  });
}

/** Anything a moderator does changes the queue, the content and the feeds: refetch them. */
function useChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: KEY }),
      queryClient.invalidateQueries({ queryKey: ['feed'] }),
      queryClient.invalidateQueries({ queryKey: ['post'] }),
    ]);
}

export function useActOnCase(id: string) {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.actOnCase>) => call(api.actOnCase, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function usePending(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'pending'],
    queryFn: ({ signal }) => call(api.listPending, { query: {}, signal }),
    enabled,
  });
}

export function useDecidePending() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & BodyIn<typeof api.decidePending>) =>
      call(api.decidePending, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useOrganisationPremoderation() {
  return useQuery({
    queryKey: [...KEY, 'premoderation', 'organisation'],
    queryFn: ({ signal }) => call(api.getOrganisationPremoderation, { signal }),
  });
}

export function useSetOrganisationPremoderation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (premoderateGuests: boolean) =>
      call(api.setOrganisationPremoderation, { body: { premoderateGuests } }),
    onSuccess: (data) => queryClient.setQueryData([...KEY, 'premoderation', 'organisation'], data),
  });
}

export function useSpacePremoderation(space: string) {
  return useQuery({
    queryKey: [...KEY, 'premoderation', 'space', space],
    queryFn: ({ signal }) => call(api.getSpacePremoderation, { params: { space }, signal }),
  });
}

export function useSetSpacePremoderation(space: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (premoderateGuests: boolean) =>
      call(api.setSpacePremoderation, { params: { space }, body: { premoderateGuests } }),
    onSuccess: (data) => queryClient.setQueryData([...KEY, 'premoderation', 'space', space], data),
  });
}

import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { QueryIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

export type PeopleFilters = Omit<NonNullable<QueryIn<typeof api.listPeople>>, 'cursor' | 'limit'>;

export function usePeople(filters: PeopleFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['people', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.listPeople, { query: { ...filters, cursor: pageParam, limit: 25 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDirectory() {
  return useQuery({
    queryKey: ['directory'],
    queryFn: ({ signal }) => call(api.getDirectory, { signal }),
    staleTime: 5 * 60_000,
  });
}

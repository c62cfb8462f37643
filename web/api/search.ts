import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { SearchKind } from '../../common/schemas/search.ts';
import { call } from './client.ts';

export interface SearchFilters {
  q: string;
  type?: SearchKind | undefined;
  sort?: 'recent' | 'relevance' | undefined;
  space?: string | undefined;
  author?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export function useSearch(filters: SearchFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['search', filters],
    queryFn: ({ pageParam, signal }) =>
      call(api.search, { query: { ...filters, cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

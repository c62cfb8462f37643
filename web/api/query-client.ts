// One QueryClient for the app. Client errors (4xx) are not retried: asking again will not
// change the answer. An `unauthenticated` answer means the session ended elsewhere, so the
// session query is refreshed and the app falls back to the sign-in page.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client.ts';

export const SESSION_KEY = ['session'] as const;

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey[0]) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error, undefined) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  function onError(error: unknown, firstKey: unknown): void {
    if (firstKey !== SESSION_KEY[0] && isApiError(error, 'unauthenticated')) {
      void client.invalidateQueries({ queryKey: SESSION_KEY });
    }
  }
  return client;
}

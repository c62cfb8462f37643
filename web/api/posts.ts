// Posts in the query cache. Each post lives under ['post', id] (what a card shows) and in
// the pages of the feeds that list it; a change from a mutation or a live event is written
// to both, so every card showing that post agrees without refetching a whole feed.
import {
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import type { Post, PostPage, ReactionKind } from '../../common/schemas/stream.ts';
import { call } from './client.ts';
import { type FeedData, prependPosts, removePost, replacePost } from './feed-cache.ts';

export type FeedScope =
  | { kind: 'home' }
  | { kind: 'space'; spaceId: string }
  | { kind: 'pinned'; spaceId: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'profile'; personId: string }
  | { kind: 'bookmarks' }
  | { kind: 'questions'; status: QuestionStatus };

export type QuestionStatus = 'all' | 'unanswered' | 'answered' | 'accepted';

export const postKey = (id: string) => ['post', id] as const;
export const commentsKey = (postId: string) => ['comments', postId] as const;

export function feedKey(scope: FeedScope): readonly unknown[] {
  switch (scope.kind) {
    case 'home':
    case 'bookmarks':
      return ['feed', scope.kind];
    case 'space':
    case 'pinned':
      return ['feed', scope.kind, scope.spaceId];
    case 'tag':
      return ['feed', 'tag', scope.tag];
    case 'profile':
      return ['feed', 'profile', scope.personId];
    case 'questions':
      return ['feed', 'questions', scope.status];
  }
}

interface PageRequest {
  cursor?: string | undefined;
  newerThan?: string | undefined;
  limit?: number;
  signal?: AbortSignal | undefined;
}

export function fetchFeedPage(scope: FeedScope, request: PageRequest): Promise<PostPage> {
  const query = { cursor: request.cursor, newerThan: request.newerThan, limit: request.limit ?? 20 };
  const { signal } = request;
  switch (scope.kind) {
    case 'home':
      return call(api.homeFeed, { query, signal });
    case 'bookmarks':
      return call(api.bookmarks, { query, signal });
    case 'space':
      return call(api.spaceFeed, { params: { space: scope.spaceId }, query, signal });
    case 'pinned':
      return call(api.pinnedPosts, { params: { space: scope.spaceId }, signal });
    case 'tag':
      return call(api.tagFeed, { params: { tag: scope.tag }, query, signal });
    case 'profile':
      return call(api.profileFeed, { params: { id: scope.personId }, query, signal });
    case 'questions':
      return call(api.listQuestions, {
        query: { status: scope.status, cursor: query.cursor, limit: query.limit },
        signal,
      });
  }
}

export function seedPosts(queryClient: QueryClient, posts: readonly Post[]): void {
  for (const post of posts) queryClient.setQueryData(postKey(post.id), post);
}

export function useFeed(scope: FeedScope, enabled = true) {
  const queryClient = useQueryClient();
  return useInfiniteQuery({
    queryKey: feedKey(scope),
    queryFn: async ({ pageParam, signal }) => {
      const page = await fetchFeedPage(scope, { cursor: pageParam, signal });
      seedPosts(queryClient, page.items);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Live events keep a feed current; refetching every page on focus would only cost.
    refetchOnWindowFocus: false,
    enabled,
  });
}

/** A card's post: the cached one (kept current by mutations and live events), else the feed's copy. */
export function usePost(id: string, fallback?: Post) {
  return useQuery({
    queryKey: postKey(id),
    queryFn: ({ signal }) => call(api.getPost, { params: { id }, signal }),
    initialData: fallback,
    staleTime: fallback ? Number.POSITIVE_INFINITY : 30_000,
    refetchOnWindowFocus: false,
  });
}

/** Write a changed post everywhere it is cached. */
export function storePost(queryClient: QueryClient, post: Post): void {
  queryClient.setQueryData(postKey(post.id), post);
  queryClient.setQueriesData<FeedData>({ queryKey: ['feed'] }, (data) =>
    data ? replacePost(data, post) : data,
  );
}

export function patchPost(queryClient: QueryClient, id: string, patch: Partial<Post>): void {
  const current = queryClient.getQueryData<Post>(postKey(id));
  if (current) storePost(queryClient, { ...current, ...patch });
}

export function forgetPost(queryClient: QueryClient, id: string): void {
  queryClient.setQueriesData<FeedData>({ queryKey: ['feed'] }, (data) =>
    data ? removePost(data, id) : data,
  );
  queryClient.removeQueries({ queryKey: postKey(id), exact: true });
  queryClient.removeQueries({ queryKey: commentsKey(id) });
}

/** Show posts at the top of a feed, if that feed is loaded. */
export function prependToFeed(queryClient: QueryClient, scope: FeedScope, posts: readonly Post[]): void {
  seedPosts(queryClient, posts);
  queryClient.setQueryData<FeedData>(feedKey(scope), (data) => (data ? prependPosts(data, posts) : data));
}

export function useCreatePost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createPost>) => call(api.createPost, { body }),
    onSuccess: (post) => {
      // One's own post appears at once where one would look for it.
      prependToFeed(queryClient, { kind: 'home' }, [post]);
      prependToFeed(queryClient, { kind: 'profile', personId: post.author.id }, [post]);
      if (post.space) prependToFeed(queryClient, { kind: 'space', spaceId: post.space.id }, [post]);
    },
  });
}

export function useUpdatePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => call(api.updatePost, { params: { id }, body: { body } }),
    onSuccess: (post) => {
      storePost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: ['revisions', id] });
    },
  });
}

export function useDeletePost(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.deletePost, { params: { id } }),
    onSuccess: () => forgetPost(queryClient, id),
  });
}

export function usePin(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pin: boolean) => call(pin ? api.pinPost : api.unpinPost, { params: { id: post.id } }),
    onSuccess: (updated) => {
      storePost(queryClient, updated);
      if (updated.space)
        void queryClient.invalidateQueries({
          queryKey: feedKey({ kind: 'pinned', spaceId: updated.space.id }),
        });
    },
  });
}

export function useReact(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ReactionKind | null) =>
      kind
        ? call(api.reactToPost, { params: { id: postId }, body: { kind } })
        : call(api.unreactToPost, { params: { id: postId } }),
    onSuccess: (state) => patchPost(queryClient, postId, state),
  });
}

export function useBookmark(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (bookmarked: boolean) => {
      await call(bookmarked ? api.bookmarkPost : api.unbookmarkPost, { params: { id: postId } });
      return bookmarked;
    },
    onSuccess: (bookmarked) => {
      patchPost(queryClient, postId, { bookmarked });
      void queryClient.invalidateQueries({ queryKey: feedKey({ kind: 'bookmarks' }) });
    },
  });
}

export function useVote(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (optionIds: string[]) => call(api.votePoll, { params: { id: postId }, body: { optionIds } }),
    onSuccess: (post) => storePost(queryClient, post),
  });
}

export function useAcknowledge(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.acknowledgePost, { params: { id: postId } }),
    onSuccess: (post) => {
      storePost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: ['acknowledgements', postId] });
    },
  });
}

export function useAcknowledgements(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['acknowledgements', postId],
    queryFn: ({ signal }) => call(api.acknowledgements, { params: { id: postId }, signal }),
    enabled,
  });
}

export function useRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['revisions', postId],
    queryFn: ({ signal }) => call(api.postRevisions, { params: { id: postId }, signal }),
    enabled,
  });
}

export function useMentionSuggestions(q: string) {
  return useQuery({
    queryKey: ['mentions', q],
    queryFn: ({ signal }) => call(api.mentionSuggestions, { query: { q, limit: 6 }, signal }),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
}

// Questions: accepting an answer, voting for answers, suggested experts and asking them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { Comment } from '../../common/schemas/stream.ts';
import { call } from './client.ts';
import { commentsKey, storePost } from './posts.ts';

export function useAcceptAnswer(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string | null) =>
      commentId
        ? call(api.acceptAnswer, { params: { id: postId }, body: { commentId } })
        : call(api.unacceptAnswer, { params: { id: postId } }),
    onSuccess: (post) => {
      storePost(queryClient, post);
      void queryClient.invalidateQueries({ queryKey: ['feed', 'questions'] });
    },
  });
}

export function useVoteAnswer(postId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vote: boolean) =>
      vote
        ? call(api.voteAnswer, { params: { id: commentId } })
        : call(api.unvoteAnswer, { params: { id: commentId } }),
    onSuccess: (state) =>
      queryClient.setQueryData<{ items: Comment[] }>(commentsKey(postId), (list) =>
        list ? { items: list.items.map((c) => (c.id === commentId ? { ...c, ...state } : c)) } : list,
      ),
  });
}

export const expertsKey = (postId: string) => ['experts', postId] as const;

export function useExperts(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: expertsKey(postId),
    queryFn: ({ signal }) => call(api.suggestExperts, { params: { id: postId }, signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useAskExperts(postId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userIds: string[]) => call(api.askExperts, { params: { id: postId }, body: { userIds } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: expertsKey(postId) }),
  });
}

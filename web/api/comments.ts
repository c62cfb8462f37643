import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { Comment, ReactionKind } from '../../common/schemas/stream.ts';
import { call } from './client.ts';
import { commentsKey, postKey } from './posts.ts';

type CommentList = { items: Comment[] };

export function useComments(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: commentsKey(postId),
    queryFn: ({ signal }) => call(api.listComments, { params: { id: postId }, signal }),
    enabled,
    refetchOnWindowFocus: false,
  });
}

/** After any change to a thread: its list, and the post's comment count. */
function useRefreshThread(postId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: commentsKey(postId) });
    void queryClient.invalidateQueries({ queryKey: postKey(postId), exact: true });
  };
}

export function useCreateComment(postId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshThread(postId);
  return useMutation({
    mutationFn: (body: { body: string; parentId?: string }) =>
      call(api.createComment, { params: { id: postId }, body }),
    onSuccess: (comment) => {
      queryClient.setQueryData<CommentList>(commentsKey(postId), (list) =>
        list && !list.items.some((c) => c.id === comment.id) ? { items: [...list.items, comment] } : list,
      );
      refresh();
    },
  });
}

export function useUpdateComment(postId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => call(api.updateComment, { params: { id: commentId }, body: { body } }),
    onSuccess: (comment) =>
      queryClient.setQueryData<CommentList>(commentsKey(postId), (list) =>
        list ? { items: list.items.map((c) => (c.id === comment.id ? comment : c)) } : list,
      ),
  });
}

export function useDeleteComment(postId: string, commentId: string) {
  const refresh = useRefreshThread(postId);
  return useMutation({
    mutationFn: () => call(api.deleteComment, { params: { id: commentId } }),
    onSuccess: refresh,
  });
}

export function useReactToComment(postId: string, commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kind: ReactionKind | null) =>
      kind
        ? call(api.reactToComment, { params: { id: commentId }, body: { kind } })
        : call(api.unreactToComment, { params: { id: commentId } }),
    onSuccess: (state) =>
      queryClient.setQueryData<CommentList>(commentsKey(postId), (list) =>
        list ? { items: list.items.map((c) => (c.id === commentId ? { ...c, ...state } : c)) } : list,
      ),
  });
}

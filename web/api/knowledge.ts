import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import type { Page } from '../../common/schemas/knowledge.ts';
import { call } from './client.ts';

export const pageKey = (id: string) => ['page', id] as const;

export function usePages(spaceRef: string) {
  return useQuery({
    queryKey: ['pages', spaceRef],
    queryFn: ({ signal }) => call(api.listPages, { params: { space: spaceRef }, signal }),
    select: (tree) => tree.items,
  });
}

export function usePage(id: string) {
  return useQuery({
    queryKey: pageKey(id),
    queryFn: ({ signal }) => call(api.getPage, { params: { id }, signal }),
  });
}

function useStorePage() {
  const queryClient = useQueryClient();
  return (page: Page) => {
    queryClient.setQueryData(pageKey(page.id), page);
    void queryClient.invalidateQueries({ queryKey: ['pages'] });
    void queryClient.invalidateQueries({ queryKey: ['revisions', page.id] });
  };
}

export function useCreatePage(spaceRef: string) {
  const store = useStorePage();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createPage>) =>
      call(api.createPage, { params: { space: spaceRef }, body }),
    onSuccess: store,
  });
}

export function useUpdatePage(id: string) {
  const store = useStorePage();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updatePage>) => call(api.updatePage, { params: { id }, body }),
    onSuccess: store,
  });
}

export function useRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['revisions', id],
    queryFn: ({ signal }) => call(api.pageRevisions, { params: { id }, signal }),
    select: (list) => list.items,
    enabled,
  });
}

export function useRevisionDiff(id: string, number: number | null) {
  return useQuery({
    queryKey: ['revisions', id, number],
    queryFn: ({ signal }) => call(api.revisionDiff, { params: { id, number: number ?? 1 }, signal }),
    enabled: number !== null,
  });
}

export function useRestoreRevision(id: string) {
  const store = useStorePage();
  return useMutation({
    mutationFn: (number: number) => call(api.restoreRevision, { params: { id, number } }),
    onSuccess: store,
  });
}

export function useSaveToKnowledge(postId: string) {
  const store = useStorePage();
  return useMutation({
    mutationFn: () => call(api.saveToKnowledge, { params: { id: postId }, body: {} }),
    onSuccess: store,
  });
}

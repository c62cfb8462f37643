// Content rules (administrators): the list, adding, removing and previewing.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const KEY = ['content-rules'] as const;

export function useContentRules() {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => call(api.listContentRules, { signal }) });
}

function useChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useCreateContentRule() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createContentRule>) => call(api.createContentRule, { body }),
    onSuccess: changed,
  });
}

export function useDeleteContentRule() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteContentRule, { params: { id } }),
    onSuccess: changed,
  });
}

export function usePreviewContentRule() {
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.previewContentRule>) => call(api.previewContentRule, { body }),
  });
}

// Retention: rules, their preview, legal holds and the runs of the daily job (administrators).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn, QueryIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ['retention', 'legal-holds', 'retention-runs', 'audit'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
}

export function useRetention() {
  return useQuery({ queryKey: ['retention'], queryFn: ({ signal }) => call(api.getRetention, { signal }) });
}

export function useSetRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.setRetentionRule>) => call(api.setRetentionRule, { body }),
    onSuccess: invalidate,
  });
}

export function useRemoveRule() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (query: NonNullable<QueryIn<typeof api.removeRetentionRule>>) =>
      call(api.removeRetentionRule, { query }),
    onSuccess: invalidate,
  });
}

export function usePreviewRule() {
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.previewRetentionRule>) => call(api.previewRetentionRule, { body }),
  });
}

export function useLegalHolds() {
  return useQuery({
    queryKey: ['legal-holds'],
    queryFn: ({ signal }) => call(api.listLegalHolds, { signal }),
  });
}

export function usePlaceHold() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.placeLegalHold>) => call(api.placeLegalHold, { body }),
    onSuccess: invalidate,
  });
}

export function useReleaseHold() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(api.releaseLegalHold, { params: { id } }),
    onSuccess: invalidate,
  });
}

/** The latest runs; polled while one is running so its counts appear when it ends. */
export function useRetentionRuns() {
  return useQuery({
    queryKey: ['retention-runs'],
    queryFn: ({ signal }) => call(api.listRetentionRuns, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((r) => r.status === 'running') ? 1000 : false),
  });
}

export function useStartRun() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: () => call(api.startRetentionRun), onSuccess: invalidate });
}

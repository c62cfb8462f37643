// Customer-care insight: sentiment corrections, alerts, escalations, product feedback, figures.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn, QueryIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const KEY = ['care', 'insight'] as const;

export function useSetSentiment(messageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sentiment: number) =>
      call(api.setCareMessageSentiment, { params: { id: messageId }, body: { sentiment } }),
    // The conversation page shows the sentiment too: its data sits under ['care', …] (care-inbox.ts).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['care'] }),
  });
}

export function useCareAlerts() {
  return useQuery({
    queryKey: [...KEY, 'alerts'],
    queryFn: ({ signal }) => call(api.listCareAlerts, { signal }),
    refetchInterval: 60_000,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.acknowledgeCareAlert, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'alerts'] }),
  });
}

export function useEscalationTargets(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'targets', q],
    queryFn: ({ signal }) => call(api.careEscalationTargets, { query: { q }, signal }),
    enabled,
  });
}

export function useEscalations(conversationId: string) {
  return useQuery({
    queryKey: [...KEY, 'escalations', conversationId],
    queryFn: ({ signal }) => call(api.listCareEscalations, { params: { id: conversationId }, signal }),
    refetchInterval: 30_000,
  });
}

export function useEscalate(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCareEscalation>) =>
      call(api.createCareEscalation, { params: { id: conversationId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...KEY, 'escalations', conversationId] }),
  });
}

export function useConversationInsight(conversationId: string) {
  return useQuery({
    queryKey: [...KEY, 'conversation', conversationId],
    queryFn: ({ signal }) => call(api.getCareConversationInsight, { params: { id: conversationId }, signal }),
  });
}

export function useSetProductFeedback(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flagged: boolean) =>
      call(api.setCareProductFeedback, { params: { id: conversationId }, body: { flagged } }),
    onSuccess: (data) => {
      queryClient.setQueryData([...KEY, 'conversation', conversationId], data);
      // The flag is the `product` tag: the conversation page's tags (care-inbox.ts) change too.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...KEY, 'tags'] }),
        queryClient.invalidateQueries({ queryKey: ['care', 'conversation', conversationId] }),
      ]);
    },
  });
}

export function useTurnIntoIdea(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCareConversationIdea>) =>
      call(api.createCareConversationIdea, { params: { id: conversationId }, body }),
    // The panel lists the conversation's ideas; the campaign's board has one more.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...KEY, 'conversation', conversationId] }),
        queryClient.invalidateQueries({ queryKey: ['ideas'] }),
      ]),
  });
}

export function useCareTagCounts(query: QueryIn<typeof api.careTagCounts>) {
  return useQuery({
    queryKey: [...KEY, 'tags', query],
    queryFn: ({ signal }) => call(api.careTagCounts, { query, signal }),
  });
}

export function useCareSummary(query: QueryIn<typeof api.careInsightSummary>) {
  return useQuery({
    queryKey: [...KEY, 'summary', query],
    queryFn: ({ signal }) => call(api.careInsightSummary, { query, signal }),
  });
}

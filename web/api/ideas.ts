// Ideas: campaigns, the board, similar ideas, an idea and the evaluators' actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../common/api.ts';
import type { CampaignCreateBody, CampaignUpdateBody, IdeaStatus } from '../../common/schemas/ideas.ts';
import { call } from './client.ts';

const KEY = ['ideas'] as const;

export const useCampaigns = () =>
  useQuery({ queryKey: [...KEY, 'campaigns'], queryFn: ({ signal }) => call(api.listCampaigns, { signal }) });

export const useBoard = (id: string, sort: 'votes' | 'score' | 'recent') =>
  useQuery({
    queryKey: [...KEY, 'board', id, sort],
    queryFn: ({ signal }) => call(api.getCampaignBoard, { params: { id }, query: { sort }, signal }),
  });

export const useSimilarIdeas = (id: string, q: string) =>
  useQuery({
    queryKey: [...KEY, 'similar', id, q],
    queryFn: ({ signal }) => call(api.similarIdeas, { params: { id }, query: { q }, signal }),
    enabled: q.trim().length >= 3,
  });

export const useCampaignReport = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'report', id],
    queryFn: ({ signal }) => call(api.campaignReport, { params: { id }, signal }),
    enabled,
  });

export const useIdea = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'idea', id],
    queryFn: ({ signal }) => call(api.getIdea, { params: { id }, signal }),
  });

function useIdeasMutation<T>(fn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateCampaign = () =>
  useIdeasMutation((body: z.input<typeof CampaignCreateBody>) => call(api.createCampaign, { body }));
export const useUpdateCampaign = (id: string) =>
  useIdeasMutation((body: z.input<typeof CampaignUpdateBody>) =>
    call(api.updateCampaign, { params: { id }, body }),
  );
export const useCloseCampaign = (id: string) =>
  useIdeasMutation(() => call(api.closeCampaign, { params: { id } }));
export const useMerge = (id: string) =>
  useIdeasMutation((intoId: string) => call(api.mergeIdea, { params: { id }, body: { intoId } }));
export const useSubmitIdea = (campaignId: string) =>
  useIdeasMutation((body: { title: string; description: string; attachmentIds: string[] }) =>
    call(api.submitIdea, { params: { id: campaignId }, body }),
  );
export const useVote = () =>
  useIdeasMutation((input: { id: string; voted: boolean }) =>
    call(api.voteIdea, { params: { id: input.id }, body: { voted: input.voted } }),
  );
export const useFollow = () =>
  useIdeasMutation((input: { id: string; following: boolean }) =>
    call(api.followIdea, { params: { id: input.id }, body: { following: input.following } }),
  );
export const useComment = (id: string) =>
  useIdeasMutation((body: string) => call(api.commentIdea, { params: { id }, body: { body } }));
export const useChangeStatus = (id: string) =>
  useIdeasMutation((body: { status: IdeaStatus; explanation: string }) =>
    call(api.changeIdeaStatus, { params: { id }, body }),
  );
export const useEvaluate = (id: string) =>
  useIdeasMutation((body: { scores: Record<string, number>; note: string }) =>
    call(api.evaluateIdea, { params: { id }, body }),
  );

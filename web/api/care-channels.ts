// Customer-care administration: channels, teams, SLA targets and agents.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const KEY = ['care-admin'] as const;

function useInvalidate() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: KEY });
}

export function useCareChannels() {
  return useQuery({
    queryKey: [...KEY, 'channels'],
    queryFn: ({ signal }) => call(api.listCareChannels, { signal }),
  });
}

export function useCareChannel(id: string) {
  return useQuery({
    queryKey: [...KEY, 'channels', id],
    queryFn: ({ signal }) => call(api.getCareChannel, { params: { id }, signal }),
  });
}

export function useCreateCareChannel() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCareChannel>) => call(api.createCareChannel, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCareChannel(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateCareChannel>) =>
      call(api.updateCareChannel, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCareChannel(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.deleteCareChannel, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useRotateCareSecret(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () => call(api.rotateCareChannelSecret, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useTestCareChannel(id: string) {
  return useMutation({ mutationFn: () => call(api.testCareChannel, { params: { id } }) });
}

export function useCareTeams() {
  return useQuery({
    queryKey: [...KEY, 'teams'],
    queryFn: ({ signal }) => call(api.listCareTeams, { signal }),
  });
}

export function useCreateCareTeam() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCareTeam>) => call(api.createCareTeam, { body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCareTeam() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyIn<typeof api.updateCareTeam> & { id: string }) =>
      call(api.updateCareTeam, { params: { id }, body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCareTeam() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteCareTeam, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useCareSlaTargets() {
  return useQuery({
    queryKey: [...KEY, 'sla'],
    queryFn: ({ signal }) => call(api.listCareSlaTargets, { signal }),
  });
}

export function useSetCareSlaTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.setCareSlaTarget>) => call(api.setCareSlaTarget, { body }),
    onSuccess: invalidate,
  });
}

export function useDeleteCareSlaTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteCareSlaTarget, { params: { id } }),
    onSuccess: invalidate,
  });
}

export function useCareAgents() {
  return useQuery({
    queryKey: [...KEY, 'agents'],
    queryFn: ({ signal }) => call(api.listCareAgentGrants, { signal }),
  });
}

export function useSetCareAgent() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, agent }: { id: string; agent: boolean }) =>
      call(api.setCareAgent, { params: { id }, body: { agent } }),
    onSuccess: invalidate,
  });
}

/** Colleagues matching a search, for granting the agent role (the administrators' user list). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: [...KEY, 'user-search', q],
    queryFn: ({ signal }) => call(api.listUsers, { query: { q, status: 'active', limit: 10 }, signal }),
    enabled: q.trim().length >= 2,
  });
}

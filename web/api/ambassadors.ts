// The ambassador programme: the employee's page, opting in, sharing; kits and the reach report for managers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Network } from '../../common/ambassadors.ts';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const KEY = ['ambassadors'] as const;

export function useAmbassadorHome() {
  return useQuery({
    queryKey: [...KEY, 'home'],
    queryFn: ({ signal }) => call(api.ambassadorHome, { signal }),
  });
}

export function useKits() {
  return useQuery({ queryKey: [...KEY, 'kits'], queryFn: ({ signal }) => call(api.listKits, { signal }) });
}

export function useReachReport() {
  return useQuery({
    queryKey: [...KEY, 'report'],
    queryFn: ({ signal }) => call(api.ambassadorReport, { signal }),
  });
}

function useChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useSetMembership() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (optedIn: boolean) => call(api.setAmbassadorMembership, { body: { optedIn } }),
    onSuccess: changed,
  });
}

export function useShareKit() {
  return useMutation({
    mutationFn: (input: { id: string; network: Network }) =>
      call(api.shareKit, { params: { id: input.id }, body: { network: input.network } }),
  });
}

export function useSaveKit() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: { id: string | null; body: BodyIn<typeof api.createKit> }) =>
      input.id
        ? call(api.updateKit, { params: { id: input.id }, body: input.body })
        : call(api.createKit, { body: input.body }),
    onSuccess: changed,
  });
}

export function useKitStatus() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (input: { id: string; to: 'publish' | 'archive' }) =>
      call(input.to === 'publish' ? api.publishKit : api.archiveKit, { params: { id: input.id } }),
    onSuccess: changed,
  });
}

export function useSetLeaderboard() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (leaderboard: boolean) => call(api.setAmbassadorSettings, { body: { leaderboard } }),
    onSuccess: changed,
  });
}

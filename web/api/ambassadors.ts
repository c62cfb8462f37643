// The ambassador programme: the employee's page, opting in, sharing; kits and the reach report for managers.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Network } from '../../common/ambassadors.ts';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';
import { uploadKitImage } from './uploads.ts';

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

/** Saves a kit, then sends its new image if one was chosen (the kit must exist to take it). */
export function useSaveKit() {
  const changed = useChanged();
  return useMutation({
    mutationFn: async (input: {
      id: string | null;
      body: BodyIn<typeof api.createKit>;
      image: File | null;
    }) => {
      const kit = input.id
        ? await call(api.updateKit, { params: { id: input.id }, body: input.body })
        : await call(api.createKit, { body: input.body });
      return input.image ? uploadKitImage(kit.id, input.image) : kit;
    },
    // Refreshed whatever happened: a new kit whose image was refused is saved all the same.
    onSettled: changed,
  });
}

export function useRemoveKitImage() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => call(api.removeKitImage, { params: { id } }),
    onSuccess: changed,
  });
}

/** Who holds the communication-manager grant (administrators). */
export function useCommunicationManagers(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'managers'],
    queryFn: ({ signal }) => call(api.listCommunicationManagers, { signal }),
    enabled,
  });
}

export function useSetCommunicationManager() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, communicationManager }: { id: string; communicationManager: boolean }) =>
      call(api.setCommunicationManager, { params: { id }, body: { communicationManager } }),
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

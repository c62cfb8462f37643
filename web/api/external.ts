// External spaces: the organisation's rules, and guest invitations by email into a space.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

const settingsKey = ['external-settings'] as const;
const guestInvitationsKey = (space: string) => ['guest-invitations', space] as const;

export function useExternalSettings(enabled = true) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => call(api.getExternalSettings, { signal }),
    enabled,
  });
}

export function useUpdateExternalSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateExternalSettings>) =>
      call(api.updateExternalSettings, { body }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey, settings),
  });
}

export function useGuestInvitations(spaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: guestInvitationsKey(spaceId),
    queryFn: ({ signal }) => call(api.listGuestInvitations, { params: { space: spaceId }, signal }),
    enabled,
  });
}

export function useInviteGuest(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.inviteGuest>) =>
      call(api.inviteGuest, { params: { space: spaceId }, body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: guestInvitationsKey(spaceId) });
      void queryClient.invalidateQueries({ queryKey: ['space-requests', spaceId] });
    },
  });
}

export function useRevokeGuestInvitation(spaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(api.revokeGuestInvitation, { params: { space: spaceId, id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: guestInvitationsKey(spaceId) }),
  });
}

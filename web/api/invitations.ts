import { useQuery } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import { call } from './client.ts';

/** What an invitation link is for. A POST, but it changes nothing, so it is cached like a read. */
export function useInvitationPreview(token: string | null) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => call(api.previewInvitation, { body: { token: token ?? '' } }),
    enabled: token !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

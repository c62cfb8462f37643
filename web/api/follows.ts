// Profiles and tags, and following them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { Profile } from '../../common/schemas/stream.ts';
import { call } from './client.ts';
import { feedKey } from './posts.ts';

export function useProfile(id: string) {
  return useQuery({
    queryKey: ['profile', id],
    queryFn: ({ signal }) => call(api.getProfile, { params: { id }, signal }),
  });
}

export function useFollowPerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => call(follow ? api.followPerson : api.unfollowPerson, { params: { id } }),
    onSuccess: ({ following }) => {
      queryClient.setQueryData<Profile>(['profile', id], (profile) =>
        profile && profile.following !== following
          ? { ...profile, following, followerCount: profile.followerCount + (following ? 1 : -1) }
          : profile,
      );
      void queryClient.invalidateQueries({ queryKey: feedKey({ kind: 'home' }) });
    },
  });
}

export function useTag(tag: string) {
  return useQuery({
    queryKey: ['tag', tag],
    queryFn: ({ signal }) => call(api.getTag, { params: { tag }, signal }),
  });
}

export function useFollowTag(tag: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (follow: boolean) => call(follow ? api.followTag : api.unfollowTag, { params: { tag } }),
    onSuccess: (state) => {
      queryClient.setQueryData(['tag', tag], state);
      void queryClient.invalidateQueries({ queryKey: feedKey({ kind: 'home' }) });
    },
  });
}

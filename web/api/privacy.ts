// Personal data: my archives, and (administrators) erasure and its setting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { ErasureContent } from '../../common/schemas/privacy.ts';
import { call } from './client.ts';

const exportsKey = ['personal-data-exports'] as const;

/** My archives; asked again every few seconds while one is being prepared. */
export function usePersonalDataExports() {
  return useQuery({
    queryKey: exportsKey,
    queryFn: ({ signal }) => call(api.listPersonalDataExports, { signal }),
    refetchInterval: (query) => (query.state.data?.items.some((e) => e.status === 'pending') ? 2000 : false),
  });
}

export function useRequestPersonalDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.requestPersonalDataExport),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportsKey }),
  });
}

export function usePrivacySettings() {
  return useQuery({
    queryKey: ['privacy-settings'],
    queryFn: ({ signal }) => call(api.getPrivacySettings, { signal }),
  });
}

export function useUpdatePrivacySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (erasureContent: ErasureContent) =>
      call(api.updatePrivacySettings, { body: { erasureContent } }),
    onSuccess: (data) => queryClient.setQueryData(['privacy-settings'], data),
  });
}

export function useEraseUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmation }: { id: string; confirmation: string }) =>
      call(api.eraseUser, { params: { id }, body: { confirmation } }),
    onSuccess: () =>
      Promise.all(
        ['users', 'audit', 'people'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
      ),
  });
}

// Single sign-on: the sign-in button and the administrators' settings page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import { call } from './client.ts';

export function useSsoOptions() {
  return useQuery({
    queryKey: ['sso', 'options'],
    queryFn: ({ signal }) => call(api.getSsoOptions, { signal }),
  });
}

/** Where the browser goes to sign in through the provider (a full page navigation). */
export function ssoStartUrl(returnTo: string | null): string {
  return returnTo ? `${api.startSso.path}?returnTo=${encodeURIComponent(returnTo)}` : api.startSso.path;
}

export function useSsoSettings() {
  return useQuery({
    queryKey: ['sso', 'settings'],
    queryFn: ({ signal }) => call(api.getSsoSettings, { signal }),
  });
}

export function useUpdateSsoSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.updateSsoSettings>) => call(api.updateSsoSettings, { body }),
    onSuccess: (settings) => {
      client.setQueryData(['sso', 'settings'], settings);
      void client.invalidateQueries({ queryKey: ['sso', 'options'] });
    },
  });
}

export function useTestSsoConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.testSsoConnection),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['sso', 'settings'] }),
  });
}

// Analytics: what the reader may see, the dashboards, the ROI estimate, cohorts, people's
// activity, the organisation's privacy settings, the analyst grant and a refresh.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import type { AnalyticsFilters, DashboardName } from '../../common/schemas/analytics.ts';
import { call } from './client.ts';

const KEY = ['analytics'] as const;

/** Who may read analytics: an error (403) means the page is not for this person. */
export function useAnalyticsScope(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'scope'],
    queryFn: ({ signal }) => call(api.getAnalyticsScope, { signal }),
    enabled,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

export function useDashboard(name: DashboardName, filters: AnalyticsFilters) {
  return useQuery({
    queryKey: [...KEY, 'dashboard', name, filters],
    queryFn: ({ signal }) => call(api.getDashboard, { params: { name }, query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRoiEstimate(filters: AnalyticsFilters) {
  return useQuery({
    queryKey: [...KEY, 'roi', filters],
    queryFn: ({ signal }) => call(api.getRoiEstimate, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePeopleActivity(filters: AnalyticsFilters, enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'people', filters],
    queryFn: ({ signal }) => call(api.getPeopleActivity, { query: filters, signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Anything changed in analytics may change every figure: refetch them all. */
function useChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: KEY });
}

export function useSetAssumptions() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.setRoiAssumptions>) => call(api.setRoiAssumptions, { body }),
    onSuccess: changed,
  });
}

export function useCohorts(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'cohorts'],
    queryFn: ({ signal }) => call(api.listCohorts, { signal }),
    enabled,
  });
}

export function useCreateCohort() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createCohort>) => call(api.createCohort, { body }),
    onSuccess: changed,
  });
}

export function useUpdateCohort() {
  const changed = useChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & BodyIn<typeof api.updateCohort>) =>
      call(api.updateCohort, { params: { id }, body }),
    onSuccess: changed,
  });
}

export function useDeleteCohort() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (id: string) => call(api.deleteCohort, { params: { id } }),
    onSuccess: changed,
  });
}

export function useRefreshAnalytics() {
  const changed = useChanged();
  return useMutation({ mutationFn: () => call(api.refreshAnalytics), onSuccess: changed });
}

export function useAnalyticsSettings() {
  return useQuery({
    queryKey: [...KEY, 'settings'],
    queryFn: ({ signal }) => call(api.getAnalyticsSettings, { signal }),
  });
}

export function useSetAnalyticsSettings() {
  const changed = useChanged();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.setAnalyticsSettings>) => call(api.setAnalyticsSettings, { body }),
    onSuccess: changed,
  });
}

export function useSetAnalyst() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, analyst }: { id: string; analyst: boolean }) =>
      call(api.setAnalyst, { params: { id }, body: { analyst } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}

import { useOutletContext } from 'react-router';
import type { AnalyticsFilters, AnalyticsScope } from '../../../common/schemas/analytics.ts';
import type { UrlFilters } from './url-filters.ts';

/** What the Analytics page hands each of its tabs. */
export interface AnalyticsContext {
  scope: AnalyticsScope;
  /** The filters as the API takes them (a preset already turned into days). */
  filters: AnalyticsFilters;
  url: UrlFilters;
  /** The address's query string, to keep it when linking to another tab. */
  search: string;
}

export function useAnalytics(): AnalyticsContext {
  return useOutletContext<AnalyticsContext>();
}

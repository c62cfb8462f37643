import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useSearchParams } from 'react-router';
import {
  type AnalyticsScope,
  DASHBOARDS,
  DOMAIN_DASHBOARDS,
  ORGANISATION_DASHBOARDS,
} from '../../common/schemas/analytics.ts';
import { useAnalyticsScope, useRefreshAnalytics } from '../api/analytics.ts';
import { isApiError } from '../api/client.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import type { AnalyticsContext } from '../components/analytics/analytics-context.ts';
import { FilterBar } from '../components/analytics/FilterBar.tsx';
import {
  addDays,
  apiFilters,
  readFilters,
  type UrlFilters,
  utcDay,
  withFilters,
  writeFilters,
} from '../components/analytics/url-filters.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TabNav } from '../components/TabNav.tsx';
import { formatDate, formatDateTime, formatList } from '../i18n/format.ts';
import { errorMessage } from '../i18n/messages.ts';

const DASHBOARD_TABS = [...DASHBOARDS, ...DOMAIN_DASHBOARDS];
/** Care and ambassadors belong to no space: not a space owner's to read (the API refuses them too). */
const organisationOnly = new Set<string>(ORGANISATION_DASHBOARDS);

/** Analytics: the filters, what they cover, and a tab per dashboard (plus ROI and cohorts). */
export function AnalyticsLayout() {
  const { t } = useTranslation();
  usePageTitle(t('analytics.title'));
  const scope = useAnalyticsScope();
  if (scope.isPending) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (scope.isError) {
    return (
      <div className="page">
        <h1>{t('analytics.title')}</h1>
        {isApiError(scope.error, 'forbidden') ? (
          <p>{t('analytics.forbidden')}</p>
        ) : (
          <FormError message={errorMessage(t, scope.error)} />
        )}
      </div>
    );
  }
  return <AnalyticsPage scope={scope.data} />;
}

function AnalyticsPage({ scope }: { scope: AnalyticsScope }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const search = params.toString();
  // One "today" for the page's life, so a preset does not move at midnight mid-reading.
  const [today] = useState(() => utcDay(new Date()));
  const url = useMemo(() => readFilters(new URLSearchParams(search)), [search]);
  const filters = useMemo(() => apiFilters(url, today), [url, today]);
  const context: AnalyticsContext = { scope, filters, url, search };
  // The organisation's readers (administrators, analysts): every dashboard, the ROI estimate
  // and cohorts. A space owner's tabs are the dashboards of their spaces (the API refuses the rest).
  const organisation = scope.audience !== 'space_owner';
  const tabs = [
    ...DASHBOARD_TABS.filter((name) => organisation || !organisationOnly.has(name)).map((name) => ({
      to: withFilters(`/analytics/${name}`, params),
      label: t(`analytics.tabs.${name}`),
    })),
    ...(organisation
      ? [
          { to: withFilters('/analytics/roi', params), label: t('analytics.tabs.roi') },
          { to: '/analytics/cohorts', label: t('analytics.tabs.cohorts') },
        ]
      : []),
  ];
  const onCohorts = location.pathname.startsWith('/analytics/cohorts');

  return (
    <div className="page page-wide analytics-page">
      <h1>{t('analytics.title')}</h1>
      <p className="muted">{t(`analytics.audience.${scope.audience}`)}</p>
      <TabNav label={t('analytics.sections')} tabs={tabs} />
      {onCohorts ? null : (
        <>
          <FilterBar
            key={search}
            scope={scope}
            filters={url}
            today={today}
            onChange={(next: UrlFilters) => setParams(writeFilters(next))}
          />
          <FilterSummary scope={scope} url={url} from={filters.from ?? today} to={filters.to ?? today} />
        </>
      )}
      <Outlet context={context} />
    </div>
  );
}

/** What the figures cover, in words: stays on paper when the controls are not printed. */
function FilterSummary({
  scope,
  url,
  from,
  to,
}: {
  scope: AnalyticsScope;
  url: UrlFilters;
  from: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshAnalytics();
  const language = i18n.language;
  const day = (d: string) => formatDate(`${d}T12:00:00Z`, language);
  const length = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const previousTo = addDays(from, -1);
  const previousFrom = addDays(from, -length);
  const name = (items: readonly { id: string; name: string }[], id: string | null) =>
    id ? (items.find((item) => item.id === id)?.name ?? id) : null;
  const parts = [
    [t('analytics.filters.department'), name(scope.departments, url.departmentId)],
    [t('analytics.filters.site'), name(scope.sites, url.siteId)],
    [t('analytics.filters.space'), name(scope.spaces, url.spaceId)],
    [t('analytics.filters.spaceType'), url.spaceType ? t(`spaceTypes.${url.spaceType}`) : null],
    [t('analytics.filters.cohort'), name(scope.cohorts, url.cohortId)],
  ]
    .filter((part): part is [string, string] => part[1] !== null)
    .map(([label, value]) => t('analytics.summary.filter', { label, value }));
  const refreshedAt = refresh.data?.refreshedAt ?? scope.refreshedAt;

  return (
    <section
      className="analytics-summary"
      aria-label={t('analytics.filters.label')}
      data-testid="filter-summary"
    >
      <p>
        <strong>
          {url.days !== null ? `${t('analytics.filters.lastDays', { count: url.days })} · ` : ''}
          {t('analytics.summary.period', { from: day(from), to: day(to) })}
        </strong>{' '}
        {t('analytics.summary.compared', { from: day(previousFrom), to: day(previousTo) })}{' '}
        {parts.length > 0
          ? t('analytics.summary.filteredBy', { filters: formatList(parts, language) })
          : t('analytics.summary.noFilter')}
      </p>
      <p className="analytics-updated">
        <span data-testid="refreshed-at">
          {refreshedAt
            ? t('analytics.summary.updated', { date: formatDateTime(refreshedAt, language) })
            : t('analytics.summary.neverUpdated')}
        </span>
        {scope.audience === 'admin' ? (
          <Button
            type="button"
            small
            className="no-print"
            busy={refresh.isPending}
            busyLabel={t('analytics.summary.refreshing')}
            onClick={() => refresh.mutate()}
          >
            {t('analytics.summary.refresh')}
          </Button>
        ) : null}
        <Button type="button" small variant="quiet" className="no-print" onClick={() => window.print()}>
          {t('analytics.summary.print')}
        </Button>
      </p>
      {refresh.isError ? <FormError message={errorMessage(t, refresh.error)} /> : null}
      {refresh.isSuccess ? (
        <Notice>
          <p>{t('analytics.summary.refreshed', { count: refresh.data.days })}</p>
        </Notice>
      ) : null}
    </section>
  );
}

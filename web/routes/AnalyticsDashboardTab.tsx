import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { DashboardName } from '../../common/schemas/analytics.ts';
import { useDashboard } from '../api/analytics.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { useAnalytics } from '../components/analytics/analytics-context.ts';
import { ChartFrame } from '../components/analytics/charts/ChartFrame.tsx';
import { FigureCard } from '../components/analytics/FigureCard.tsx';
import { noteText, readErrorText } from '../components/analytics/labels.ts';
import { PeopleActivity } from '../components/analytics/PeopleActivity.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';

/** One dashboard: its key figures, then its charts. */
export function AnalyticsDashboardTab() {
  const { t } = useTranslation();
  const { dashboard: param } = useParams();
  const parsed = DashboardName.safeParse(param);
  const name = parsed.success ? parsed.data : 'adoption';
  usePageTitle(t(`analytics.tabs.${name}`), t('analytics.title'));
  const { filters, scope } = useAnalytics();
  const dashboard = useDashboard(name, filters);
  if (!parsed.success) return <Navigate to="/analytics/adoption" replace />;
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError) return <FormError message={readErrorText(t, dashboard.error, scope.audience)} />;
  const data = dashboard.data;
  return (
    <div
      className="dashboard"
      data-testid={`dashboard-${name}`}
      aria-busy={dashboard.isFetching || undefined}
    >
      <h2 className="sr-only">{t(`analytics.tabs.${name}`)}</h2>
      {data.suppressed ? (
        <Notice tone="info">
          <p>{t('analytics.dashboard.suppressed', { count: data.minGroup })}</p>
        </Notice>
      ) : null}
      {data.notes.length > 0 ? (
        <aside className="analytics-notes" aria-label={t('analytics.dashboard.notes')}>
          <ul>
            {data.notes.map((note) => (
              <li key={note}>{noteText(t, note)}</li>
            ))}
          </ul>
        </aside>
      ) : null}
      <section aria-label={t('analytics.figures')} className="figure-grid">
        {data.figures.map((figure) => (
          <FigureCard key={figure.key} figure={figure} minGroup={data.minGroup} />
        ))}
      </section>
      <div className="chart-grid">
        {data.charts.map((chart) => (
          <ChartFrame
            key={chart.key}
            chart={chart}
            dashboard={name}
            period={data.period}
            minGroup={data.minGroup}
          />
        ))}
      </div>
      {data.figures.length === 0 && data.charts.length === 0 ? (
        <p className="muted">{t('analytics.dashboard.empty')}</p>
      ) : null}
      {name === 'engagement' && scope.individual && scope.audience === 'admin' ? (
        <PeopleActivity filters={filters} period={data.period} />
      ) : null}
    </div>
  );
}

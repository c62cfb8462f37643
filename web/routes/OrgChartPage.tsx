import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OrgChart } from '../../common/schemas/people.ts';
import { isApiError } from '../api/client.ts';
import { useOrgChart, useOrgRoots } from '../api/people.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { OrgCard } from '../components/people/OrgCard.tsx';
import { PeopleTabs } from '../components/people/PeopleTabs.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** /org: the top of the organisation, people with reports and no manager. */
export function OrgRootsPage() {
  const { t } = useTranslation();
  usePageTitle(t('org.title'));
  const roots = useOrgRoots();
  const items = roots.data?.items ?? [];
  return (
    <OrgFrame>
      {roots.isPending ? (
        <Loading />
      ) : roots.isError ? (
        <OrgError error={roots.error} />
      ) : items.length === 0 ? (
        <EmptyState title={t('org.emptyTitle')}>
          <p>{t('org.emptyText')}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="org-top">
          <h2 id="org-top" className="section-title">
            {t('org.topTitle')}
          </h2>
          <ul className="org-grid">
            {items.map((member) => (
              <li key={member.person.id}>
                <OrgCard member={member} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </OrgFrame>
  );
}

/** /org/:id: a person's managers up to the top, the person, and their direct reports. */
export function OrgChartPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const chart = useOrgChart(id);
  usePageTitle(chart.data?.person.person.name ?? '', t('org.title'));
  return (
    <OrgFrame>
      <p className="back-link">
        <Link to="/org">{t('org.backToTop')}</Link>
      </p>
      {chart.isPending ? (
        <Loading />
      ) : chart.isError ? (
        <OrgError error={chart.error} />
      ) : (
        <Chart chart={chart.data} busy={chart.isPlaceholderData} />
      )}
    </OrgFrame>
  );
}

function Chart({ chart, busy }: { chart: OrgChart; busy: boolean }) {
  const { t } = useTranslation();
  const { managers, person, reports } = chart;
  const name = person.person.name;
  return (
    <div aria-busy={busy}>
      <nav aria-labelledby="org-line">
        <h2 id="org-line" className="sr-only">
          {t('org.line')}
        </h2>
        <ol className="org-line">
          {managers.map((member) => (
            <li key={member.person.id}>
              <OrgCard member={member} />
            </li>
          ))}
          <li aria-current="page">
            <OrgCard member={person} current />
          </li>
        </ol>
      </nav>
      <section aria-labelledby="org-reports" className="org-reports">
        <h2 id="org-reports" className="section-title">
          {t('org.reportsTitle', { name })}
        </h2>
        {reports.length === 0 ? (
          <p className="muted">{t('org.noReports', { name })}</p>
        ) : (
          <ul className="org-grid">
            {reports.map((member) => (
              <li key={member.person.id}>
                <OrgCard member={member} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function OrgFrame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('org.title')}</h1>
        <p className="lead">{t('org.intro')}</p>
      </header>
      <PeopleTabs />
      {children}
    </div>
  );
}

function OrgError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'forbidden')) {
    return (
      <EmptyState title={t('org.forbiddenTitle')}>
        <p>{t('org.forbiddenText')}</p>
      </EmptyState>
    );
  }
  if (isApiError(error, 'not_found') || isApiError(error, 'validation_failed')) {
    return (
      <EmptyState title={t('personProfile.notFoundTitle')}>
        <p>{t('personProfile.notFoundText')}</p>
      </EmptyState>
    );
  }
  return <FormError message={errorMessage(t, error)} />;
}

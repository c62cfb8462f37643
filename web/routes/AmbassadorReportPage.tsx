import { useTranslation } from 'react-i18next';
import { useReachReport, useSetLeaderboard } from '../api/ambassadors.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Table } from '../components/Table.tsx';
import type { manageEn } from '../i18n/ambassadors/manage.en.ts';
import { errorMessage } from '../i18n/messages.ts';
import { AmbassadorTabs } from './AmbassadorsPage.tsx';

/** /ambassadors/report (communication managers): shares, clicks, top kits, departments, leaderboard. */
export function AmbassadorReportPage() {
  const { t } = useTranslation();
  usePageTitle(t('ambassadors.manage.report.title'), t('ambassadors.title'));
  const report = useReachReport();
  const leaderboard = useSetLeaderboard();
  const r = (key: keyof typeof manageEn.report) => t(`ambassadors.manage.report.${key}`);
  return (
    <>
      <h1>{r('title')}</h1>
      <AmbassadorTabs />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <FormError message={errorMessage(t, report.error)} />
      ) : (
        <>
          <dl className="figures">
            <div>
              <dt>{r('ambassadors')}</dt>
              <dd>{report.data.totals.ambassadors}</dd>
            </div>
            <div>
              <dt>{r('shares')}</dt>
              <dd data-testid="total-shares">{report.data.totals.shares}</dd>
            </div>
            <div>
              <dt>{r('clicks')}</dt>
              <dd data-testid="total-clicks">{report.data.totals.clicks}</dd>
            </div>
          </dl>
          <section className="section" aria-labelledby="report-kits">
            <h2 id="report-kits">{r('byKit')}</h2>
            {report.data.kits.length === 0 ? (
              <p>{r('empty')}</p>
            ) : (
              <Table caption={r('byKit')} columns={[r('kit'), r('network'), r('shares'), r('clicks')]}>
                {report.data.kits.flatMap((kit) => [
                  <tr key={kit.id}>
                    <th scope="row">{kit.title}</th>
                    <td>—</td>
                    <td>{kit.shares}</td>
                    <td>{kit.clicks}</td>
                  </tr>,
                  ...kit.byNetwork.map((n) => (
                    <tr key={`${kit.id}-${n.network}`}>
                      <td />
                      <td>{t(`ambassadors.networks.${n.network}`, { defaultValue: n.network })}</td>
                      <td>{n.shares}</td>
                      <td>{n.clicks}</td>
                    </tr>
                  )),
                ])}
              </Table>
            )}
          </section>
          <section className="section" aria-labelledby="report-departments">
            <h2 id="report-departments">{r('byDepartment')}</h2>
            <Table
              caption={r('byDepartment')}
              columns={[r('department'), r('ambassadors'), r('shares'), r('clicks')]}
            >
              {report.data.departments.map((d) => (
                <tr key={d.name ?? ''}>
                  <td>{d.name ?? r('noDepartment')}</td>
                  <td>{d.ambassadors}</td>
                  <td>{d.shares}</td>
                  <td>{d.clicks}</td>
                </tr>
              ))}
            </Table>
          </section>
          <section className="section" aria-labelledby="report-leaderboard">
            <h2 id="report-leaderboard">{r('leaderboard')}</h2>
            <label className="check-field">
              <input
                type="checkbox"
                checked={report.data.leaderboardOn}
                disabled={leaderboard.isPending}
                onChange={(event) => leaderboard.mutate(event.target.checked)}
              />{' '}
              {r('leaderboardSwitch')}
            </label>
            <p className="muted" aria-live="polite">
              {report.data.leaderboardOn ? r('leaderboardOn') : r('leaderboardOff')}
            </p>
            <FormError message={leaderboard.error ? errorMessage(t, leaderboard.error) : null} />
            <Table caption={r('leaderboard')} columns={[r('person'), r('shares'), r('clicks')]}>
              {report.data.leaderboard.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.shares}</td>
                  <td>{p.clicks}</td>
                </tr>
              ))}
            </Table>
          </section>
        </>
      )}
    </>
  );
}

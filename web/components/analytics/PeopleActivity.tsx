import { useTranslation } from 'react-i18next';
import type { AnalyticsFilters } from '../../../common/schemas/analytics.ts';
import { usePeopleActivity } from '../../api/analytics.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { Table } from '../Table.tsx';
import { csvDialect, csvFileName, downloadCsv, toCsv } from './csv.ts';
import { formatNumber } from './format.ts';

const COLUMNS = ['activeDays', 'posts', 'comments', 'answers', 'reactions', 'actions'] as const;

/** Each person's activity (administrators, when the organisation allows it; the server audits it). */
export function PeopleActivity({
  filters,
  period,
}: {
  filters: AnalyticsFilters;
  period: { from: string; to: string };
}) {
  const { t, i18n } = useTranslation();
  const people = usePeopleActivity(filters, true);
  const header = [
    t('analytics.people.name'),
    t('analytics.people.department'),
    ...COLUMNS.map((key) => t(`analytics.people.${key}`)),
  ];

  function download() {
    const rows = (people.data?.items ?? []).map((p) => [
      p.name,
      p.department,
      ...COLUMNS.map((key) => p[key]),
    ]);
    downloadCsv(
      csvFileName('engagement', 'people', period.from, period.to),
      toCsv(header, rows, csvDialect(i18n.language)),
    );
  }

  return (
    <section className="section people-activity" aria-labelledby="people-activity-title">
      <div className="chart-head">
        <h2 id="people-activity-title">{t('analytics.people.title')}</h2>
        {people.data && people.data.items.length > 0 ? (
          <Button type="button" small onClick={download} className="no-print">
            {t('analytics.chartUi.download')}
            <span className="sr-only">: {t('analytics.people.title')}</span>
          </Button>
        ) : null}
      </div>
      <p className="muted">{t('analytics.people.intro')}</p>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <FormError message={errorMessage(t, people.error)} />
      ) : people.data.items.length === 0 ? (
        <p className="muted">{t('analytics.people.empty')}</p>
      ) : (
        <Table caption={t('analytics.people.caption')} columns={header}>
          {people.data.items.map((person) => (
            <tr key={person.id} data-testid="person-activity">
              <th scope="row">{person.name}</th>
              <td>{person.department ?? '—'}</td>
              {COLUMNS.map((key) => (
                <td key={key} className="num">
                  {formatNumber(person[key], i18n.language, 0)}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

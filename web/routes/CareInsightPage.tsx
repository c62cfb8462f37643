import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareSummary } from '../../common/schemas/care-insight.ts';
import { useCareSummary, useCareTagCounts } from '../api/care-insight.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { AlertsBanner } from '../components/care/insight/AlertsBanner.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Select } from '../components/Select.tsx';
import { Table } from '../components/Table.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

type Figures = CareSummary['figures'];
const FIGURES = [
  'conversations',
  'inbound',
  'resolved',
  'firstResponse',
  'resolution',
  'firstResponseBreaches',
  'resolutionBreaches',
  'sentiment',
  'negative',
] as const;

interface Filters {
  from: string;
  to: string;
  channel: string;
  team: string;
}

/** The care team's figures over a period (filters by channel and team) and its tags per week. */
export function CareInsightPage() {
  const { t } = useTranslation();
  usePageTitle(t('care.insight.page.title'));
  const [draft, setDraft] = useState<Filters>({ from: '', to: '', channel: '', team: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const period = { from: filters.from || undefined, to: filters.to || undefined };
  const summary = useCareSummary({
    ...period,
    channel: filters.channel || undefined,
    team: filters.team || undefined,
  });
  const tags = useCareTagCounts(period);
  const data = summary.data;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
  };
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <section aria-labelledby="care-insight-title">
      <header className="page-header">
        <h2 id="care-insight-title">{t('care.insight.page.title')}</h2>
        <p className="lead">{t('care.insight.page.intro')}</p>
      </header>
      <AlertsBanner />
      <form className="analytics-filters analytics-filter-row" onSubmit={apply}>
        <TextField
          label={t('care.insight.page.from')}
          name="from"
          type="date"
          value={draft.from}
          onChange={set('from')}
        />
        <TextField
          label={t('care.insight.page.to')}
          name="to"
          type="date"
          value={draft.to}
          onChange={set('to')}
        />
        <Select
          label={t('care.insight.page.channel')}
          name="channel"
          value={draft.channel}
          onChange={set('channel')}
          options={[
            { value: '', label: t('care.insight.page.allChannels') },
            ...(data?.channels ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <Select
          label={t('care.insight.page.team')}
          name="team"
          value={draft.team}
          onChange={set('team')}
          options={[
            { value: '', label: t('care.insight.page.allTeams') },
            ...(data?.teams ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary">
            {t('care.insight.page.apply')}
          </Button>
        </div>
      </form>
      {summary.isPending ? <Loading /> : null}
      {summary.error ? <FormError message={errorMessage(t, summary.error)} /> : null}
      {data ? <SummaryView data={data} /> : null}
      {summary.error ? null : (
        <section aria-labelledby="care-tags-title">
          <h2 id="care-tags-title">{t('care.insight.page.tags')}</h2>
          <p className="muted">{t('care.insight.page.tagsIntro')}</p>
          {tags.error ? <FormError message={errorMessage(t, tags.error)} /> : null}
          {tags.data && tags.data.series.length === 0 ? <p>{t('care.insight.page.noTags')}</p> : null}
          {tags.data && tags.data.series.length > 0 ? (
            <Table
              caption={t('care.insight.page.tags')}
              columns={[t('care.insight.page.tag'), ...tags.data.weeks, t('care.insight.page.total')]}
            >
              {tags.data.series.map((s) => (
                <tr key={s.tag} data-testid={`tag-row-${s.tag}`}>
                  <th scope="row">{s.tag}</th>
                  {s.counts.map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: one cell per week, in order
                    <td key={i}>{n}</td>
                  ))}
                  <td>{s.total}</td>
                </tr>
              ))}
            </Table>
          ) : null}
        </section>
      )}
    </section>
  );
}

function useFormat() {
  const { t, i18n } = useTranslation();
  const number = (v: number, digits = 0) =>
    v.toLocaleString(i18n.language, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return (key: (typeof FIGURES)[number], f: Figures): string => {
    const none = t('care.insight.page.none');
    switch (key) {
      case 'firstResponse':
        return f.firstResponseMedianMinutes === null
          ? none
          : t('care.insight.page.minutes', { value: number(f.firstResponseMedianMinutes, 0) });
      case 'resolution':
        return f.resolutionMedianMinutes === null
          ? none
          : t('care.insight.page.minutes', { value: number(f.resolutionMedianMinutes, 0) });
      case 'sentiment':
        return f.averageSentiment === null ? none : number(f.averageSentiment, 2);
      case 'negative':
        return number(f.negativeMessages);
      default:
        return number(f[key]);
    }
  };
}

function SummaryView({ data }: { data: CareSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = (key: (typeof FIGURES)[number]) => t(`care.insight.figures.${key}`);
  const channelName = new Map(data.channels.map((c) => [c.id, c.name]));
  const weeks = [...new Set(data.sentimentTrend.map((p) => p.week))].sort();
  const trendChannels = [...new Set(data.sentimentTrend.map((p) => p.channelId))];
  return (
    <>
      <section aria-labelledby="care-figures-title">
        <h2 id="care-figures-title">{t('care.insight.page.figures')}</h2>
        <div className="figure-grid">
          {FIGURES.map((key) => (
            <article key={key} className="figure-card" data-testid={`care-figure-${key}`}>
              <h3 className="figure-label">{label(key)}</h3>
              <p className="figure-value">{format(key, data.figures)}</p>
            </article>
          ))}
        </div>
      </section>
      {(['byChannel', 'byTeam'] as const).map((group) => (
        <section key={group} aria-labelledby={`care-${group}-title`}>
          <h2 id={`care-${group}-title`}>
            {t(group === 'byChannel' ? 'care.insight.page.perChannel' : 'care.insight.page.perTeam')}
          </h2>
          <Table
            caption={t(group === 'byChannel' ? 'care.insight.page.perChannel' : 'care.insight.page.perTeam')}
            columns={[
              t(group === 'byChannel' ? 'care.insight.page.channel' : 'care.insight.page.team'),
              ...FIGURES.map(label),
            ]}
          >
            {data[group].map((row) => (
              <tr key={row.id ?? 'none'}>
                <th scope="row">{row.name ?? t('care.insight.page.noTeam')}</th>
                {FIGURES.map((key) => (
                  <td key={key}>{format(key, row)}</td>
                ))}
              </tr>
            ))}
          </Table>
        </section>
      ))}
      <section aria-labelledby="care-trend-title">
        <h2 id="care-trend-title">{t('care.insight.page.trend')}</h2>
        <Table
          caption={t('care.insight.page.trend')}
          columns={[t('care.insight.page.week'), ...trendChannels.map((id) => channelName.get(id) ?? '')]}
        >
          {weeks.map((week) => (
            <tr key={week}>
              <th scope="row">{week}</th>
              {trendChannels.map((id) => {
                const point = data.sentimentTrend.find((p) => p.week === week && p.channelId === id);
                return <td key={id}>{point ? point.average.toFixed(2) : t('care.insight.page.none')}</td>;
              })}
            </tr>
          ))}
        </Table>
      </section>
    </>
  );
}

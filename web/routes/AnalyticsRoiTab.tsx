import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoiEstimate } from '../../common/schemas/analytics.ts';
import { useRoiEstimate, useSetAssumptions } from '../api/analytics.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { useAnalytics } from '../components/analytics/analytics-context.ts';
import { formatMoney, formatNumber, humanise } from '../components/analytics/format.ts';
import { figureLabel, readErrorText } from '../components/analytics/labels.ts';
import { withFilters } from '../components/analytics/url-filters.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { Table } from '../components/Table.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { errorMessage, translateDynamic } from '../i18n/messages.ts';

type Assumption = RoiEstimate['assumptions'][number];
type RoiLine = RoiEstimate['lines'][number];

/** The ROI estimate: the assumptions, then each line worked out in full, then the total. */
export function AnalyticsRoiTab() {
  const { t } = useTranslation();
  usePageTitle(t('analytics.tabs.roi'), t('analytics.title'));
  const { filters, scope } = useAnalytics();
  const roi = useRoiEstimate(filters);
  if (roi.isPending) return <Loading />;
  if (roi.isError) return <FormError message={readErrorText(t, roi.error, scope.audience)} />;
  return (
    <div className="roi" data-testid="roi">
      <h2>{t('analytics.roi.title')}</h2>
      <p>{t('analytics.roi.intro')}</p>
      <Estimate roi={roi.data} />
      {/* New inputs only when the set of assumptions changes: typed values survive a save. */}
      <Assumptions key={roi.data.assumptions.map((a) => a.key).join('&')} roi={roi.data} />
    </div>
  );
}

function assumptionName(t: ReturnType<typeof useTranslation>['t'], key: string): string {
  return /^[a-z0-9_]+$/.test(key) ? translateDynamic(t, `analytics.roi.key.${key}`, humanise(key)) : key;
}

function lineName(t: ReturnType<typeof useTranslation>['t'], line: RoiLine): string {
  return /^[a-z0-9_]+$/.test(line.key)
    ? translateDynamic(t, `analytics.roi.line.${line.key}`, figureLabel(t, line.figure.key))
    : line.key;
}

function Estimate({ roi }: { roi: RoiEstimate }) {
  const { t, i18n } = useTranslation();
  const { search } = useAnalytics();
  const language = i18n.language;
  const byKey = new Map(roi.assumptions.map((a) => [a.key, a]));
  const money = (value: number) => formatMoney(value, roi.currency, language);
  const show = (a: Assumption) =>
    a.unit === 'minutes'
      ? `${formatNumber(a.value, language, 2)}\u00a0min`
      : a.unit === 'currency'
        ? money(a.value)
        : a.unit === 'percent'
          ? new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(
              a.value / 100,
            )
          : formatNumber(a.value, language, 2);

  function formula(line: RoiLine): string {
    const used = line.assumptionKeys.map((key) => byKey.get(key)).filter((a): a is Assumption => !!a);
    const factors = used.filter((a) => a.unit !== 'currency');
    const cost =
      used.find((a) => a.unit === 'currency') ?? roi.assumptions.find((a) => a.unit === 'currency');
    let text = factors.map((a) => ` × ${show(a)}`).join('');
    if (factors.some((a) => a.unit === 'minutes')) text += ' ÷ 60';
    if (cost) text += ` × ${show(cost)}`;
    return `${text} = ${line.amount === null ? '—' : money(line.amount)}`;
  }

  return (
    <section className="section roi-estimate" aria-labelledby="roi-estimate-title">
      <h3 id="roi-estimate-title">{t('analytics.roi.estimate')}</h3>
      <ul className="roi-lines">
        {roi.lines.map((line) => {
          const name = lineName(t, line);
          const figure = figureLabel(t, line.figure.key);
          const to = withFilters(`/analytics/${line.figure.dashboard}`, new URLSearchParams(search));
          return (
            <li key={line.key} data-testid={`roi-line-${line.key}`}>
              <Link
                to={to}
                title={t('analytics.roi.seeFigure', {
                  figure,
                  dashboard: t(`analytics.tabs.${line.figure.dashboard}`),
                })}
              >
                {name} ({line.figure.value === null ? '—' : formatNumber(line.figure.value, language, 1)})
              </Link>
              {line.figure.value === null ? (
                <span> — {t('analytics.roi.notMeasured')}</span>
              ) : (
                <span>{formula(line)}</span>
              )}
              {line.hours !== null ? (
                <span className="muted">
                  {' '}
                  ({t('analytics.roi.hours', { value: formatNumber(line.hours, language, 1) })})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="roi-total" data-testid="roi-total">
        {t('analytics.roi.totalLine', {
          hours:
            roi.totalHours === null
              ? '—'
              : t('analytics.roi.hours', { value: formatNumber(roi.totalHours, language, 1) }),
          amount: roi.total === null ? '—' : money(roi.total),
        })}
      </p>
    </section>
  );
}

/** "1 234,5" or "1,234.5" → 1234.5; anything else → NaN. */
function parseAmount(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

function Assumptions({ roi }: { roi: RoiEstimate }) {
  const { t, i18n } = useTranslation();
  const save = useSetAssumptions();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(roi.assumptions.map((a) => [a.key, String(a.value)])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const unitText = (a: Assumption) =>
    a.unit === 'currency'
      ? t('analytics.roi.unit.currency', { currency: roi.currency })
      : t(`analytics.roi.unit.${a.unit}`);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const next: Record<string, string> = {};
    const body: Record<string, number> = {};
    for (const a of roi.assumptions) {
      const value = parseAmount(values[a.key] ?? '');
      if (Number.isNaN(value)) next[a.key] = t('analytics.roi.invalid');
      else if (value > 1_000_000_000) next[a.key] = t('analytics.roi.tooLarge');
      else if (value !== a.value) body[a.key] = value;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) {
      const form = event.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    save.mutate({ values: body }, { onSuccess: () => setSaved(true) });
  }

  const rows = roi.assumptions.map((a) => {
    const name = assumptionName(t, a.key);
    const errorId = `assumption-${a.key}-error`;
    return (
      <tr key={a.key} data-testid={`assumption-${a.key}`}>
        <th scope="row">{roi.canEdit ? <label htmlFor={`assumption-${a.key}`}>{name}</label> : name}</th>
        <td>
          {roi.canEdit ? (
            <div className={`roi-input${errors[a.key] ? ' field-invalid' : ''}`}>
              <input
                id={`assumption-${a.key}`}
                name={a.key}
                inputMode="decimal"
                value={values[a.key] ?? ''}
                aria-invalid={errors[a.key] ? true : undefined}
                aria-describedby={errors[a.key] ? errorId : undefined}
                onChange={(event) => {
                  const value = event.target.value;
                  setSaved(false);
                  setValues((v) => ({ ...v, [a.key]: value }));
                }}
              />{' '}
              <span className="muted">{unitText(a)}</span>
              {errors[a.key] ? (
                <p id={errorId} className="field-error">
                  {errors[a.key]}
                </p>
              ) : null}
            </div>
          ) : (
            <>
              {formatNumber(a.value, i18n.language, 2)} <span className="muted">{unitText(a)}</span>
            </>
          )}
        </td>
        <td className="num">{formatNumber(a.default, i18n.language, 2)}</td>
        <td>
          {a.updatedAt
            ? t('analytics.roi.changedBy', {
                date: formatDateTime(a.updatedAt, i18n.language),
                name: a.updatedBy?.name ?? '—',
              })
            : t('analytics.roi.notChanged')}
        </td>
      </tr>
    );
  });

  const table = (
    <Table
      caption={t('analytics.roi.assumptions')}
      columns={[
        t('analytics.roi.assumption'),
        t('analytics.roi.value'),
        t('analytics.roi.defaultValue'),
        t('analytics.roi.changed'),
      ]}
    >
      {rows}
    </Table>
  );

  return (
    <section className="section" aria-labelledby="roi-assumptions-title">
      <h3 id="roi-assumptions-title">{t('analytics.roi.assumptions')}</h3>
      {roi.canEdit ? (
        <form onSubmit={submit} noValidate>
          <FormError message={save.isError ? errorMessage(t, save.error) : null} />
          {saved ? (
            <Notice>
              <p>{t('analytics.roi.saved')}</p>
            </Notice>
          ) : null}
          {table}
          <div className="form-actions no-print">
            <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
              {t('analytics.roi.save')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted">{t('analytics.roi.readOnly')}</p>
          {table}
        </>
      )}
    </section>
  );
}

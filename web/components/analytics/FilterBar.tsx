import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnalyticsScope, MAX_PERIOD_DAYS } from '../../../common/schemas/analytics.ts';
import { SPACE_TYPES, type SpaceType } from '../../../common/schemas/spaces.ts';
import { Button } from '../Button.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';
import { PRESETS, type Preset, type UrlFilters } from './url-filters.ts';

type IdKey = 'departmentId' | 'siteId' | 'spaceId' | 'cohortId';

/**
 * The filters every dashboard shares. Each change goes to the address at once (a new
 * history entry, so Back undoes it); custom dates apply with a button once both are valid.
 */
export function FilterBar({
  scope,
  filters,
  today,
  onChange,
}: {
  scope: AnalyticsScope;
  filters: UrlFilters;
  today: string;
  onChange: (next: UrlFilters) => void;
}) {
  const { t } = useTranslation();
  const [custom, setCustom] = useState(filters.days === null);
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? today);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  function applyDates(event: React.FormEvent) {
    event.preventDefault();
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const next: { from?: string; to?: string } = {};
    if (!day.test(from)) next.from = t('analytics.filters.invalidDay');
    if (!day.test(to)) next.to = t('analytics.filters.invalidDay');
    if (!next.from && !next.to) {
      const length = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
      if (from > to) next.to = t('analytics.filters.endsBeforeStart');
      else if (length > MAX_PERIOD_DAYS) next.to = t('analytics.filters.tooLong', { count: MAX_PERIOD_DAYS });
    }
    setErrors(next);
    if (next.from || next.to) return;
    onChange({ ...filters, days: null, from, to });
  }

  const idSelect = (key: IdKey, label: string, items: readonly { id: string; name: string }[]) =>
    items.length === 0 ? null : (
      <Select
        label={label}
        name={key}
        compact
        testId={`filter-${key}`}
        value={filters[key] ?? ''}
        onChange={(value) => onChange({ ...filters, [key]: value || null })}
        options={[
          { value: '', label: t('analytics.filters.all') },
          ...items.map((item) => ({ value: item.id, label: item.name })),
        ]}
      />
    );

  const periodValue = custom ? 'custom' : String(filters.days ?? 30);
  const anyFilter =
    filters.departmentId || filters.siteId || filters.spaceId || filters.spaceType || filters.cohortId;

  return (
    <search aria-label={t('analytics.filters.label')} className="analytics-filters no-print">
      <div className="analytics-filter-row">
        <Select
          label={t('analytics.filters.period')}
          name="period"
          compact
          testId="filter-period"
          value={periodValue}
          onChange={(value) => {
            if (value === 'custom') {
              setCustom(true);
              return;
            }
            setCustom(false);
            setErrors({});
            onChange({ ...filters, days: Number(value) as Preset, from: null, to: null });
          }}
          options={[
            ...PRESETS.map((days) => ({
              value: String(days),
              label: t('analytics.filters.lastDays', { count: days }),
            })),
            { value: 'custom', label: t('analytics.filters.custom') },
          ]}
        />
        {idSelect('departmentId', t('analytics.filters.department'), scope.departments)}
        {idSelect('siteId', t('analytics.filters.site'), scope.sites)}
        {idSelect('spaceId', t('analytics.filters.space'), scope.spaces)}
        <Select
          label={t('analytics.filters.spaceType')}
          name="spaceType"
          compact
          value={filters.spaceType ?? ''}
          onChange={(value) => onChange({ ...filters, spaceType: (value || null) as SpaceType | null })}
          options={[
            { value: '', label: t('analytics.filters.all') },
            ...SPACE_TYPES.map((type) => ({ value: type, label: t(`spaceTypes.${type}`) })),
          ]}
        />
        {idSelect('cohortId', t('analytics.filters.cohort'), scope.cohorts)}
        {anyFilter ? (
          <Button
            type="button"
            small
            variant="quiet"
            className="analytics-reset"
            onClick={() =>
              onChange({
                ...filters,
                departmentId: null,
                siteId: null,
                spaceId: null,
                spaceType: null,
                cohortId: null,
              })
            }
          >
            {t('analytics.filters.reset')}
          </Button>
        ) : null}
      </div>
      {custom ? (
        <form className="analytics-filter-row" onSubmit={applyDates} noValidate>
          <TextField
            label={t('analytics.filters.from')}
            name="from"
            type="date"
            value={from}
            onChange={setFrom}
            error={errors.from}
          />
          <TextField
            label={t('analytics.filters.to')}
            name="to"
            type="date"
            value={to}
            onChange={setTo}
            error={errors.to}
          />
          <Button type="submit" variant="primary" small>
            {t('analytics.filters.apply')}
          </Button>
        </form>
      ) : null}
    </search>
  );
}

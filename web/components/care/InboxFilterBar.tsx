import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCareDirectory } from '../../api/care-inbox.ts';
import { Button } from '../Button.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';
import type { InboxFilters, Who } from './inbox-filters.ts';

/**
 * The inbox's filters. A choice in a list applies at once; the words (tag, search) apply
 * when the form is sent, so typing does not reload the list at each key.
 */
export function InboxFilterBar({
  filters,
  onChange,
}: {
  filters: InboxFilters;
  onChange: (next: InboxFilters) => void;
}) {
  const { t } = useTranslation();
  const directory = useCareDirectory();
  const [tag, setTag] = useState(filters.tag);
  const [q, setQ] = useState(filters.q);
  useEffect(() => {
    setTag(filters.tag);
    setQ(filters.q);
  }, [filters.tag, filters.q]);

  const change = (patch: Partial<InboxFilters>) => onChange({ ...filters, tag, q, ...patch, view: '' });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change({});
  };
  const teams = directory.data?.teams ?? [];
  const channels = directory.data?.channels ?? [];

  return (
    <form className="filters care-filters" aria-label={t('care.inbox.filters.label')} onSubmit={submit}>
      <Select
        label={t('care.inbox.filters.who')}
        name="who"
        compact
        value={filters.who}
        onChange={(value) => change({ who: value as Who })}
        options={[
          { value: 'all', label: t('care.inbox.filters.all') },
          { value: 'mine', label: t('care.inbox.filters.mine') },
          { value: 'unassigned', label: t('care.inbox.filters.unassigned') },
        ]}
      />
      {teams.length > 0 ? (
        <Select
          label={t('care.inbox.filters.team')}
          name="team"
          compact
          value={filters.team}
          onChange={(value) => change({ team: value })}
          options={[
            { value: '', label: t('care.inbox.filters.anyTeam') },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
      ) : null}
      <Select
        label={t('care.inbox.filters.channel')}
        name="channel"
        compact
        value={filters.channel}
        onChange={(value) => change({ channel: value })}
        options={[
          { value: '', label: t('care.inbox.filters.anyChannel') },
          ...channels.map((channel) => ({
            value: channel.id,
            label: `${channel.name} (${t(`care.inbox.channel.${channel.kind}`)})`,
          })),
        ]}
      />
      <Select
        label={t('care.inbox.filters.priority')}
        name="priority"
        compact
        value={filters.priority}
        onChange={(value) => change({ priority: value })}
        options={[
          { value: '', label: t('care.inbox.filters.anyPriority') },
          ...(['urgent', 'high', 'normal', 'low'] as const).map((p) => ({
            value: p,
            label: t(`care.inbox.priority.${p}`),
          })),
        ]}
      />
      <TextField label={t('care.inbox.filters.tag')} name="tag" value={tag} onChange={setTag} />
      <TextField
        label={t('care.inbox.filters.search')}
        name="q"
        type="search"
        value={q}
        onChange={setQ}
        maxLength={200}
      />
      <div className="care-filter-actions">
        <Button type="submit">{t('care.inbox.filters.apply')}</Button>
        <Button
          type="button"
          variant="quiet"
          onClick={() =>
            onChange({
              tab: filters.tab,
              who: 'all',
              team: '',
              tag: '',
              channel: '',
              priority: '',
              q: '',
              view: '',
            })
          }
        >
          {t('care.inbox.filters.clear')}
        </Button>
      </div>
    </form>
  );
}

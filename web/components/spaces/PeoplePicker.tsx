import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { usePeople } from '../../api/people.ts';
import { useDebouncedValue } from '../../forms/use-debounced-value.ts';
import { Button } from '../Button.tsx';
import { Loading } from '../Loading.tsx';
import { TextField } from '../TextField.tsx';

export type Picked = Pick<Person, 'id' | 'name'>;

interface PeoplePickerProps {
  picked: readonly Picked[];
  onChange: (picked: Picked[]) => void;
  /** People who cannot be added (already members). */
  exclude?: ReadonlySet<string>;
  error?: string | undefined;
}

/** Find colleagues by name and collect them in a list (each removable). */
export function PeoplePicker({ picked, onChange, exclude, error }: PeoplePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const people = usePeople({ q: query || undefined }, query.length > 0);
  const pickedIds = new Set(picked.map((p) => p.id));
  const results = (people.data?.pages[0]?.items ?? []).filter(
    (p) => !pickedIds.has(p.id) && !exclude?.has(p.id),
  );

  return (
    <div className="people-picker">
      <TextField
        label={t('members.invitePick')}
        name="q"
        type="search"
        value={q}
        onChange={setQ}
        error={error}
      />
      {query ? (
        people.isPending ? (
          <Loading />
        ) : results.length === 0 ? (
          <p className="muted">{t('members.noPeople')}</p>
        ) : (
          <ul className="picker-results" aria-label={t('members.invitePick')}>
            {results.slice(0, 8).map((person) => (
              <li key={person.id}>
                <span>
                  {person.name}
                  {person.jobTitle ? <span className="muted"> · {person.jobTitle}</span> : null}
                </span>
                <Button
                  type="button"
                  small
                  onClick={() => onChange([...picked, { id: person.id, name: person.name }])}
                >
                  {t('members.add', { name: person.name })}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {picked.length > 0 ? (
        <div>
          <h3 id={`${id}-picked`} className="picker-title">
            {t('members.inviteSelected')}
          </h3>
          <ul className="chips" aria-labelledby={`${id}-picked`}>
            {picked.map((person) => (
              <li key={person.id} className="chip">
                {person.name}
                <button
                  type="button"
                  className="chip-remove"
                  onClick={() => onChange(picked.filter((p) => p.id !== person.id))}
                >
                  <span aria-hidden="true">×</span>
                  <span className="sr-only">{t('members.inviteRemove', { name: person.name })}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { useDebouncedValue } from '../../forms/use-debounced-value.ts';
import { PersonSearchResults } from '../PersonSearchResults.tsx';
import { TextField } from '../TextField.tsx';

export type Picked = Pick<Person, 'id' | 'name'>;

interface PeoplePickerProps {
  picked: readonly Picked[];
  onChange: (picked: Picked[]) => void;
  /** People who cannot be added (already members). */
  exclude?: ReadonlySet<string>;
  error?: string | undefined;
  /** The search field's label and the heading of the chosen list (inviting people by default). */
  label?: string;
  pickedLabel?: string;
}

/** Find colleagues by name and collect them in a list (each removable). */
export function PeoplePicker({ picked, onChange, exclude, error, label, pickedLabel }: PeoplePickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const pickedIds = new Set(picked.map((p) => p.id));

  return (
    <div className="people-picker">
      <TextField
        label={label ?? t('members.invitePick')}
        name="q"
        type="search"
        value={q}
        onChange={setQ}
        error={error}
      />
      <PersonSearchResults
        query={query}
        excluded={(personId) => pickedIds.has(personId) || exclude?.has(personId) === true}
        label={label ?? t('members.invitePick')}
        emptyText={t('members.noPeople')}
        actionLabel={(name) => t('members.add', { name })}
        onChoose={(person) => onChange([...picked, person])}
      />
      {picked.length > 0 ? (
        <div>
          <h3 id={`${id}-picked`} className="picker-title">
            {pickedLabel ?? t('members.inviteSelected')}
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

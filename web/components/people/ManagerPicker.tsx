import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../common/schemas/spaces.ts';
import { useDebouncedValue } from '../../forms/use-debounced-value.ts';
import { Button } from '../Button.tsx';
import { PersonSearchResults } from '../PersonSearchResults.tsx';
import { TextField } from '../TextField.tsx';

export type ManagerChoice = Pick<PersonRef, 'id' | 'name'>;

interface ManagerPickerProps {
  value: ManagerChoice | null;
  onChange: (value: ManagerChoice | null) => void;
  /** The person whose manager this is: not offered. */
  excludeId: string;
  error?: string | undefined;
}

/** Choose one colleague by typing their name, or clear the choice. */
export function ManagerPicker({ value, onChange, excludeId, error }: ManagerPickerProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  // The chosen button goes away with the results: focus returns to the search field.
  const inputRef = useRef<HTMLInputElement>(null);
  const choose = (next: ManagerChoice | null) => {
    onChange(next);
    setQ('');
    inputRef.current?.focus();
  };
  const query = useDebouncedValue(q.trim(), 250);

  return (
    <fieldset className="manager-picker">
      <legend>{t('admin.people.manager')}</legend>
      <div className="manager-current">
        <p aria-live="polite">
          {value ? t('admin.people.currentManager', { name: value.name }) : t('admin.people.noManager')}
        </p>
        {value ? (
          <Button type="button" small variant="quiet" onClick={() => choose(null)}>
            {t('admin.people.removeManager')}
          </Button>
        ) : null}
      </div>
      <TextField
        label={t('admin.people.managerSearch')}
        name="managerId"
        type="search"
        value={q}
        onChange={setQ}
        error={error}
        maxLength={100}
        inputRef={inputRef}
      />
      <PersonSearchResults
        query={query}
        excluded={(id) => id === excludeId || id === value?.id}
        label={t('admin.people.managerSearch')}
        emptyText={t('admin.people.nobodyFound')}
        actionLabel={(name) => t('admin.people.chooseManager', { name })}
        onChoose={choose}
      />
    </fieldset>
  );
}

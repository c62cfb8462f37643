import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCareViews, useCreateCareView, useDeleteCareView } from '../../api/care-inbox.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';
import { apiQuery, fromSaved, type InboxFilters } from './inbox-filters.ts';

/** Pick a saved view (its filters fill the address), or save the filters in use as one. */
export function SavedViews({
  filters,
  onPick,
}: {
  filters: InboxFilters;
  onPick: (next: InboxFilters) => void;
}) {
  const { t } = useTranslation();
  const views = useCareViews();
  const create = useCreateCareView();
  const remove = useDeleteCareView();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const items = views.data?.items ?? [];
  const current = items.find((view) => view.id === filters.view);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    create.mutate(
      { name: name.trim(), filters: apiQuery(filters), shared },
      {
        onSuccess: (view) => {
          setSaved(view.name);
          setName('');
          onPick({ ...filters, view: view.id });
        },
      },
    );
  };

  return (
    <div className="care-views">
      {items.length > 0 ? (
        <div className="care-views-pick">
          <Select
            label={t('care.inbox.views.label')}
            name="view"
            compact
            value={current ? current.id : ''}
            onChange={(id) => {
              const view = items.find((v) => v.id === id);
              if (view) onPick(fromSaved(view.filters, view.id));
              else onPick({ ...filters, view: '' });
            }}
            options={[
              { value: '', label: t('care.inbox.views.none') },
              ...items.map((view) => ({ value: view.id, label: view.name })),
            ]}
          />
          {current?.mine ? (
            <Button
              type="button"
              variant="quiet"
              small
              busy={remove.isPending}
              onClick={() => remove.mutate(current.id, { onSuccess: () => onPick({ ...filters, view: '' }) })}
            >
              {t('care.inbox.views.remove')}
            </Button>
          ) : null}
        </div>
      ) : null}
      <details className="care-views-save">
        <summary>{t('care.inbox.views.save')}</summary>
        <form onSubmit={save}>
          <FormError message={create.isError ? errorMessage(t, create.error) : null} />
          <TextField
            label={t('care.inbox.views.name')}
            name="view-name"
            value={name}
            onChange={setName}
            maxLength={100}
            required
          />
          <label className="check-field">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />{' '}
            {t('care.inbox.views.shared')}
          </label>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={create.isPending}>
              {t('care.inbox.views.save')}
            </Button>
          </div>
        </form>
      </details>
      {saved ? <Notice>{t('care.inbox.views.saved', { name: saved })}</Notice> : null}
    </div>
  );
}

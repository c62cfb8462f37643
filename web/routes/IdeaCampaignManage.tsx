// The campaign's owners' panel on its page: edit its title, description, closing date and
// criteria, or close it now (in two steps, so a stray click closes nothing).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../common/schemas/ideas.ts';
import { useCloseCampaign, useUpdateCampaign } from '../api/ideas.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** yyyy-mm-dd of a date in the reader's time zone, for a date input. */
const dayOf = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function ManageCampaign({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCampaign(campaign.id);
  const close = useCloseCampaign(campaign.id);
  const [title, setTitle] = useState(campaign.title);
  const [description, setDescription] = useState(campaign.description);
  const [closes, setCloses] = useState(dayOf(campaign.closesAt));
  const [criteria, setCriteria] = useState(campaign.criteria.join('\n'));
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      {
        title,
        description,
        // The end of the chosen day, in the reader's time zone.
        closesAt: new Date(`${closes}T23:59:59`).toISOString(),
        criteria: criteria
          .split('\n')
          .map((c) => c.trim())
          .filter(Boolean),
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <details className="card">
      <summary>{t('ideas.manage.title')}</summary>
      {campaign.closedAt ? (
        <Notice tone="info">
          {t('ideas.manage.closedOn', { date: new Date(campaign.closedAt).toLocaleString(i18n.language) })}
        </Notice>
      ) : null}
      <form onSubmit={save}>
        <FormError message={update.isError ? errorMessage(t, update.error) : null} />
        <TextField
          label={t('ideas.manage.name')}
          name="title"
          value={title}
          onChange={setTitle}
          maxLength={200}
          required
        />
        <TextField
          label={t('ideas.manage.description')}
          name="description"
          multiline
          rows={3}
          value={description}
          onChange={setDescription}
          maxLength={10_000}
        />
        <TextField
          label={t('ideas.manage.closes')}
          name="closes"
          type="date"
          value={closes}
          onChange={setCloses}
          required
        />
        <TextField
          label={t('ideas.manage.criteria')}
          name="criteria"
          multiline
          rows={3}
          value={criteria}
          onChange={setCriteria}
        />
        <div className="form-actions">
          <Button type="submit" busy={update.isPending}>
            {t('ideas.manage.save')}
          </Button>
        </div>
        {saved ? <Notice>{t('ideas.manage.saved')}</Notice> : null}
      </form>
      {campaign.open ? (
        <div className="form-actions">
          <FormError message={close.isError ? errorMessage(t, close.error) : null} />
          {confirming ? (
            <>
              <Button
                type="button"
                variant="danger"
                busy={close.isPending}
                onClick={() => close.mutate(undefined, { onSuccess: () => setConfirming(false) })}
              >
                {t('ideas.manage.confirmClose')}
              </Button>
              <Button type="button" onClick={() => setConfirming(false)}>
                {t('ideas.manage.cancel')}
              </Button>
            </>
          ) : (
            <Button type="button" onClick={() => setConfirming(true)}>
              {t('ideas.manage.close')}
            </Button>
          )}
        </div>
      ) : null}
    </details>
  );
}

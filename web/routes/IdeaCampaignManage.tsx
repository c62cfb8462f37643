// The campaign's owners' panel on its page: edit its title, description, closing date and
// criteria, or close it now (in two steps, so a stray click closes nothing).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../common/schemas/ideas.ts';
import { useCloseCampaign, useUpdateCampaign } from '../api/ideas.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Notice } from '../components/Notice.tsx';
import { errorMessage } from '../i18n/messages.ts';
import {
  CampaignFields,
  type CampaignFieldValues,
  criteriaOf,
  dayOf,
  endOfDay,
} from './IdeaCampaignFields.tsx';

export function ManageCampaign({ campaign }: { campaign: Campaign }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateCampaign(campaign.id);
  const close = useCloseCampaign(campaign.id);
  const [values, setValues] = useState<CampaignFieldValues>({
    title: campaign.title,
    description: campaign.description,
    closes: dayOf(campaign.closesAt),
    criteria: campaign.criteria.join('\n'),
  });
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    update.mutate(
      {
        title: values.title,
        description: values.description,
        closesAt: endOfDay(values.closes),
        criteria: criteriaOf(values.criteria),
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
        <CampaignFields values={values} onChange={setValues} />
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

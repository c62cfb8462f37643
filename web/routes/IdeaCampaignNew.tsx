// "Open a campaign" on /ideas, for the owners of a space: the question, its description, the
// days it is open and the evaluation criteria. Checked with the server's own schema first, so
// problems are worded on their fields in the reader's language.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CampaignCreateBody } from '../../common/schemas/ideas.ts';
import { useCreateCampaign } from '../api/ideas.ts';
import { useMySpaces } from '../api/spaces.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Select } from '../components/Select.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import {
  CampaignFields,
  type CampaignFieldValues,
  criteriaOf,
  dayOf,
  endOfDay,
} from './IdeaCampaignFields.tsx';

export function NewCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const spaces = (useMySpaces().data ?? []).filter((s) => s.myRole === 'owner');
  const create = useCreateCampaign();
  const form = useFormFeedback(['spaceId', 'title', 'description', 'opensAt', 'closesAt', 'criteria']);
  const [spaceId, setSpaceId] = useState('');
  const [opens, setOpens] = useState(() => dayOf(new Date()));
  const [values, setValues] = useState<CampaignFieldValues>(() => ({
    title: '',
    description: '',
    closes: dayOf(new Date(Date.now() + 30 * 86_400_000)),
    criteria: '',
  }));
  if (spaces.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.clear();
    const body = form.validate(CampaignCreateBody, {
      spaceId,
      title: values.title,
      description: values.description,
      // From the start of the first day to the end of the last, in the reader's time zone.
      opensAt: new Date(`${opens}T00:00:00`).toISOString(),
      closesAt: endOfDay(values.closes),
      criteria: criteriaOf(values.criteria),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (created) => navigate(`/ideas/${encodeURIComponent((created as { id: string }).id)}`),
      onError: (error) => form.showError(error),
    });
  };

  return (
    <details className="card">
      <summary>{t('ideas.create.title')}</summary>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        <Select
          label={t('ideas.create.space')}
          name="spaceId"
          value={spaceId}
          onChange={setSpaceId}
          required
          error={form.fieldErrors.spaceId}
          options={[
            { value: '', label: t('ideas.create.chooseSpace') },
            ...spaces.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <TextField
          label={t('ideas.create.opens')}
          name="opensAt"
          type="date"
          value={opens}
          onChange={setOpens}
          required
          error={form.fieldErrors.opensAt}
        />
        <CampaignFields values={values} onChange={setValues} errors={form.fieldErrors} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={create.isPending}>
            {t('ideas.create.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalyticsSettingsBody } from '../../common/schemas/analytics.ts';
import { useAnalyticsSettings, useSetAnalyticsSettings } from '../api/analytics.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Notice } from '../components/Notice.tsx';
import { TextField } from '../components/TextField.tsx';
import { useFormFeedback } from '../forms/use-form-feedback.ts';
import { errorMessage } from '../i18n/messages.ts';

/** Admin → Analytics: the smallest group a figure is shown for, and individual activity. */
export function AdminAnalyticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('analytics.admin.title'), t('admin.title'));
  const settings = useAnalyticsSettings();
  return (
    <>
      <h1>{t('analytics.admin.title')}</h1>
      <p>{t('analytics.admin.intro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <FormError message={errorMessage(t, settings.error)} />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </>
  );
}

function SettingsForm({
  initial,
}: {
  initial: { minGroup: number; individual: boolean; analysts: { id: string; name: string }[] };
}) {
  const { t } = useTranslation();
  const id = useId();
  const [minGroup, setMinGroup] = useState(String(initial.minGroup));
  const [individual, setIndividual] = useState(initial.individual);
  const [saved, setSaved] = useState(false);
  const form = useFormFeedback(['minGroup', 'individual']);
  const save = useSetAnalyticsSettings();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    setSaved(false);
    const text = minGroup.trim();
    const body = form.validate(AnalyticsSettingsBody, {
      minGroup: /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN,
      individual,
    });
    if (!body) return;
    save.mutate(body, { onSuccess: () => setSaved(true), onError: (error) => form.showError(error) });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="sr-only">
        {t('analytics.admin.title')}
      </h2>
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormError ref={form.bannerRef} message={form.banner} />
        {saved ? (
          <Notice>
            <p>{t('analytics.admin.saved')}</p>
          </Notice>
        ) : null}
        <TextField
          label={t('analytics.admin.minGroup')}
          name="minGroup"
          inputMode="numeric"
          value={minGroup}
          onChange={(value) => {
            setSaved(false);
            setMinGroup(value);
          }}
          hint={t('analytics.admin.minGroupHint')}
          error={form.fieldErrors.minGroup}
          required
        />
        <div className="check-field">
          <input
            id={`${id}-individual`}
            type="checkbox"
            checked={individual}
            aria-describedby={`${id}-individual-hint`}
            onChange={(event) => {
              setSaved(false);
              setIndividual(event.target.checked);
            }}
          />
          <label htmlFor={`${id}-individual`}>{t('analytics.admin.individual')}</label>
        </div>
        <p id={`${id}-individual-hint`} className="field-hint">
          {t('analytics.admin.individualHint')}
        </p>
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={save.isPending} busyLabel={t('common.saving')}>
            {t('analytics.admin.save')}
          </Button>
        </div>
      </form>
      <h3 className="analytics-analysts">{t('analytics.admin.analysts')}</h3>
      <p className="muted">{t('analytics.admin.analystsHint')}</p>
      {initial.analysts.length === 0 ? (
        <p>{t('analytics.admin.noAnalysts')}</p>
      ) : (
        <ul data-testid="analysts">
          {initial.analysts.map((analyst) => (
            <li key={analyst.id}>{analyst.name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

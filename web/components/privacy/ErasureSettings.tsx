import { useTranslation } from 'react-i18next';
import type { ErasureContent } from '../../../common/schemas/privacy.ts';
import { usePrivacySettings, useUpdatePrivacySettings } from '../../api/privacy.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { FormError } from '../FormError.tsx';

/** Admin → People: what erasing a person does with what they wrote (saved on change). */
export function ErasureSettings() {
  const { t } = useTranslation();
  const settings = usePrivacySettings();
  const update = useUpdatePrivacySettings();
  const value = settings.data?.erasureContent;
  return (
    <section className="card" aria-labelledby="erasure-settings">
      <h2 id="erasure-settings">{t('privacy.settingsTitle')}</h2>
      <p className="muted">{t('privacy.settingsIntro')}</p>
      <fieldset disabled={!value || update.isPending}>
        <legend>{t('privacy.contentLabel')}</legend>
        {(['keep', 'delete'] as ErasureContent[]).map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="erasureContent"
              value={option}
              checked={value === option}
              onChange={() => update.mutate(option)}
            />{' '}
            {t(`privacy.${option}`)}
          </label>
        ))}
      </fieldset>
      {update.isSuccess ? <p role="status">{t('privacy.settingsSaved')}</p> : null}
      {update.error ? <FormError message={errorMessage(t, update.error)} /> : null}
    </section>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXTERNAL_SPACE_CREATORS,
  type ExternalSettingsBody,
  GUEST_INVITERS,
} from '../../common/schemas/external.ts';
import { useExternalSettings, useUpdateExternalSettings } from '../api/external.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { OrganisationPremoderationSection } from '../components/moderation/PremoderationSection.tsx';
import { Notice } from '../components/Notice.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** Administration → External spaces: who may open them, and who may invite guests. */
export function AdminExternalPage() {
  const { t } = useTranslation();
  usePageTitle(t('external.adminTitle'));
  const settings = useExternalSettings();
  return (
    <section aria-labelledby="external-settings-title">
      <h1 id="external-settings-title">{t('external.adminTitle')}</h1>
      <p className="lead">{t('external.adminText')}</p>
      {settings.data ? (
        <SettingsForm initial={settings.data} />
      ) : settings.isError ? (
        <FormError message={errorMessage(t, settings.error)} />
      ) : (
        <Loading />
      )}
      <OrganisationPremoderationSection />
    </section>
  );
}

function SettingsForm({ initial }: { initial: ExternalSettingsBody }) {
  const { t } = useTranslation();
  const id = useId();
  const update = useUpdateExternalSettings();
  const [draft, setDraft] = useState<ExternalSettingsBody>({
    externalSpaceCreators: initial.externalSpaceCreators,
    guestInviters: initial.guestInviters,
  });
  const [saved, setSaved] = useState(false);
  const groups = [
    { key: 'externalSpaceCreators', values: EXTERNAL_SPACE_CREATORS },
    { key: 'guestInviters', values: GUEST_INVITERS },
  ] as const;
  return (
    <form
      className="card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        update.mutate(draft, { onSuccess: () => setSaved(true) });
      }}
    >
      {update.error ? <FormError message={errorMessage(t, update.error)} /> : null}
      {saved ? (
        <Notice>
          <p>{t('external.saved')}</p>
        </Notice>
      ) : null}
      {groups.map((group) => (
        <fieldset key={group.key} className="radio-group">
          <legend>{t(`external.settings.${group.key}.legend`)}</legend>
          {group.values.map((value) => (
            <div key={value} className="radio-option">
              <input
                id={`${id}-${group.key}-${value}`}
                type="radio"
                name={`${id}-${group.key}`}
                value={value}
                checked={draft[group.key] === value}
                onChange={() => setDraft({ ...draft, [group.key]: value })}
              />
              <label htmlFor={`${id}-${group.key}-${value}`}>
                {t(`external.settings.${group.key}.${value}` as 'external.settings.guestInviters.admins')}
              </label>
            </div>
          ))}
        </fieldset>
      ))}
      <div className="form-actions">
        <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('common.saving')}>
          {t('external.save')}
        </Button>
      </div>
    </form>
  );
}

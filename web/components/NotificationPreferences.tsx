import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../common/schemas/notifications.ts';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../api/notifications.ts';
import { errorMessage } from '../i18n/messages.ts';
import { Button } from './Button.tsx';
import { FormError } from './FormError.tsx';
import { Loading } from './Loading.tsx';
import { Notice } from './Notice.tsx';

/** Settings: each kind of notification on or off. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const id = useId();
  const prefs = useNotificationPreferences();
  const update = useUpdateNotificationPreferences();
  const [kinds, setKinds] = useState<Partial<Record<NotificationKind, boolean>>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (prefs.data) setKinds(prefs.data.kinds);
  }, [prefs.data]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('notifications.preferencesTitle')}</h2>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <FormError message={errorMessage(t, prefs.error)} />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            setSaved(false);
            update.mutate(kinds, { onSuccess: () => setSaved(true) });
          }}
        >
          {update.error ? <FormError message={errorMessage(t, update.error)} /> : null}
          {saved ? (
            <Notice>
              <p>{t('notifications.preferencesSaved')}</p>
            </Notice>
          ) : null}
          <fieldset className="checkbox-list">
            <legend>{t('notifications.preferencesIntro')}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <div key={kind} className="check-field">
                <input
                  id={`${id}-${kind}`}
                  type="checkbox"
                  checked={kinds[kind] ?? true}
                  onChange={(event) => {
                    setSaved(false);
                    setKinds((k) => ({ ...k, [kind]: event.target.checked }));
                  }}
                />
                <label htmlFor={`${id}-${kind}`}>{t(`notifications.preferences.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className="form-actions">
            <Button type="submit" variant="primary" busy={update.isPending} busyLabel={t('common.saving')}>
              {t('notifications.savePreferences')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

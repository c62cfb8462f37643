import { useTranslation } from 'react-i18next';
import { usePersonalDataExports, useRequestPersonalDataExport } from '../../api/privacy.ts';
import { formatBytes, formatDate } from '../../i18n/format.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';

/** Settings → Privacy: ask for an archive of my data, and download it while it is kept. */
export function PersonalDataSettings() {
  const { t, i18n } = useTranslation();
  const exports = usePersonalDataExports();
  const request = useRequestPersonalDataExport();
  const items = exports.data?.items ?? [];
  const pending = items.some((e) => e.status === 'pending');
  return (
    <section className="card" id="privacy" aria-labelledby="settings-privacy">
      <h2 id="settings-privacy">{t('privacy.title')}</h2>
      <p className="muted">{t('privacy.intro')}</p>
      {request.isSuccess && pending ? (
        <Notice>
          <p>{t('privacy.requested')}</p>
        </Notice>
      ) : null}
      <h3>{t('privacy.listLabel')}</h3>
      {items.length === 0 ? (
        <p className="muted">{t('privacy.none')}</p>
      ) : (
        <ul className="plain-list" aria-live="polite">
          {items.map((e) => (
            <li key={e.id}>
              {e.status === 'ready' && e.url ? (
                <>
                  <span>
                    {t('privacy.ready', {
                      size: formatBytes(e.sizeBytes ?? 0, i18n.language),
                      date: formatDate(e.expiresAt, i18n.language),
                    })}
                  </span>{' '}
                  <a href={e.url} download>
                    {t('privacy.download')}
                  </a>
                </>
              ) : (
                <span>{e.status === 'pending' ? t('privacy.pending') : t('privacy.failed')}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <Button type="button" busy={request.isPending} disabled={pending} onClick={() => request.mutate()}>
        {t('privacy.request')}
      </Button>
      {request.error ? <FormError message={errorMessage(t, request.error)} /> : null}
    </section>
  );
}

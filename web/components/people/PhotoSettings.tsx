import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../common/schemas/people.ts';
import { isApiError } from '../../api/client.ts';
import { useSetMyPhoto } from '../../api/people.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Avatar } from '../Avatar.tsx';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { shrinkPhoto } from './shrink-photo.ts';

const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

/** Settings: choose a photo (shrunk in the browser, then sent at once) or remove it. */
export function PhotoSettings({ person }: { person: Person }) {
  const { t } = useTranslation();
  const id = useId();
  const setPhoto = useSetMyPhoto(person.id);
  const [shrinking, setShrinking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<'saved' | 'removed' | null>(null);
  const busy = shrinking || setPhoto.isPending;

  async function choose(file: File) {
    setError(null);
    setDone(null);
    setShrinking(true);
    let photo: File;
    try {
      photo = await shrinkPhoto(file);
    } catch {
      setError(t('profileEditor.photoUnreadable'));
      return;
    } finally {
      setShrinking(false);
    }
    setPhoto.mutate(photo, {
      onSuccess: () => setDone('saved'),
      onError: (err) =>
        setError(
          isApiError(err, 'unsupported_media_type')
            ? t('profileEditor.photoUnreadable')
            : errorMessage(t, err),
        ),
    });
  }

  function remove() {
    setError(null);
    setDone(null);
    setPhoto.mutate(null, {
      onSuccess: () => setDone('removed'),
      onError: (err) => setError(errorMessage(t, err)),
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profileEditor.photoTitle')}</h2>
      <p className="muted">{t('profileEditor.photoIntro')}</p>
      <FormError message={error} />
      {done ? (
        <Notice>
          <p>{done === 'saved' ? t('profileEditor.photoSaved') : t('profileEditor.photoRemoved')}</p>
        </Notice>
      ) : null}
      <div className="photo-settings">
        <Avatar
          name={person.name}
          photoUrl={person.photoUrl}
          alt={t('profileEditor.yourPhoto')}
          className="avatar-profile"
        />
        <div className="photo-settings-actions">
          <div className="attach">
            <input
              id={id}
              type="file"
              accept={ACCEPT}
              className="sr-only"
              disabled={busy}
              aria-describedby={`${id}-hint`}
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void choose(file);
              }}
            />
            <label
              htmlFor={id}
              className={`button button-secondary attach-label${busy ? ' is-disabled' : ''}`}
            >
              {person.photoUrl ? t('profileEditor.changePhoto') : t('profileEditor.choosePhoto')}
            </label>
            <span id={`${id}-hint`} className="field-hint">
              {t('profileEditor.photoHint')}
            </span>
          </div>
          {person.photoUrl ? (
            <Button type="button" variant="quiet" disabled={busy} onClick={remove}>
              {t('profileEditor.removePhoto')}
            </Button>
          ) : null}
          <p role="status" className="muted">
            {busy ? t('profileEditor.sendingPhoto') : ''}
          </p>
        </div>
      </div>
    </section>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePerson } from '../../api/people.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { FormError } from '../FormError.tsx';
import { Loading } from '../Loading.tsx';
import { personPath } from '../rich-text-links.ts';
import { PhotoSettings } from './PhotoSettings.tsx';
import { ProfileDetailsForm } from './ProfileDetailsForm.tsx';
import { SkillsEditor } from './SkillsEditor.tsx';

/** Settings: what colleagues see on one's profile (photo, details, skills). */
export function ProfileEditor() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { hash } = useLocation();
  const detail = usePerson(user.id);
  const loaded = detail.data !== undefined;

  // "Edit profile" links here (#profile-details, #skills): show that part once it is drawn.
  useEffect(() => {
    if (!loaded || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }, [loaded, hash]);

  return (
    <div id="profile-details" className="profile-editor" tabIndex={-1}>
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <FormError message={errorMessage(t, detail.error)} />
      ) : (
        <>
          <p className="profile-editor-link">
            <Link to={personPath(user.id)}>{t('profileEditor.seeProfile')}</Link>
          </p>
          <PhotoSettings person={detail.data.person} />
          <ProfileDetailsForm detail={detail.data} />
          <SkillsEditor meId={user.id} skills={detail.data.skills} />
        </>
      )}
    </div>
  );
}

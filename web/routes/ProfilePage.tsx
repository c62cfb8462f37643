import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useFollowPerson, useProfile } from '../api/follows.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { Feed } from '../components/stream/Feed.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** A colleague: who they are, following them, and their posts the reader may see. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = useProfile(id);
  const follow = useFollowPerson(id);
  usePageTitle(profile.data?.person.name ?? '');

  if (profile.isPending) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (profile.isError) {
    const missing = isApiError(profile.error, 'not_found') || isApiError(profile.error, 'validation_failed');
    return (
      <div className="page page-narrow">
        {missing ? (
          <>
            <h1>{t('personProfile.notFoundTitle')}</h1>
            <p>{t('personProfile.notFoundText')}</p>
          </>
        ) : (
          <FormError message={errorMessage(t, profile.error)} />
        )}
      </div>
    );
  }

  const { person, following, followerCount, isMe, department, site } = profile.data;
  return (
    <div className="page">
      <header className="page-header profile-header">
        <Avatar name={person.name} large />
        <div className="profile-header-text">
          <h1>{person.name}</h1>
          <p className="muted">
            @{person.handle}
            {person.jobTitle ? ` · ${person.jobTitle}` : ''}
            {department ? ` · ${department}` : ''}
            {site ? ` · ${site}` : ''}
          </p>
          <p className="muted">
            {t('personProfile.followers', { count: followerCount })}
            {isMe
              ? ` · ${t('personProfile.isYou')}`
              : following
                ? ` · ${t('personProfile.following', { name: person.name })}`
                : ''}
          </p>
        </div>
        {isMe ? null : (
          <Button
            type="button"
            variant={following ? 'secondary' : 'primary'}
            aria-pressed={following}
            busy={follow.isPending}
            onClick={() => follow.mutate(!following)}
          >
            {following ? t('personProfile.unfollow') : t('personProfile.follow')}
          </Button>
        )}
      </header>
      {follow.error ? <FormError message={errorMessage(t, follow.error)} /> : null}
      <div className="stream-single">
        <h2 className="section-title">{t('personProfile.postsTitle')}</h2>
        <Feed
          scope={{ kind: 'profile', personId: person.id }}
          label={t('personProfile.postsTitle')}
          empty={{
            title: t('personProfile.emptyTitle'),
            text: t('personProfile.emptyText', { name: person.name }),
          }}
          concerns={(m) => m.authorId === person.id}
        />
      </div>
    </div>
  );
}

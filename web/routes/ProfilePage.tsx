import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PersonDetail } from '../../common/schemas/people.ts';
import { isApiError } from '../api/client.ts';
import { useFollowPerson, useProfile } from '../api/follows.ts';
import { usePerson } from '../api/people.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Button } from '../components/Button.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { ReportPersonButton } from '../components/moderation/ReportPersonButton.tsx';
import { Notice } from '../components/Notice.tsx';
import { orgPath, ProfileFacts } from '../components/people/ProfileFacts.tsx';
import { SkillList } from '../components/people/SkillList.tsx';
import { Feed } from '../components/stream/Feed.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** A colleague: who they are, how to reach them, what they know, and their posts the reader may see. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = usePerson(id);
  usePageTitle(detail.data?.person.name ?? '');

  if (detail.isPending) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (detail.isError) {
    const missing = isApiError(detail.error, 'not_found') || isApiError(detail.error, 'validation_failed');
    return (
      <div className="page page-narrow">
        {missing ? (
          <>
            <h1>{t('personProfile.notFoundTitle')}</h1>
            <p>{t('personProfile.notFoundText')}</p>
          </>
        ) : (
          <FormError message={errorMessage(t, detail.error)} />
        )}
      </div>
    );
  }
  return <Profile detail={detail.data} />;
}

function Profile({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const { user: me } = useSignedIn();
  const { person, status, about, skills } = detail;
  const isMe = person.id === me.id;
  const colleague = me.role !== 'guest';
  const active = status === 'active';
  const places = [person.department?.name, person.site?.name].filter(Boolean).join(' · ');

  return (
    <div className="page">
      <header className="page-header profile-header">
        <Avatar name={person.name} photoUrl={person.photoUrl} alt={person.name} className="avatar-profile" />
        <div className="profile-header-text">
          <h1>{person.name}</h1>
          <p className="muted">
            @{person.handle}
            {person.jobTitle ? ` · ${person.jobTitle}` : ''}
          </p>
          {places ? <p className="muted">{places}</p> : null}
          <FollowState personId={person.id} isMe={isMe} />
        </div>
        {isMe ? (
          <Link className="button button-secondary" to="/settings#profile-details">
            {t('personProfile.editProfile')}
          </Link>
        ) : active && colleague ? (
          <FollowButton personId={person.id} />
        ) : null}
        {isMe ? null : <ReportPersonButton personId={person.id} />}
      </header>
      {active ? null : (
        <Notice tone="info">
          <p>{t('personProfile.deactivated')}</p>
        </Notice>
      )}
      <div className="profile-layout">
        <div className="profile-aside">
          <section className="card" aria-labelledby="profile-details-title">
            <h2 id="profile-details-title">{t('personProfile.detailsTitle')}</h2>
            <ProfileFacts detail={detail} />
            {colleague ? (
              <p>
                <Link to={orgPath(person.id)}>{t('personProfile.orgChartLink')}</Link>
              </p>
            ) : null}
          </section>
          {about ? (
            <section className="card" aria-labelledby="profile-about-title">
              <h2 id="profile-about-title">{t('personProfile.aboutTitle')}</h2>
              <p className="profile-about">{about}</p>
            </section>
          ) : null}
          {colleague || isMe ? (
            <section className="card" aria-labelledby="profile-skills-title">
              <h2 id="profile-skills-title">{t('personProfile.skillsTitle')}</h2>
              {skills.length === 0 ? (
                <p className="muted">
                  {isMe
                    ? t('personProfile.noSkillsMine')
                    : t('personProfile.noSkills', { name: person.name })}
                  {isMe ? (
                    <>
                      {' '}
                      <Link to="/settings#skills">{t('personProfile.addSkills')}</Link>
                    </>
                  ) : null}
                </p>
              ) : (
                <SkillList personId={person.id} skills={skills} canEndorse={detail.canEndorse} />
              )}
            </section>
          ) : null}
        </div>
        <div className="profile-main">
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
    </div>
  );
}

/** Followers, and whether the reader follows them (from the stream's profile). */
function FollowState({ personId, isMe }: { personId: string; isMe: boolean }) {
  const { t } = useTranslation();
  const profile = useProfile(personId);
  if (!profile.data) return null;
  const { following, followerCount, person } = profile.data;
  return (
    <p className="muted">
      {t('personProfile.followers', { count: followerCount })}
      {isMe
        ? ` · ${t('personProfile.isYou')}`
        : following
          ? ` · ${t('personProfile.following', { name: person.name })}`
          : ''}
    </p>
  );
}

function FollowButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const profile = useProfile(personId);
  const follow = useFollowPerson(personId);
  if (!profile.data) return null;
  const { following } = profile.data;
  return (
    <div className="profile-actions">
      <Button
        type="button"
        variant={following ? 'secondary' : 'primary'}
        aria-pressed={following}
        busy={follow.isPending}
        onClick={() => follow.mutate(!following)}
      >
        {following ? t('personProfile.unfollow') : t('personProfile.follow')}
      </Button>
      {follow.error ? <FormError message={errorMessage(t, follow.error)} /> : null}
    </div>
  );
}

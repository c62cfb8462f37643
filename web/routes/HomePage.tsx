import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMySpaces } from '../api/spaces.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Composer } from '../components/composer/Composer.tsx';
import { spacePath } from '../components/rich-text-links.ts';
import { ExternalBadge } from '../components/spaces/ExternalBadge.tsx';
import { Feed } from '../components/stream/Feed.tsx';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

// Every new post the server sends this person may belong to their home feed (it only sends
// what they may see); the feed's own query decides.
const anyPost = () => true;

export function HomePage() {
  const { t } = useTranslation();
  const { user, organisationName } = useSignedIn();
  usePageTitle(t('home.title'));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('home.greeting', { name: firstName(user.name) })}</h1>
        <p className="lead">{t('home.welcome', { organisation: organisationName })}</p>
      </header>
      <div className="stream-layout">
        <div className="stream-main">
          <Composer />
          <h2 className="sr-only">{t('home.feedTitle')}</h2>
          <Feed
            scope={{ kind: 'home' }}
            label={t('home.feedTitle')}
            empty={{ title: t('home.emptyTitle'), text: t('home.emptyText') }}
            concerns={anyPost}
          />
        </div>
        <aside className="stream-aside">
          {user.role === 'admin' ? (
            <section className="card card-accent" aria-labelledby="home-get-started">
              <h2 id="home-get-started">{t('home.getStartedTitle')}</h2>
              <p>{t('home.getStartedText')}</p>
              <p>
                <Link className="button button-primary" to="/admin/invitations">
                  {t('home.inviteColleagues')}
                </Link>
              </p>
            </section>
          ) : null}
          {user.role === 'guest' ? (
            <section className="card card-accent" aria-labelledby="home-guest">
              <h2 id="home-guest">{t('external.guestTitle')}</h2>
              <p>{t('external.guestText')}</p>
            </section>
          ) : null}
          <MySpaces />
          {user.role === 'guest' ? null : (
            <section className="card" aria-labelledby="home-people">
              <h2 id="home-people">{t('home.peopleTitle')}</h2>
              <p>{t('home.peopleText')}</p>
              <p>
                <Link to="/people">{t('home.peopleLink')}</Link>
              </p>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}

function MySpaces() {
  const { t } = useTranslation();
  const spaces = useMySpaces();
  const items = spaces.data ?? [];
  return (
    <section className="card" aria-labelledby="home-spaces">
      <h2 id="home-spaces">{t('home.mySpacesTitle')}</h2>
      {items.length === 0 ? (
        <p className="muted">{spaces.isPending ? t('common.loading') : t('home.mySpacesEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {items.slice(0, 8).map((space) => (
            <li key={space.id}>
              <Link to={spacePath(space.slug)}>{space.name}</Link>
              <ExternalBadge external={space.external} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/spaces">{t('home.browseSpaces')}</Link>
      </p>
    </section>
  );
}

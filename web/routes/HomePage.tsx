import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

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
      <div className="card-grid">
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
        <section className="card" aria-labelledby="home-people">
          <h2 id="home-people">{t('home.peopleTitle')}</h2>
          <p>{t('home.peopleText')}</p>
          <p>
            <Link to="/people">{t('home.peopleLink')}</Link>
          </p>
        </section>
        <section className="card" aria-labelledby="home-settings">
          <h2 id="home-settings">{t('home.settingsTitle')}</h2>
          <p>{t('home.settingsText')}</p>
          <p>
            <Link to="/settings">{t('home.settingsLink')}</Link>
          </p>
        </section>
      </div>
    </div>
  );
}

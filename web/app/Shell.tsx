import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
// care: inbox
import { useIsCareAgent } from '../components/care/use-is-care-agent.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useCanModerate } from '../components/moderation/use-can-moderate.ts';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { ProfileMenu } from '../components/ProfileMenu.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { LiveProvider } from './LiveProvider.tsx';
import { useSignedIn } from './signed-in-context.ts';

/** The frame of every signed-in page: header, primary navigation, main content. */
export function Shell() {
  const { t } = useTranslation();
  const { user, organisationName } = useSignedIn();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  const canModerate = useCanModerate();
  const isCareAgent = useIsCareAgent(); // care: inbox
  // Whether to offer Analytics comes with the session (the analytics policy's rule), so the
  // shell asks nothing that a plain member would be refused.

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the small-screen menu on navigation
  useEffect(() => {
    setMenuOpen(false);
  }, [location.pathname]);

  const links = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/spaces', label: t('nav.spaces') },
    { to: '/questions', label: t('nav.questions') },
    { to: '/ideas', label: t('ideas.nav') }, // ideas
    // Guests have no directory: they meet the people of their spaces there.
    ...(user.role === 'guest' ? [] : [{ to: '/people', label: t('nav.people') }]),
    ...(user.role === 'guest' ? [] : [{ to: '/ambassadors', label: t('ambassadors.nav') }]), // ambassadors
    { to: '/search', label: t('nav.search') },
    ...(canModerate ? [{ to: '/moderation', label: t('moderationUi.nav') }] : []),
    ...(isCareAgent ? [{ to: '/care', label: t('care.inbox.nav') }] : []), // care: inbox
    ...(user.readsAnalytics ? [{ to: '/analytics', label: t('analytics.nav') }] : []),
    ...(user.role === 'admin' ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ];

  return (
    <LiveProvider>
      <div className="app">
        <SkipLink />
        <header className="header">
          <div className="header-inner">
            <Link to="/" className="brand">
              <span className="brand-mark" aria-hidden="true">
                T
              </span>
              <span className="brand-name">{organisationName}</span>
            </Link>
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls={navId}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <span className="menu-icon" aria-hidden="true" />
              <span className="menu-label">{t('nav.menu')}</span>
            </button>
            <nav
              id={navId}
              aria-label={t('nav.primary')}
              className={`primary-nav${menuOpen ? ' is-open' : ''}`}
            >
              <ul>
                {links.map((link) => (
                  <li key={link.to}>
                    <NavLink to={link.to} end={link.end}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="header-tools">
              <NotificationBell />
              <LanguageSwitch />
              <ProfileMenu name={user.name} email={user.email} userId={user.id} />
            </div>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="main">
          <Outlet />
        </main>
      </div>
    </LiveProvider>
  );
}

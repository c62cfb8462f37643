import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSignedIn } from '../../app/signed-in-context.ts';

/** The directory, "who knows" and the org chart: three ways to find a colleague. Not for guests. */
export function PeopleTabs() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  if (user.role === 'guest') return null;
  const tabs = [
    { to: '/people', label: t('people.tabs.directory'), end: true },
    { to: '/people/experts', label: t('people.tabs.experts'), end: false },
    { to: '/org', label: t('people.tabs.org'), end: false },
  ];
  return (
    <nav aria-label={t('people.sections')} className="tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

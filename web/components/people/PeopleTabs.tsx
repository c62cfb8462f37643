import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { TabNav } from '../TabNav.tsx';

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
  return <TabNav label={t('people.sections')} tabs={tabs} />;
}

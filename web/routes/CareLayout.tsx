import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { usePageTitle } from '../app/use-page-title.ts';
import { TabNav } from '../components/TabNav.tsx';
import '../styles-care.css';

/** The inbox, the canned replies and the insight page, as tabs. */
export function CareLayout() {
  const { t } = useTranslation();
  usePageTitle(t('care.inbox.title'));
  const tabs = [
    { to: '/care', label: t('care.inbox.tabs.inbox'), end: true },
    { to: '/care/canned', label: t('care.inbox.tabs.canned'), end: false },
    { to: '/care/insight', label: t('care.inbox.tabs.insight'), end: false },
  ];
  return (
    <div className="page">
      <h1>{t('care.inbox.title')}</h1>
      <TabNav label={t('care.inbox.sections')} tabs={tabs} />
      <Outlet />
    </div>
  );
}

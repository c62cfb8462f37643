import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { usePageTitle } from '../app/use-page-title.ts';
import { TabNav } from '../components/TabNav.tsx';

/** The Moderation page: reports to work, and guests' posts to approve. The server filters both. */
export function ModerationLayout() {
  const { t } = useTranslation();
  usePageTitle(t('moderationUi.title'));
  const tabs = [
    { to: '/moderation', label: t('moderationUi.tabs.reports'), end: true },
    { to: '/moderation/pending', label: t('moderationUi.tabs.pending'), end: false },
  ];
  return (
    <div className="page">
      <h1>{t('moderationUi.title')}</h1>
      <TabNav label={t('moderationUi.sections')} tabs={tabs} />
      <Outlet />
    </div>
  );
}

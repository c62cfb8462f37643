import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { TabNav } from '../components/TabNav.tsx';

/** Admin → Customer care: channels, teams, SLA targets and agents. */
export function AdminCareLayout() {
  const { t } = useTranslation();
  return (
    <>
      <TabNav
        label={t('care.channels.navLabel')}
        tabs={[
          { to: '/admin/care/channels', label: t('care.channels.tabs.channels') },
          { to: '/admin/care/teams', label: t('care.channels.tabs.teams') },
          { to: '/admin/care/sla', label: t('care.channels.tabs.sla') },
          { to: '/admin/care/agents', label: t('care.channels.tabs.agents') },
        ]}
      />
      <Outlet />
    </>
  );
}

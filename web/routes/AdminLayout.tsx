import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';

/** Administration: a sub-navigation over its pages, for administrators only. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  if (user.role !== 'admin') return <AdminForbidden />;
  const tabs = [
    { to: '/admin/people', label: t('admin.tabs.people') },
    { to: '/admin/invitations', label: t('admin.tabs.invitations') },
    { to: '/admin/outbox', label: t('admin.tabs.outbox') },
    { to: '/admin/content-rules', label: t('admin.tabs.contentRules') },
    { to: '/admin/audit', label: t('admin.tabs.audit') },
    { to: '/admin/retention', label: t('retention.tab') },
    { to: '/admin/sso', label: t('sso.admin.tab') },
    { to: '/admin/external', label: t('external.adminTab') },
    { to: '/admin/analytics', label: t('analytics.admin.tab') },
    // care: channels
    { to: '/admin/care', label: t('care.channels.adminTab') },
  ];
  return (
    <div className="page page-wide">
      <p className="eyebrow">{t('admin.title')}</p>
      <nav aria-label={t('admin.navLabel')} className="tabs">
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to}>{tab.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

function AdminForbidden() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.forbidden')}</p>
    </div>
  );
}

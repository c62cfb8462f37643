import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import { useSpace } from '../api/spaces.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { spacePath } from '../components/rich-text-links.ts';
import { MembershipActions } from '../components/spaces/MembershipActions.tsx';
import { SpaceBadges } from '../components/spaces/SpaceBadges.tsx';
import { isManager } from '../components/spaces/space-context.ts';
import { TabNav } from '../components/TabNav.tsx';
import { errorMessage } from '../i18n/messages.ts';

/** A space: its header and membership button, then its sections as tabs (each a nested route). */
export function SpacePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const space = useSpace(slug);
  usePageTitle(space.data?.name ?? t('spaces.title'));

  if (space.isPending) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  if (space.isError) {
    const missing = isApiError(space.error, 'not_found') || isApiError(space.error, 'forbidden');
    return (
      <div className="page page-narrow">
        {missing ? (
          <>
            <h1>{t('space.notFoundTitle')}</h1>
            <p>{t('space.notFoundText')}</p>
          </>
        ) : (
          <FormError message={errorMessage(t, space.error)} />
        )}
        <p className="form-links">
          <Link to="/spaces">{t('space.backToSpaces')}</Link>
        </p>
      </div>
    );
  }

  const s = space.data;
  const base = spacePath(s.slug);
  const tabs = [
    { to: base, label: t('space.tabs.feed'), end: true },
    ...(s.can.read ? [{ to: `${base}/knowledge`, label: t('knowledge.tab') }] : []),
    ...(s.can.read ? [{ to: `${base}/events`, label: t('events.tab') }] : []),
    ...(s.can.read ? [{ to: `${base}/members`, label: t('space.tabs.members') }] : []),
    ...(isManager(s) ? [{ to: `${base}/requests`, label: t('space.tabs.requests') }] : []),
    ...(s.can.manage ? [{ to: `${base}/settings`, label: t('space.tabs.settings') }] : []),
  ];
  return (
    <div className="page">
      <header className="page-header space-header">
        <p className="eyebrow">
          <Link to="/spaces">{t('spaces.title')}</Link>
        </p>
        <div className="page-header-actions">
          <div>
            <h1>{s.name}</h1>
            <SpaceBadges space={s} />
          </div>
          <MembershipActions space={s} />
        </div>
        {s.description ? <p className="space-description">{s.description}</p> : null}
      </header>
      <TabNav label={t('space.tabsLabel')} tabs={tabs} />
      <Outlet context={{ space: s }} />
    </div>
  );
}

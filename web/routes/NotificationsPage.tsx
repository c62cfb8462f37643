import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Notification } from '../../common/schemas/notifications.ts';
import { useMarkNotificationsRead, useNotifications } from '../api/notifications.ts';
import { useSignedIn } from '../app/signed-in-context.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Avatar } from '../components/Avatar.tsx';
import { Button } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { notificationPath } from '../components/notification-links.ts';
import { Pager } from '../components/Pager.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { errorMessage } from '../i18n/messages.ts';

export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const list = useNotifications();
  const mark = useMarkNotificationsRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  return (
    <div className="page page-narrow">
      <header className="page-header page-header-actions">
        <h1>{t('notifications.title')}</h1>
        {unread > 0 ? (
          <Button type="button" busy={mark.isPending} onClick={() => mark.mutate({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </header>
      {mark.error ? <FormError message={errorMessage(t, mark.error)} /> : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError && items.length === 0 ? (
        <FormError message={errorMessage(t, list.error)} />
      ) : items.length === 0 ? (
        <EmptyState title={t('notifications.emptyTitle')}>
          <p>{t('notifications.emptyText')}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="notification-list">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onRead={() => mark.mutate({ ids: [n.id] })} />
            ))}
          </ul>
          <Pager
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </>
      )}
    </div>
  );
}

function NotificationItem({ notification: n, onRead }: { notification: Notification; onRead: () => void }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const actor = n.actor?.name ?? t('notifications.someone');
  const text = t(`notifications.kinds.${n.kind}`, {
    actor,
    space: n.space?.name ?? '',
    event: n.event?.title ?? '',
    skill: n.skill ?? '',
    subject: n.care?.subject ?? n.idea?.title ?? '', // care: inbox, ideas
    outcome: n.moderation ? t(`moderation.outcomes.${n.moderation.outcome}`) : '',
  });
  return (
    <li className={n.read ? 'notification' : 'notification is-unread'} data-testid="notification">
      <Avatar name={actor} />
      <div className="notification-main">
        <p className="notification-text">
          {n.read ? null : <span className="sr-only">{t('notifications.unread')}: </span>}
          <Link to={notificationPath(n, user.id)} onClick={n.read ? undefined : onRead}>
            {text}
          </Link>
          {n.space && n.kind !== 'space_invitation' && n.kind !== 'join_request' ? (
            <span className="muted"> {t('notifications.inSpace', { space: n.space.name })}</span>
          ) : null}
        </p>
        {n.post?.excerpt ? <p className="notification-excerpt">{n.post.excerpt}</p> : null}
        {n.moderation?.note ? (
          <p className="notification-excerpt">
            {t('moderation.noteFromModerator', { note: n.moderation.note })}
          </p>
        ) : null}
        <p className="muted notification-time">
          <RelativeTime value={n.createdAt} />
        </p>
      </div>
      {n.read ? null : (
        <Button type="button" variant="quiet" small onClick={onRead}>
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '../api/notifications.ts';
import { BellIcon } from './BellIcon.tsx';

/** The bell in the header: a link to the notifications, with the unread count kept live. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCount().data ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <BellIcon />
      {unread > 0 ? (
        <span aria-hidden="true" className="bell-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}

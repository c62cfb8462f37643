import type { Notification } from '../../common/schemas/notifications.ts';
import { postPath, spacePath } from './rich-text-links.ts';

/** Where a notification leads: the post or event it is about, or the space (its requests for managers). */
export function notificationPath(n: Pick<Notification, 'kind' | 'post' | 'space' | 'event'>): string {
  if (n.kind === 'join_request' && n.space) return `${spacePath(n.space.slug)}/requests`;
  if (n.event) return `/events/${encodeURIComponent(n.event.id)}`;
  if (n.post) return postPath(n.post.id);
  if (n.space) return spacePath(n.space.slug);
  return '/notifications';
}

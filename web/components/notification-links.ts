import type { Notification } from '../../common/schemas/notifications.ts';
import { personPath, postPath, spacePath } from './rich-text-links.ts';

/**
 * Where a notification leads: the post or event it is about, the space (its requests for
 * managers), or for an endorsement the reader's own profile (`selfId`), where the skill shows.
 */
export function notificationPath(
  n: Pick<Notification, 'kind' | 'post' | 'space' | 'event'>,
  selfId?: string,
): string {
  if (n.kind === 'skill_endorsed' && selfId) return personPath(selfId);
  if (n.kind === 'personal_data_ready') return '/settings#privacy';
  if (n.kind === 'join_request' && n.space) return `${spacePath(n.space.slug)}/requests`;
  if (n.event) return `/events/${encodeURIComponent(n.event.id)}`;
  if (n.post) return postPath(n.post.id);
  if (n.space) return spacePath(n.space.slug);
  return '/notifications';
}

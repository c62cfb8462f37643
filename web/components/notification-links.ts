import type { Notification } from '../../common/schemas/notifications.ts';
import { personPath, postPath, spacePath } from './rich-text-links.ts';

/**
 * Where a notification leads: the post or event it is about, the space (its requests for
 * managers), or for an endorsement the reader's own profile (`selfId`), where the skill shows.
 * A report's outcome stays on the notifications page: its text says it all, and the reported
 * content may be gone. A rejected post no longer exists: its space is the place to write again.
 */
export function notificationPath(
  n: Pick<Notification, 'kind' | 'post' | 'space' | 'event'> & {
    care?: Notification['care'];
    idea?: Notification['idea'];
  },
  selfId?: string,
): string {
  // care: inbox
  if (n.care) return `/care/conversations/${encodeURIComponent(n.care.conversationId)}`;
  if (n.kind === 'skill_endorsed' && selfId) return personPath(selfId);
  if (n.kind === 'personal_data_ready') return '/settings#privacy';
  // ideas
  if (n.idea) return `/ideas/idea/${encodeURIComponent(n.idea.ideaId)}`;
  // care: insight
  if (n.kind === 'care_alert') return '/care/insight';
  if (n.kind === 'join_request' && n.space) return `${spacePath(n.space.slug)}/requests`;
  if (n.kind === 'report_outcome') return '/notifications';
  if (n.kind === 'post_rejected') return n.space ? spacePath(n.space.slug) : '/notifications';
  if ((n.kind === 'post_approved' || n.kind === 'moderation_warning') && n.post) return postPath(n.post.id);
  if (n.event) return `/events/${encodeURIComponent(n.event.id)}`;
  if (n.post) return postPath(n.post.id);
  if (n.space) return spacePath(n.space.slug);
  return '/notifications';
}

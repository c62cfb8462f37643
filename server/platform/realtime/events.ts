// What happened, as the real-time layer carries it between processes and to browsers.
// Events name objects by id only: each receiver decides, with the visibility rule, whether
// a connected person may learn of it, then reads the object through the normal presenters.
export type LiveEvent =
  | {
      type: 'post.created' | 'post.updated' | 'post.deleted';
      postId: string;
      spaceId: string | null;
      authorId: string;
    }
  | {
      type: 'comment.created' | 'comment.updated' | 'comment.deleted';
      postId: string;
      spaceId: string | null;
      commentId: string;
    }
  | {
      type: 'reactions.changed' | 'poll.changed' | 'acknowledgements.changed';
      postId: string;
      spaceId: string | null;
    }
  | { type: 'notification.created'; userId: string; notificationId: string }
  | { type: 'membership.changed'; spaceId: string; userId: string }
  /** Some or all of a person's sessions ended (sign-out everywhere, deactivation). */
  | { type: 'sessions.ended'; userId: string };

/**
 * The channel an event travels on — never one firehose: a space's activity on `space:<id>`
 * (only its members' connections listen), what concerns one person on `user:<id>`, and
 * profile posts, which every colleague may read, on `profiles`.
 */
export function channelOf(event: LiveEvent): string {
  switch (event.type) {
    case 'notification.created':
    case 'membership.changed':
    case 'sessions.ended':
      return `user:${event.userId}`;
    default:
      return event.spaceId ? `space:${event.spaceId}` : PROFILES_CHANNEL;
  }
}

export const PROFILES_CHANNEL = 'profiles';

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
  | { type: 'membership.changed'; spaceId: string; userId: string };

/** The channel an event travels on: per space, per profile, per person — never one firehose. */
export function channelOf(event: LiveEvent): string {
  switch (event.type) {
    case 'notification.created':
      return `user:${event.userId}`;
    case 'membership.changed':
      return `space:${event.spaceId}`;
    default:
      return event.spaceId
        ? `space:${event.spaceId}`
        : `profile:${'authorId' in event ? event.authorId : event.postId}`;
  }
}

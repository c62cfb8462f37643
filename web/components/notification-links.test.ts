import { describe, expect, it } from 'vitest';
import { notificationPath } from './notification-links.ts';

const space = { id: 's1', slug: 'design', name: 'Design', external: false };
const post = { id: 'p1', excerpt: 'Hello' };
const event = null;

describe('notification links', () => {
  it('lead to the post, the event, the space, or its requests', () => {
    expect(notificationPath({ kind: 'mention', post, space, event })).toBe('/posts/p1');
    expect(notificationPath({ kind: 'space_invitation', post: null, space, event })).toBe('/spaces/design');
    expect(notificationPath({ kind: 'join_request', post: null, space, event })).toBe(
      '/spaces/design/requests',
    );
    expect(
      notificationPath({ kind: 'event_reminder', post: null, space, event: { id: 'e1', title: 'Atelier' } }),
    ).toBe('/events/e1');
    expect(notificationPath({ kind: 'reply', post: null, space: null, event })).toBe('/notifications');
  });

  it('lead an endorsement to the reader’s own profile', () => {
    expect(notificationPath({ kind: 'skill_endorsed', post: null, space: null, event }, 'me-1')).toBe(
      '/people/me-1',
    );
  });

  it('lead moderation outcomes where the person can act on them', () => {
    expect(notificationPath({ kind: 'report_outcome', post, space, event })).toBe('/notifications');
    expect(notificationPath({ kind: 'moderation_warning', post, space, event })).toBe('/posts/p1');
    expect(notificationPath({ kind: 'moderation_warning', post: null, space: null, event })).toBe(
      '/notifications',
    );
    expect(notificationPath({ kind: 'post_approved', post, space, event })).toBe('/posts/p1');
    expect(notificationPath({ kind: 'post_rejected', post: null, space, event })).toBe('/spaces/design');
  });
});

import { describe, expect, it } from 'vitest';
import { notificationPath } from './notification-links.ts';

const space = { id: 's1', slug: 'design', name: 'Design' };
const post = { id: 'p1', excerpt: 'Hello' };

describe('notification links', () => {
  it('lead to the post, the space, or its requests', () => {
    expect(notificationPath({ kind: 'mention', post, space })).toBe('/posts/p1');
    expect(notificationPath({ kind: 'space_invitation', post: null, space })).toBe('/spaces/design');
    expect(notificationPath({ kind: 'join_request', post: null, space })).toBe('/spaces/design/requests');
    expect(notificationPath({ kind: 'reply', post: null, space: null })).toBe('/notifications');
  });
});

import { describe, expect, it } from 'vitest';
import { spaceCan, spacesPolicy } from './policies.ts';

const colleague = { id: 'c', role: 'member' as const };
const guest = { id: 'g', role: 'guest' as const };
const admin = { id: 'a', role: 'admin' as const };
const open = { visibility: 'open' as const };
const priv = { visibility: 'private' as const };
const secret = { visibility: 'secret' as const };
const archived = { visibility: 'open' as const, archived_at: new Date() };

describe('space policy', () => {
  it('offers to join what one may list and is not in yet: open and private, secret only when invited', () => {
    expect(spaceCan(colleague, open, null, null).join).toBe(true);
    expect(spaceCan(colleague, priv, null, null).join).toBe(true);
    expect(spaceCan(colleague, priv, null, 'requested').join).toBe(false);
    expect(spaceCan(colleague, secret, null, null).join).toBe(false);
    expect(spaceCan(colleague, secret, null, 'invited').join).toBe(true);
    expect(spaceCan(colleague, open, 'member', null).join).toBe(false);
    expect(spaceCan(colleague, archived, null, null).join).toBe(false);
    expect(spaceCan(guest, open, null, null).join).toBe(false);
    expect(spaceCan(guest, priv, null, 'invited').join).toBe(true);
  });

  it('lets members post, unless the space is archived, and reads by the visibility rule', () => {
    expect(spaceCan(colleague, open, null, null)).toMatchObject({ read: true, post: false });
    expect(spaceCan(colleague, priv, null, null)).toMatchObject({ read: false, post: false });
    expect(spaceCan(guest, secret, 'member', null)).toMatchObject({ read: true, post: true });
    expect(spaceCan(colleague, archived, 'owner', null)).toMatchObject({ read: true, post: false });
    expect(spaceCan(admin, priv, null, null)).toMatchObject({ read: false, post: false });
  });

  it('gives management to owners and administrators, moderation also to moderators', () => {
    expect(spaceCan(colleague, open, 'owner', null)).toMatchObject({ manage: true, moderate: true });
    expect(spaceCan(colleague, open, 'moderator', null)).toMatchObject({ manage: false, moderate: true });
    expect(spaceCan(colleague, open, 'member', null)).toMatchObject({ manage: false, moderate: false });
    expect(spaceCan(admin, open, null, null)).toMatchObject({ manage: true, moderate: true });
  });

  it('lets owners remove anyone and moderators only plain members; guests create nothing', () => {
    expect(spacesPolicy.canRemove(colleague, 'owner', 'owner')).toBe(true);
    expect(spacesPolicy.canRemove(colleague, 'moderator', 'member')).toBe(true);
    expect(spacesPolicy.canRemove(colleague, 'moderator', 'moderator')).toBe(false);
    expect(spacesPolicy.canRemove(colleague, 'moderator', 'owner')).toBe(false);
    expect(spacesPolicy.canRemove(colleague, 'member', 'member')).toBe(false);
    const actor = { name: 'N', email: 'n@example.test', locale: 'en' as const, sessionId: 's' };
    expect(spacesPolicy.canCreate({ ...actor, ...guest })).toBe(false);
    expect(spacesPolicy.canCreate({ ...actor, ...colleague })).toBe(true);
  });
});

// The notification list: what a person is told, live count, marking read, switching kinds
// off — and never a word about a post they can no longer read.
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, person, removeMember } from '../helpers/stream-fixtures.ts';

describe('notifications', () => {
  const t = useServer();

  it('tells people they were mentioned or answered, newest first, with the unread count', async () => {
    await setUpOrganisation(t.server);
    const author = await person(t.server, { name: 'Hélène Lefèvre' });
    const reader = await person(t.server);
    const post = await author.client.call(api.createPost, {
      body: { body: `Avis bienvenus @${reader.handle} #aurore` },
    });
    await reader.client.call(api.createComment, {
      params: { id: post.body.id },
      body: { body: 'Volontiers' },
    });
    const mine = await reader.client.call(api.listNotifications, { query: {} });
    expect(mine.body.unreadCount).toBe(1);
    expect(mine.body.items[0]).toMatchObject({
      kind: 'mention',
      read: false,
      actor: { id: author.id, name: 'Hélène Lefèvre' },
      post: { id: post.body.id, excerpt: `Avis bienvenus @${reader.handle} #aurore` },
    });
    const authors = await author.client.call(api.listNotifications, { query: { unread: 'true' } as never });
    expect(authors.body.items.map((n: { kind: string }) => n.kind)).toEqual(['reply']);
  });

  it('marks some or all read, only one’s own', async () => {
    const author = await person(t.server);
    const reader = await person(t.server);
    for (const text of ['un', 'deux', 'trois']) {
      await author.client.call(api.createPost, { body: { body: `${text} @${reader.handle}` } });
    }
    const list = await reader.client.call(api.listNotifications, { query: {} });
    expect(list.body.unreadCount).toBe(3);
    const first = list.body.items[0].id;
    // Someone else's ids change nothing.
    const other = await author.client.call(api.markNotificationsRead, { body: { ids: [first] } });
    expect(other.status).toBe(200);
    const one = await reader.client.call(api.markNotificationsRead, { body: { ids: [first] } });
    expect(one.body.unreadCount).toBe(2);
    const unread = await reader.client.call(api.listNotifications, { query: { unread: 'true' } as never });
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(first);
    const all = await reader.client.call(api.markNotificationsRead, { body: { all: true } });
    expect(all.body.unreadCount).toBe(0);
    const bad = await reader.client.call(api.markNotificationsRead, { body: { ids: [] } as never });
    expect(bad.status).toBe(400);
  });

  it('lets people switch a kind off, and then tells them nothing of that kind', async () => {
    const author = await person(t.server);
    const reader = await person(t.server);
    const prefs = await reader.client.call(api.getNotificationPreferences);
    expect(prefs.body.kinds).toMatchObject({ mention: true, reply: true, reaction: true });
    const off = await reader.client.call(api.updateNotificationPreferences, {
      body: { kinds: { mention: false } },
    });
    expect(off.body.kinds).toMatchObject({ mention: false, reply: true });
    await author.client.call(api.createPost, { body: { body: `Coucou @${reader.handle}` } });
    expect((await reader.client.call(api.listNotifications, { query: {} })).body.items).toEqual([]);
    const on = await reader.client.call(api.updateNotificationPreferences, {
      body: { kinds: { mention: true } },
    });
    expect(on.body.kinds.mention).toBe(true);
    const wrong = await reader.client.call(api.updateNotificationPreferences, {
      body: { kinds: { gossip: false } } as never,
    });
    expect(wrong.status).toBe(400);
  });

  it('hides notifications about posts the person can no longer read, and does not count them', async () => {
    const owner = await person(t.server);
    const member = await person(t.server);
    const space = await makeSpace(t.server, { visibility: 'private', owner, members: [member] });
    const post = await owner.client.call(api.createPost, {
      body: { spaceId: space.id, body: `Point confidentiel @${member.handle}` },
    });
    expect(post.status).toBe(201);
    expect((await member.client.call(api.listNotifications, { query: {} })).body.unreadCount).toBe(1);
    await removeMember(t.server, space.id, member);
    const after = await member.client.call(api.listNotifications, { query: {} });
    expect(after.body).toMatchObject({ items: [], unreadCount: 0 });
  });
});

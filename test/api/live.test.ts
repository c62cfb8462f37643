// The WebSocket: who may open it, what each person receives, and how fast a removed member
// stops receiving a private space's events.
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { type LiveClient, openLive } from '../helpers/live.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, person } from '../helpers/stream-fixtures.ts';

describe('live updates', () => {
  const t = useServer();
  const open: LiveClient[] = [];
  const connect = async (...args: Parameters<typeof openLive>) => {
    const live = await openLive(...args);
    open.push(live);
    return live;
  };
  afterEach(() => {
    for (const live of open.splice(0)) live.close();
  });

  it('refuses connections without a session, or from another site', async () => {
    await setUpOrganisation(t.server);
    await expect(openLive(t.server.client())).rejects.toThrow('upgrade refused: 401');
    const someone = await person(t.server);
    await expect(openLive(someone.client, { origin: 'https://evil.example' })).rejects.toThrow(
      'upgrade refused: 403',
    );
  });

  it('brings posts, comments and reactions of a private space to its members only', async () => {
    const author = await person(t.server);
    const member = await person(t.server);
    const outsider = await person(t.server);
    const space = await makeSpace(t.server, { visibility: 'private', owner: author, members: [member] });
    const memberLive = await connect(member.client);
    const outsiderLive = await connect(outsider.client);
    const post = await author.client.call(api.createPost, { body: { spaceId: space.id, body: 'En direct' } });
    expect(await memberLive.next((m) => m.type === 'post' && m.postId === post.body.id)).toEqual({
      type: 'post',
      action: 'created',
      postId: post.body.id,
      spaceId: space.id,
      authorId: author.id,
    });
    await author.client.call(api.createComment, {
      params: { id: post.body.id },
      body: { body: 'Un commentaire' },
    });
    await memberLive.next((m) => m.type === 'comment' && m.postId === post.body.id);
    await author.client.call(api.reactToPost, { params: { id: post.body.id }, body: { kind: 'celebrate' } });
    await memberLive.next((m) => m.type === 'post-counts' && m.postId === post.body.id);
    // A profile post reaches every colleague, so the outsider's socket is alive and listening.
    const profilePost = await author.client.call(api.createPost, { body: { body: 'Sur mon profil' } });
    await outsiderLive.next((m) => m.type === 'post' && m.postId === profilePost.body.id);
    expect(outsiderLive.messages.some((m) => 'postId' in m && m.postId === post.body.id)).toBe(false);
  });

  it('tells a person of their notifications, with the unread count, and nobody else', async () => {
    const author = await person(t.server);
    const mentioned = await person(t.server);
    const other = await person(t.server);
    const mentionedLive = await connect(mentioned.client);
    const otherLive = await connect(other.client);
    await author.client.call(api.createPost, { body: { body: `Bravo @${mentioned.handle}` } });
    const message = await mentionedLive.next((m) => m.type === 'notification');
    expect(message).toMatchObject({ type: 'notification', unreadCount: 1 });
    await otherLive.next((m) => m.type === 'post');
    expect(otherLive.messages.some((m) => m.type === 'notification')).toBe(false);
  });

  it('stops a removed member receiving a private space’s events within a second', async () => {
    const owner = await person(t.server);
    const member = await person(t.server);
    const created = await owner.client.call(api.createSpace, {
      body: { name: 'Projet confidentiel', type: 'project', visibility: 'private' },
    });
    const space = created.body;
    await owner.client.call(api.inviteToSpace, {
      params: { space: space.id },
      body: { userIds: [member.id] },
    });
    await member.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    const live = await connect(member.client);
    const before = await owner.client.call(api.createPost, { body: { spaceId: space.id, body: 'Avant' } });
    await live.next((m) => m.type === 'post' && m.postId === before.body.id);

    const removedAt = Date.now();
    await owner.client.call(api.removeSpaceMember, { params: { space: space.id, userId: member.id } });
    await live.next((m) => m.type === 'membership' && m.spaceId === space.id);
    expect(Date.now() - removedAt).toBeLessThan(1000);
    const after = await owner.client.call(api.createPost, { body: { spaceId: space.id, body: 'Après' } });
    await owner.client.call(api.reactToPost, { params: { id: before.body.id }, body: { kind: 'like' } });
    // A profile post after both: once it arrives, anything about the space would have too.
    const marker = await owner.client.call(api.createPost, { body: { body: 'Repère' } });
    await live.next((m) => m.type === 'post' && m.postId === marker.body.id);
    const leaked = live.messages.filter(
      (m) =>
        'postId' in m &&
        (m.postId === after.body.id || (m.type === 'post-counts' && m.postId === before.body.id)),
    );
    expect(leaked).toEqual([]);
  });

  it('closes the connections of a deactivated account at once', async () => {
    const { client: admin } = await setUpOrganisation(t.server);
    const member = await person(t.server);
    const live = await connect(member.client);
    await admin.call(api.deactivateUser, { params: { id: member.id } });
    expect(await live.closed).toBe(4401);
  });
});

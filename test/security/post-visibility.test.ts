// Who can see a post, on every read path: the post itself, the home, space, tag and profile
// feeds, bookmarks, comments, revisions, shares, reactions, polls — and notifications,
// which must never tell someone about a post they cannot read.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import {
  addMember,
  makeSpace,
  notificationsOf,
  type Person,
  person,
  post,
  removeMember,
} from '../helpers/stream-fixtures.ts';

describe('post visibility', () => {
  const t = useServer({ worker: false });

  let admin: Person;
  let author: Person;
  let member: Person;
  let colleague: Person;
  let guest: Person;
  let privateSpace: { id: string; slug: string };
  let openSpace: { id: string; slug: string };
  let secretSpace: { id: string; slug: string };
  let shareSpace: { id: string; slug: string };

  const TAG = 'visibilitycheck';

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    author = await person(t.server);
    member = await person(t.server);
    colleague = await person(t.server);
    guest = await person(t.server, { role: 'guest' });
    privateSpace = await makeSpace(t.server, { visibility: 'private', owner: author, members: [member] });
    openSpace = await makeSpace(t.server, { visibility: 'open', owner: author, members: [member] });
    secretSpace = await makeSpace(t.server, { visibility: 'secret', owner: author, members: [member] });
    // Where members share posts for everyone (and the guest) to see.
    shareSpace = await makeSpace(t.server, {
      visibility: 'open',
      owner: author,
      members: [member, colleague, guest],
    });
    // Everyone follows the author and the tag: only visibility keeps posts out of their feeds.
    for (const who of [colleague, admin, member]) {
      expect((await who.client.call(api.followPerson, { params: { id: author.id } })).status).toBe(200);
      await who.client.call(api.followTag, { params: { tag: TAG } });
    }
    await guest.client.call(api.followTag, { params: { tag: TAG } });
  });

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);

  /** Asserts on every read path that `who` cannot see the post. */
  async function expectInvisible(who: Person, postId: string, spaceRef: string | null) {
    const c = who.client;
    expect((await c.call(api.getPost, { params: { id: postId } })).status, 'getPost').toBe(404);
    expect(ids(await c.call(api.homeFeed, { query: { limit: 50 } })), 'home').not.toContain(postId);
    expect(
      ids(await c.call(api.tagFeed, { params: { tag: TAG }, query: { limit: 50 } })),
      'tag',
    ).not.toContain(postId);
    const profile = await c.call(api.profileFeed, { params: { id: author.id }, query: { limit: 50 } });
    if (profile.status === 200) expect(ids(profile), 'profile').not.toContain(postId);
    else expect(profile.status).toBe(404);
    expect(ids(await c.call(api.bookmarks, { query: { limit: 50 } })), 'bookmarks').not.toContain(postId);
    expect((await c.call(api.listComments, { params: { id: postId } })).status, 'comments').toBe(404);
    expect(
      (await c.call(api.createComment, { params: { id: postId }, body: { body: 'hi' } })).status,
      'comment',
    ).toBe(404);
    expect((await c.call(api.postRevisions, { params: { id: postId } })).status, 'revisions').toBe(404);
    expect(
      (await c.call(api.reactToPost, { params: { id: postId }, body: { kind: 'like' } })).status,
      'react',
    ).toBe(404);
    expect((await c.call(api.bookmarkPost, { params: { id: postId } })).status, 'bookmark').toBe(404);
    expect((await c.call(api.acknowledgePost, { params: { id: postId } })).status, 'acknowledge').toBe(404);
    expect((await c.call(api.acknowledgements, { params: { id: postId } })).status, 'acknowledgements').toBe(
      404,
    );
    expect(
      (await c.call(api.votePoll, { params: { id: postId }, body: { optionIds: [postId] } })).status,
      'vote',
    ).toBe(404);
    expect(
      (
        await c.call(api.createPost, {
          // Guests share in their space; colleagues on their profile.
          body: { spaceId: who.role === 'guest' ? shareSpace.id : null, body: 'share', sharedPostId: postId },
        })
      ).status,
      'share',
    ).toBe(400);
    if (spaceRef) {
      const feed = await c.call(api.spaceFeed, { params: { space: spaceRef } });
      if (feed.status === 200) expect(ids(feed), 'space feed').not.toContain(postId);
      else expect([403, 404]).toContain(feed.status);
    }
  }

  async function expectVisible(who: Person, postId: string) {
    expect((await who.client.call(api.getPost, { params: { id: postId } })).status).toBe(200);
    expect(ids(await who.client.call(api.tagFeed, { params: { tag: TAG }, query: { limit: 50 } }))).toContain(
      postId,
    );
    expect((await who.client.call(api.listComments, { params: { id: postId } })).status).toBe(200);
  }

  /** A member shares the post into the open share space; returns how `viewer` sees the share. */
  async function shareSeenBy(sharer: Person, postId: string, viewer: Person) {
    const share = await post(sharer.client, shareSpace.id, 'Have a look', { sharedPostId: postId });
    const res = await viewer.client.call(api.getPost, { params: { id: share.id } });
    expect(res.status).toBe(200);
    return res.body.shared;
  }

  describe('posts of a private space', () => {
    it('are visible to members, and to nobody else — not even administrators', async () => {
      const p = await post(author.client, privateSpace.id, `Members only #${TAG}`, {
        poll: { options: ['A', 'B'] },
      });
      await member.client.call(api.createComment, { params: { id: p.id }, body: { body: 'Inside' } });
      await expectVisible(member, p.id);
      expect(ids(await member.client.call(api.homeFeed, { query: { limit: 50 } }))).toContain(p.id);
      for (const who of [colleague, guest, admin]) await expectInvisible(who, p.id, privateSpace.slug);
    });

    it('show as unavailable when shared where others can see the share', async () => {
      const p = await post(author.client, privateSpace.id, 'Private, then shared');
      const shared = await post(member.client, shareSpace.id, 'Look', { sharedPostId: p.id });
      expect(shared.shared).toMatchObject({ id: p.id, available: true, body: 'Private, then shared' });
      for (const who of [colleague, guest]) {
        const seen = await who.client.call(api.getPost, { params: { id: shared.id } });
        expect(seen.status).toBe(200);
        expect(seen.body.shared).toEqual({ id: p.id, available: false });
      }
    });
  });

  describe('posts of an open space', () => {
    it('are visible to every colleague but not to guests who are not members', async () => {
      const p = await post(author.client, openSpace.id, `For everyone #${TAG}`);
      for (const who of [colleague, admin]) {
        await expectVisible(who, p.id);
        expect(ids(await who.client.call(api.homeFeed, { query: { limit: 50 } }))).toContain(p.id);
        expect(ids(await who.client.call(api.profileFeed, { params: { id: author.id } }))).toContain(p.id);
      }
      await expectInvisible(guest, p.id, openSpace.slug);
      expect(await shareSeenBy(member, p.id, guest)).toEqual({ id: p.id, available: false });
    });
  });

  describe('posts of a secret space', () => {
    it('never leak to non-members', async () => {
      const p = await post(author.client, secretSpace.id, `Hush #${TAG}`);
      for (const who of [colleague, guest, admin]) {
        await expectInvisible(who, p.id, secretSpace.slug);
        expect((await who.client.call(api.spaceFeed, { params: { space: secretSpace.slug } })).status).toBe(
          404,
        );
        expect((await who.client.call(api.pinnedPosts, { params: { space: secretSpace.id } })).status).toBe(
          404,
        );
        expect(await shareSeenBy(member, p.id, who)).toEqual({ id: p.id, available: false });
      }
    });
  });

  describe('profile posts', () => {
    it('are visible to colleagues and not to guests', async () => {
      const p = await post(author.client, null, `On my profile #${TAG}`);
      await expectVisible(colleague, p.id);
      await expectInvisible(guest, p.id, null);
    });
  });

  describe('deleted posts', () => {
    it('disappear everywhere, for everyone, the author included', async () => {
      const p = await post(author.client, openSpace.id, `Soon gone #${TAG}`);
      await member.client.call(api.bookmarkPost, { params: { id: p.id } });
      const share = await post(member.client, shareSpace.id, 'See this', { sharedPostId: p.id });
      expect((await author.client.call(api.deletePost, { params: { id: p.id } })).status).toBe(204);
      for (const who of [author, member, colleague]) await expectInvisible(who, p.id, openSpace.slug);
      const seen = await colleague.client.call(api.getPost, { params: { id: share.id } });
      expect(seen.body.shared).toEqual({ id: p.id, available: false });
    });
  });

  describe('a member removed from a private space', () => {
    it('no longer sees its posts anywhere, bookmarks included', async () => {
      const leaver = await person(t.server);
      await addMember(t.server, privateSpace.id, leaver);
      await leaver.client.call(api.followTag, { params: { tag: TAG } });
      const p = await post(author.client, privateSpace.id, `Before you go #${TAG}`);
      expect(ids(await leaver.client.call(api.homeFeed, {}))).toContain(p.id);
      await leaver.client.call(api.bookmarkPost, { params: { id: p.id } });
      expect(ids(await leaver.client.call(api.bookmarks, {}))).toContain(p.id);

      await removeMember(t.server, privateSpace.id, leaver);
      await expectInvisible(leaver, p.id, privateSpace.slug);
      expect((await leaver.client.call(api.spaceFeed, { params: { space: privateSpace.slug } })).status).toBe(
        403,
      );
    });
  });

  describe('notifications', () => {
    it('are never created for people who cannot see the post', async () => {
      const p = await post(
        author.client,
        privateSpace.id,
        `Hey @${member.handle} @${colleague.handle} @${guest.handle}`,
      );
      expect((await notificationsOf(t.server, member.id)).some((n) => n.post_id === p.id)).toBe(true);
      expect((await notificationsOf(t.server, colleague.id)).some((n) => n.post_id === p.id)).toBe(false);
      expect((await notificationsOf(t.server, guest.id)).some((n) => n.post_id === p.id)).toBe(false);

      const open = await post(author.client, openSpace.id, `Open @${colleague.handle} @${guest.handle}`);
      expect((await notificationsOf(t.server, colleague.id)).some((n) => n.post_id === open.id)).toBe(true);
      expect((await notificationsOf(t.server, guest.id)).some((n) => n.post_id === open.id)).toBe(false);

      // Mentions added by an edit and in comments follow the same rule.
      await author.client.call(api.updatePost, {
        params: { id: p.id },
        body: { body: `Edited @${colleague.handle}` },
      });
      await member.client.call(api.createComment, {
        params: { id: p.id },
        body: { body: `Also @${guest.handle} @${colleague.handle}` },
      });
      expect((await notificationsOf(t.server, colleague.id)).some((n) => n.post_id === p.id)).toBe(false);
      expect((await notificationsOf(t.server, guest.id)).some((n) => n.post_id === p.id)).toBe(false);

      // An author removed from their space is not told of reactions and replies there.
      const writer = await person(t.server);
      await addMember(t.server, privateSpace.id, writer);
      const mine = await post(writer.client, privateSpace.id, 'I will leave');
      await removeMember(t.server, privateSpace.id, writer);
      await member.client.call(api.reactToPost, { params: { id: mine.id }, body: { kind: 'like' } });
      await member.client.call(api.createComment, { params: { id: mine.id }, body: { body: 'Bye' } });
      expect(await notificationsOf(t.server, writer.id)).toEqual([]);
    });
  });
});

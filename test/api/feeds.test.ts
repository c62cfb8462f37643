// Feeds: what comes into the home feed (joined spaces, followed people and tags, one's own
// posts), paging without duplicates or gaps while new posts arrive, catching up with
// newerThan, and the space, tag and profile feeds.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { allPages, makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('feeds', () => {
  const t = useServer({ worker: false });

  let author: Person;
  let other: Person;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    author = await person(t.server);
    other = await person(t.server);
  });

  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((p) => p.id);

  describe('the home feed', () => {
    it('brings joined spaces, followed people, followed tags and one’s own posts, newest first', async () => {
      const viewer = await person(t.server);
      const joined = await makeSpace(t.server, { visibility: 'private', owner: author, members: [viewer] });
      const open = await makeSpace(t.server, { visibility: 'open', owner: other, members: [author] });
      const closed = await makeSpace(t.server, { visibility: 'private', owner: author });

      const inJoined = await post(author.client, joined.id, 'In a space I joined');
      const byFollowed = await post(author.client, open.id, 'By someone I follow, in an open space');
      const followedButHidden = await post(
        author.client,
        closed.id,
        'By someone I follow, #rust but private',
      );
      const byOtherInOpen = await post(other.client, open.id, 'Someone else in an open space');
      const tagged = await post(other.client, open.id, 'All about #Rust');
      const profile = await post(author.client, null, 'On the followed person’s profile');
      const mine = await post(viewer.client, null, 'My own post');

      expect((await viewer.client.call(api.followPerson, { params: { id: author.id } })).status).toBe(200);
      expect((await viewer.client.call(api.followTag, { params: { tag: 'RUST' } })).status).toBe(200);

      const feed = await viewer.client.call(api.homeFeed, {});
      expect(feed.status).toBe(200);
      expect(ids(feed)).toEqual([mine.id, profile.id, tagged.id, byFollowed.id, inJoined.id]);
      expect(ids(feed)).not.toContain(followedButHidden.id);
      expect(ids(feed)).not.toContain(byOtherInOpen.id);
      expect(feed.body.nextCursor).toBeNull();
    });

    it('pages without duplicates or gaps while new posts arrive, and newerThan catches up', async () => {
      const viewer = await person(t.server);
      const space = await makeSpace(t.server, { visibility: 'private', owner: author, members: [viewer] });
      const followed = await person(t.server);
      await viewer.client.call(api.followPerson, { params: { id: followed.id } });
      const before: string[] = [];
      for (let i = 0; i < 23; i++) {
        const who = i % 3 === 0 ? followed : author;
        before.push((await post(who.client, i % 3 === 0 ? null : space.id, `Post ${i}`)).id);
      }
      const expected = [...before].reverse();

      const seen: string[] = [];
      const arrived: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const res = await viewer.client.call(api.homeFeed, { query: { limit: 5, cursor } });
        expect(res.status).toBe(200);
        seen.push(...ids(res));
        // Someone posts between two pages.
        arrived.push((await post(author.client, space.id, `New ${page}`)).id);
        cursor = res.body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen).toEqual(expected);

      const newest = expected[0]!;
      const caughtUp = await viewer.client.call(api.homeFeed, { query: { newerThan: newest, limit: 50 } });
      expect(ids(caughtUp)).toEqual([...arrived].reverse());
      // Catching up pages too, with the same cursor.
      const first = await viewer.client.call(api.homeFeed, { query: { newerThan: newest, limit: 2 } });
      const rest = await viewer.client.call(api.homeFeed, {
        query: { newerThan: newest, limit: 50, cursor: first.body.nextCursor },
      });
      expect([...ids(first), ...ids(rest)]).toEqual([...arrived].reverse());
    });

    it('rejects a cursor it did not issue', async () => {
      const res = await other.client.call(api.homeFeed, { query: { cursor: 'not-a-cursor' } });
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('cursor');
    });

    it('leaves out deleted posts', async () => {
      const viewer = await person(t.server);
      const space = await makeSpace(t.server, { visibility: 'open', owner: author, members: [viewer] });
      const gone = await post(author.client, space.id, 'Soon gone');
      const kept = await post(author.client, space.id, 'Kept');
      await author.client.call(api.deletePost, { params: { id: gone.id } });
      expect(ids(await viewer.client.call(api.homeFeed, {}))).toEqual([kept.id]);
    });
  });

  describe('the space feed', () => {
    it('lists a readable space’s posts by id or slug, with paging', async () => {
      const space = await makeSpace(t.server, { visibility: 'open', owner: author });
      const posted: string[] = [];
      for (let i = 0; i < 7; i++) posted.push((await post(author.client, space.id, `S${i}`)).id);
      expect(await allPages(other.client, api.spaceFeed, { space: space.slug }, 3)).toEqual(
        [...posted].reverse(),
      );
      const byId = await other.client.call(api.spaceFeed, { params: { space: space.id } });
      expect(ids(byId)).toEqual([...posted].reverse());
      expect(byId.body.items[0].space).toEqual({
        id: space.id,
        slug: space.slug,
        name: space.name,
        external: false,
      });
    });

    it('is 403 for a private space one is not in, 404 for a secret or unknown one', async () => {
      const priv = await makeSpace(t.server, { visibility: 'private', owner: author });
      const secret = await makeSpace(t.server, { visibility: 'secret', owner: author });
      expect((await other.client.call(api.spaceFeed, { params: { space: priv.slug } })).status).toBe(403);
      expect((await other.client.call(api.pinnedPosts, { params: { space: priv.slug } })).status).toBe(403);
      expect((await other.client.call(api.spaceFeed, { params: { space: secret.slug } })).status).toBe(404);
      expect((await other.client.call(api.spaceFeed, { params: { space: 'no-such-space' } })).status).toBe(
        404,
      );
      expect((await author.client.call(api.spaceFeed, { params: { space: secret.id } })).status).toBe(200);
    });
  });

  describe('tag and profile feeds', () => {
    it('the tag feed lists readable posts carrying the tag, whatever its case', async () => {
      const open = await makeSpace(t.server, { visibility: 'open', owner: author });
      const priv = await makeSpace(t.server, { visibility: 'private', owner: author });
      const a = await post(author.client, open.id, 'About #Kayak');
      const b = await post(other.client, null, 'Also #kayak');
      await post(author.client, priv.id, 'Secret #kayak');
      await post(author.client, open.id, 'About #canoe');
      const res = await other.client.call(api.tagFeed, { params: { tag: 'KAYAK' } });
      expect(ids(res)).toEqual([b.id, a.id]);
      const tag = await other.client.call(api.getTag, { params: { tag: '#Kayak' } });
      expect(tag.body).toEqual({ tag: 'kayak', following: false });
      expect((await other.client.call(api.tagFeed, { params: { tag: 'not a tag!' } })).status).toBe(400);
    });

    it('the profile feed lists one person’s posts the viewer may read', async () => {
      const writer = await person(t.server);
      const open = await makeSpace(t.server, { visibility: 'open', owner: writer });
      const priv = await makeSpace(t.server, { visibility: 'private', owner: writer });
      const a = await post(writer.client, null, 'Profile');
      const b = await post(writer.client, open.id, 'Open');
      const c = await post(writer.client, priv.id, 'Private');
      expect(ids(await other.client.call(api.profileFeed, { params: { id: writer.id } }))).toEqual([
        b.id,
        a.id,
      ]);
      expect(ids(await writer.client.call(api.profileFeed, { params: { id: writer.id } }))).toEqual([
        c.id,
        b.id,
        a.id,
      ]);
    });
  });

  describe('hydrated posts', () => {
    it('carry the link preview once it is ready', async () => {
      const p = await post(author.client, null, 'Read https://example.com/article');
      await t.server.ctx.db
        .updateTable('link_previews')
        .set({ status: 'ready', title: 'An article', description: 'About things', site_name: 'Example' })
        .where('url', '=', 'https://example.com/article')
        .execute();
      await caughtUp(t.server.ctx);
      const seen = await other.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body.link).toEqual({
        url: 'https://example.com/article',
        status: 'ready',
        title: 'An article',
        description: 'About things',
        imageUrl: null,
        siteName: 'Example',
      });
    });
  });
});

// Following people and tags, profiles, and @-completion.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { newId } from '../../server/platform/ids.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';

describe('follows', () => {
  const t = useServer({ worker: false });

  let alice: Person;
  let bob: Person;
  let guest: Person;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    alice = await person(t.server, {
      name: 'Alice Martin',
      email: `alice.martin-${Date.now()}@example.test`,
    });
    bob = await person(t.server, { name: 'Bob Durand' });
    guest = await person(t.server, { role: 'guest', name: 'Gaston Guest' });
    const department = newId();
    await t.server.ctx.db
      .insertInto('departments')
      .values({ id: department, name: 'Research', created_at: t.server.clock.now() })
      .execute();
    await t.server.ctx.db
      .updateTable('users')
      .set({ department_id: department, job_title: 'Chemist' })
      .where('id', '=', alice.id)
      .execute();
  });

  describe('following people', () => {
    it('follows and unfollows, idempotently, and the profile shows it', async () => {
      const follow = await bob.client.call(api.followPerson, { params: { id: alice.id } });
      expect(follow.status).toBe(200);
      expect(follow.body).toEqual({ following: true });
      expect((await bob.client.call(api.followPerson, { params: { id: alice.id } })).body).toEqual({
        following: true,
      });
      const profile = await bob.client.call(api.getProfile, { params: { id: alice.id } });
      expect(profile.body).toEqual({
        person: { id: alice.id, name: 'Alice Martin', handle: alice.handle, jobTitle: 'Chemist' },
        department: 'Research',
        site: null,
        following: true,
        followerCount: 1,
        isMe: false,
      });
      const own = await alice.client.call(api.getProfile, { params: { id: alice.id } });
      expect(own.body).toMatchObject({ following: false, followerCount: 1, isMe: true });
      expect((await bob.client.call(api.unfollowPerson, { params: { id: alice.id } })).body).toEqual({
        following: false,
      });
      expect((await bob.client.call(api.unfollowPerson, { params: { id: alice.id } })).body).toEqual({
        following: false,
      });
      expect((await alice.client.call(api.getProfile, { params: { id: alice.id } })).body.followerCount).toBe(
        0,
      );
      const activity = await t.server.ctx.db
        .selectFrom('activity_events')
        .select('verb')
        .where('actor_id', '=', bob.id)
        .where('object_id', '=', alice.id)
        .orderBy('id')
        .execute();
      expect(activity.map((a) => a.verb)).toEqual(['person.followed', 'person.unfollowed']);
    });

    it('refuses following oneself, unknown people and guests; guests follow nobody', async () => {
      const self = await bob.client.call(api.followPerson, { params: { id: bob.id } });
      expect(self.status).toBe(400);
      expect(self.body.error.details.issues[0].field).toBe('id');
      expect((await bob.client.call(api.followPerson, { params: { id: newId() } })).status).toBe(404);
      expect((await bob.client.call(api.followPerson, { params: { id: guest.id } })).status).toBe(404);
      expect((await guest.client.call(api.followPerson, { params: { id: bob.id } })).status).toBe(403);
    });

    it('shows profiles to colleagues; a guest sees only their own', async () => {
      expect((await guest.client.call(api.getProfile, { params: { id: bob.id } })).status).toBe(404);
      expect((await guest.client.call(api.profileFeed, { params: { id: bob.id } })).status).toBe(404);
      expect((await guest.client.call(api.getProfile, { params: { id: guest.id } })).status).toBe(200);
      expect((await bob.client.call(api.getProfile, { params: { id: newId() } })).status).toBe(404);
    });
  });

  describe('following tags', () => {
    it('normalises tags and follows them idempotently', async () => {
      const res = await bob.client.call(api.followTag, { params: { tag: '#Chemistry' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ tag: 'chemistry', following: true });
      expect((await bob.client.call(api.followTag, { params: { tag: 'chemistry' } })).body.following).toBe(
        true,
      );
      expect((await bob.client.call(api.getTag, { params: { tag: 'CHEMISTRY' } })).body).toEqual({
        tag: 'chemistry',
        following: true,
      });
      expect((await alice.client.call(api.getTag, { params: { tag: 'chemistry' } })).body.following).toBe(
        false,
      );
      expect((await bob.client.call(api.unfollowTag, { params: { tag: 'Chemistry' } })).body).toEqual({
        tag: 'chemistry',
        following: false,
      });
      const invalid = await bob.client.call(api.followTag, { params: { tag: 'two words' } });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.details.issues[0].field).toBe('tag');
    });
  });

  describe('mention suggestions', () => {
    it('suggests colleagues by handle or name, and spaces the viewer may see', async () => {
      const open = await makeSpace(t.server, { visibility: 'open', owner: alice, name: 'Alpine Club' });
      const secret = await makeSpace(t.server, { visibility: 'secret', owner: alice, name: 'Alpha Secret' });
      const byHandle = await bob.client.call(api.mentionSuggestions, {
        query: { q: `@${alice.handle.slice(0, 4)}` },
      });
      expect(byHandle.status).toBe(200);
      expect(byHandle.body.people).toContainEqual({
        id: alice.id,
        name: 'Alice Martin',
        handle: alice.handle,
      });
      const byName = await bob.client.call(api.mentionSuggestions, { query: { q: 'mart' } });
      expect(byName.body.people.map((p: { id: string }) => p.id)).toContain(alice.id);
      const spaces = await bob.client.call(api.mentionSuggestions, { query: { q: 'alp' } });
      expect(spaces.body.spaces.map((s: { id: string }) => s.id)).toEqual([open.id].filter(Boolean));
      const mine = await alice.client.call(api.mentionSuggestions, { query: { q: 'alp' } });
      expect(mine.body.spaces.map((s: { id: string }) => s.id).sort()).toEqual([open.id, secret.id].sort());
      // Wildcards are text.
      expect((await bob.client.call(api.mentionSuggestions, { query: { q: '%' } })).body.people).toEqual([]);
    });

    it('gives guests no people, only their own spaces', async () => {
      const theirs = await makeSpace(t.server, {
        visibility: 'private',
        owner: alice,
        members: [guest],
        name: 'Gamma',
      });
      await makeSpace(t.server, { visibility: 'open', owner: alice, name: 'Gamma Open' });
      const res = await guest.client.call(api.mentionSuggestions, { query: { q: 'gam' } });
      expect(res.body.people).toEqual([]);
      expect(res.body.spaces.map((s: { id: string }) => s.id)).toEqual([theirs.id]);
      expect((await guest.client.call(api.mentionSuggestions, { query: { q: 'ali' } })).body.people).toEqual(
        [],
      );
    });
  });
});

// Reactions on posts and comments: one per person, replaced by a new kind, removed on
// request; the counts stay exact under parallel reactions.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('reactions', () => {
  const t = useServer({ worker: false });

  let author: Person;
  let alice: Person;
  let bob: Person;
  let outsider: Person;
  let space: { id: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    author = await person(t.server);
    alice = await person(t.server);
    bob = await person(t.server);
    outsider = await person(t.server);
    space = await makeSpace(t.server, { visibility: 'private', owner: author, members: [alice, bob] });
  });

  const react = (who: Person, id: string, kind: string) =>
    who.client.call(api.reactToPost, { params: { id }, body: { kind } });

  describe('reactions to posts', () => {
    it('one per person: a new kind replaces the old one, and removing takes it away', async () => {
      const p = await post(author.client, space.id, 'React to me');
      const first = await react(alice, p.id, 'like');
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ reactions: { like: 1 }, myReaction: 'like' });
      expect((await react(bob, p.id, 'like')).body).toEqual({ reactions: { like: 2 }, myReaction: 'like' });
      expect((await react(alice, p.id, 'celebrate')).body).toEqual({
        reactions: { like: 1, celebrate: 1 },
        myReaction: 'celebrate',
      });
      expect((await react(alice, p.id, 'celebrate')).body.reactions).toEqual({ like: 1, celebrate: 1 });
      const removed = await alice.client.call(api.unreactToPost, { params: { id: p.id } });
      expect(removed.body).toEqual({ reactions: { like: 1 }, myReaction: null });
      const again = await alice.client.call(api.unreactToPost, { params: { id: p.id } });
      expect(again.body).toEqual({ reactions: { like: 1 }, myReaction: null });

      const seen = await bob.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body).toMatchObject({ reactions: { like: 1 }, myReaction: 'like' });
    });

    it('rejects kinds outside the fixed set', async () => {
      const p = await post(author.client, space.id, 'Only five kinds');
      const res = await react(alice, p.id, 'angry');
      expect(res.status).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('kind');
    });

    it('notifies the author once, when a reaction is added — not when it changes', async () => {
      const p = await post(author.client, space.id, 'Notify me');
      await react(alice, p.id, 'like');
      await react(alice, p.id, 'support');
      await alice.client.call(api.unreactToPost, { params: { id: p.id } });
      const notes = (await notificationsOf(t.server, author.id)).filter((n) => n.post_id === p.id);
      expect(notes).toEqual([{ kind: 'reaction', post_id: p.id, comment_id: null, actor_id: alice.id }]);
    });

    it('cannot be left on a post one cannot read', async () => {
      const p = await post(author.client, space.id, 'Members only');
      expect((await react(outsider, p.id, 'like')).status).toBe(404);
    });

    it('keeps exact counts when twenty people react at once', async () => {
      const open = await makeSpace(t.server, { visibility: 'open', owner: author });
      const p = await post(author.client, open.id, 'Everyone, react!');
      const people = await Promise.all(Array.from({ length: 20 }, () => person(t.server)));
      const kinds = ['like', 'celebrate', 'support', 'insightful', 'curious'];
      const results = await Promise.all(people.map((who, i) => react(who, p.id, kinds[i % 5]!)));
      expect(results.map((r) => r.status)).toEqual(people.map(() => 200));
      let seen = await author.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body.reactions).toEqual({ like: 4, celebrate: 4, support: 4, insightful: 4, curious: 4 });
      // Half of them change their mind, the other half withdraw, all at once.
      await Promise.all(
        people.map((who, i) =>
          i % 2 === 0
            ? react(who, p.id, 'like')
            : who.client.call(api.unreactToPost, { params: { id: p.id } }),
        ),
      );
      seen = await author.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body.reactions).toEqual({ like: 10 });
      const rows = await t.server.ctx.db
        .selectFrom('reactions')
        .select('kind')
        .where('post_id', '=', p.id)
        .execute();
      expect(rows).toHaveLength(10);
    });
  });

  describe('reactions to comments', () => {
    it('work the same way and notify the comment’s author', async () => {
      const p = await post(author.client, space.id, 'Comment here');
      const c = await alice.client.call(api.createComment, {
        params: { id: p.id },
        body: { body: 'A comment' },
      });
      const res = await bob.client.call(api.reactToComment, {
        params: { id: c.body.id },
        body: { kind: 'insightful' },
      });
      expect(res.body).toEqual({ reactions: { insightful: 1 }, myReaction: 'insightful' });
      const listed = await bob.client.call(api.listComments, { params: { id: p.id } });
      expect(listed.body.items[0]).toMatchObject({ reactions: { insightful: 1 }, myReaction: 'insightful' });
      const removed = await bob.client.call(api.unreactToComment, { params: { id: c.body.id } });
      expect(removed.body).toEqual({ reactions: {}, myReaction: null });
      const notes = (await notificationsOf(t.server, alice.id)).filter((n) => n.comment_id === c.body.id);
      expect(notes).toEqual([{ kind: 'reaction', post_id: p.id, comment_id: c.body.id, actor_id: bob.id }]);
      expect(
        (
          await outsider.client.call(api.reactToComment, {
            params: { id: c.body.id },
            body: { kind: 'like' },
          })
        ).status,
      ).toBe(404);
    });
  });
});

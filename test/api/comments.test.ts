// Comments: one level of replies, notifications to the people concerned, the count on the
// post, editing and deleting (by the author or a moderator).
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('comment endpoints', () => {
  const t = useServer({ worker: false });

  let author: Person;
  let alice: Person;
  let bob: Person;
  let moderator: Person;
  let outsider: Person;
  let space: { id: string };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    author = await person(t.server);
    alice = await person(t.server);
    bob = await person(t.server);
    moderator = await person(t.server);
    outsider = await person(t.server);
    space = await makeSpace(t.server, {
      visibility: 'private',
      owner: author,
      members: [alice, bob, [moderator, 'moderator']],
    });
  });

  const comment = async (who: Person, postId: string, body: string, parentId?: string) => {
    const res = await who.client.call(api.createComment, {
      params: { id: postId },
      body: { body, parentId },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const list = async (who: Person, postId: string) => {
    const res = await who.client.call(api.listComments, { params: { id: postId } });
    expect(res.status).toBe(200);
    return res.body.items as { id: string; parentId: string | null; body: string }[];
  };
  const count = async (who: Person, postId: string) =>
    (await who.client.call(api.getPost, { params: { id: postId } })).body.commentCount;

  describe('comments', () => {
    it('lists oldest first, each reply right after its parent', async () => {
      const p = await post(author.client, space.id, 'Thoughts?');
      const c1 = await comment(alice, p.id, 'First');
      const c2 = await comment(bob, p.id, 'Second');
      const r1 = await comment(author, p.id, 'Reply to first', c1.id);
      const r2 = await comment(bob, p.id, 'Another reply to first', c1.id);
      const r3 = await comment(alice, p.id, 'Reply to second', c2.id);
      expect(c1).toMatchObject({
        postId: p.id,
        parentId: null,
        author: { id: alice.id },
        body: 'First',
        editedAt: null,
        reactions: {},
        myReaction: null,
        can: { edit: true, delete: true },
      });
      expect((await list(bob, p.id)).map((c) => c.id)).toEqual([c1.id, r1.id, r2.id, c2.id, r3.id]);
      expect(await count(bob, p.id)).toBe(5);
    });

    it('replies only to a top-level comment of the same post', async () => {
      const p = await post(author.client, space.id, 'Post');
      const other = await post(author.client, space.id, 'Other');
      const top = await comment(alice, p.id, 'Top');
      const reply = await comment(bob, p.id, 'Reply', top.id);
      const elsewhere = await comment(alice, other.id, 'Elsewhere');
      for (const parentId of [reply.id, elsewhere.id]) {
        const res = await alice.client.call(api.createComment, {
          params: { id: p.id },
          body: { body: 'Nested', parentId },
        });
        expect(res.status).toBe(400);
        expect(res.body.error.details.issues[0].field).toBe('parentId');
      }
    });

    it('tells the post author of a comment, and the parent’s author of a reply, and mentioned readers', async () => {
      const p = await post(author.client, space.id, 'Post for replies');
      const top = await comment(alice, p.id, 'Top');
      expect((await notificationsOf(t.server, author.id)).filter((n) => n.comment_id === top.id)).toEqual([
        { kind: 'reply', post_id: p.id, comment_id: top.id, actor_id: alice.id },
      ]);
      const reply = await comment(
        bob,
        p.id,
        `Agreed, and @${moderator.handle} @${outsider.handle} should see`,
        top.id,
      );
      for (const who of [author, alice]) {
        expect((await notificationsOf(t.server, who.id)).filter((n) => n.comment_id === reply.id)).toEqual([
          { kind: 'reply', post_id: p.id, comment_id: reply.id, actor_id: bob.id },
        ]);
      }
      expect(
        (await notificationsOf(t.server, moderator.id)).filter((n) => n.comment_id === reply.id),
      ).toEqual([{ kind: 'mention', post_id: p.id, comment_id: reply.id, actor_id: bob.id }]);
      // The outsider cannot read the post: no notification at all.
      expect((await notificationsOf(t.server, outsider.id)).filter((n) => n.post_id === p.id)).toEqual([]);
      // Commenting on one's own post notifies nobody of a reply.
      const own = await comment(author, p.id, 'My own');
      expect((await notificationsOf(t.server, author.id)).filter((n) => n.comment_id === own.id)).toEqual([]);
    });

    it('are edited by their author only', async () => {
      const p = await post(author.client, space.id, 'Edit me');
      const c = await comment(alice, p.id, 'Tpyo');
      const fixed = await alice.client.call(api.updateComment, {
        params: { id: c.id },
        body: { body: 'Typo' },
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body.body).toBe('Typo');
      expect(fixed.body.editedAt).not.toBeNull();
      expect(
        (await bob.client.call(api.updateComment, { params: { id: c.id }, body: { body: 'Mine' } })).status,
      ).toBe(403);
      expect(
        (await outsider.client.call(api.updateComment, { params: { id: c.id }, body: { body: 'x' } })).status,
      ).toBe(404);
    });

    it('are deleted by their author or a moderator; a deleted comment takes its replies along', async () => {
      const p = await post(author.client, space.id, 'Delete things');
      const top = await comment(alice, p.id, 'Top');
      await comment(bob, p.id, 'Reply 1', top.id);
      await comment(alice, p.id, 'Reply 2', top.id);
      const keep = await comment(bob, p.id, 'Keep');
      const mine = await comment(bob, p.id, 'Mine');
      expect(await count(alice, p.id)).toBe(5);

      expect((await alice.client.call(api.deleteComment, { params: { id: mine.id } })).status).toBe(403);
      expect((await bob.client.call(api.deleteComment, { params: { id: mine.id } })).status).toBe(204);
      expect(await count(alice, p.id)).toBe(4);

      expect((await moderator.client.call(api.deleteComment, { params: { id: top.id } })).status).toBe(204);
      expect((await list(alice, p.id)).map((c) => c.id)).toEqual([keep.id]);
      expect(await count(alice, p.id)).toBe(1);
      const audit = await t.server.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('target_id', '=', top.id)
        .executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'comment.deleted_by_moderator', actor_id: moderator.id });
      expect((await moderator.client.call(api.deleteComment, { params: { id: top.id } })).status).toBe(404);
    });

    it('are not listed, written or read by people who cannot read the post', async () => {
      const p = await post(author.client, space.id, 'Private');
      await comment(alice, p.id, 'Inside');
      expect((await outsider.client.call(api.listComments, { params: { id: p.id } })).status).toBe(404);
      const res = await outsider.client.call(api.createComment, {
        params: { id: p.id },
        body: { body: 'Hi' },
      });
      expect(res.status).toBe(404);
    });
  });
});

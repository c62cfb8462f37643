// Posts: writing in a space or on one's profile, what the text refers to (tags, mentions,
// links), attachments, shares, announcements, editing with history, deleting, pinning,
// bookmarks.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { newId } from '../../server/platform/ids.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('posts', () => {
  const t = useServer({ worker: false });

  let admin: Person;
  let owner: Person;
  let member: Person;
  let outsider: Person;
  let guest: Person;
  let team: { id: string; slug: string };

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    owner = await person(t.server, { name: 'Olivia Owner' });
    member = await person(t.server, { name: 'Marc Member' });
    outsider = await person(t.server, { name: 'Oscar Outsider' });
    guest = await person(t.server, { role: 'guest', name: 'Gina Guest' });
    team = await makeSpace(t.server, { visibility: 'private', owner, members: [member, guest] });
  });

  async function attachment(uploaderId: string, postId: string | null = null) {
    const id = newId();
    await t.server.ctx.db
      .insertInto('attachments')
      .values({
        id,
        uploader_id: uploaderId,
        post_id: postId,
        file_name: 'plan.pdf',
        content_type: 'application/pdf',
        size_bytes: 1234,
        sha256: 'a'.repeat(64),
        storage_key: `test/${id}`,
        is_image: false,
        created_at: t.server.clock.now(),
      })
      .execute();
    return id;
  }

  describe('creating a post', () => {
    it('posts in a space the author belongs to, fully presented', async () => {
      const p = await post(member.client, team.id, 'Hello **team**');
      expect(p).toMatchObject({
        author: { id: member.id, name: 'Marc Member', handle: member.handle },
        space: { id: team.id, slug: team.slug },
        body: 'Hello **team**',
        tags: [],
        mentions: [],
        link: null,
        attachments: [],
        poll: null,
        shared: null,
        isAnnouncement: false,
        acknowledgement: null,
        pinned: false,
        commentCount: 0,
        reactions: {},
        myReaction: null,
        bookmarked: false,
        editedAt: null,
        can: { edit: true, delete: true, pin: false, comment: true },
      });
      const activity = await t.server.ctx.db
        .selectFrom('activity_events')
        .selectAll()
        .where('object_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(activity).toMatchObject({ verb: 'post.created', actor_id: member.id, space_id: team.id });
    });

    it('posts on the author’s profile when no space is given', async () => {
      const res = await member.client.call(api.createPost, { body: { body: 'On my profile' } });
      expect(res.status).toBe(201);
      expect(res.body.space).toBeNull();
      const seen = await outsider.client.call(api.getPost, { params: { id: res.body.id } });
      expect(seen.status).toBe(200);
    });

    it('refuses a space the author is not a member of: 403 when listed, 404 when secret', async () => {
      const listed = await outsider.client.call(api.createPost, { body: { spaceId: team.id, body: 'Hi' } });
      expect(listed.status).toBe(403);
      const secret = await makeSpace(t.server, { visibility: 'secret', owner });
      const hidden = await outsider.client.call(api.createPost, { body: { spaceId: secret.id, body: 'Hi' } });
      expect(hidden.status).toBe(404);
      const nowhere = await outsider.client.call(api.createPost, { body: { spaceId: newId(), body: 'Hi' } });
      expect(nowhere.status).toBe(404);
      const open = await makeSpace(t.server, { visibility: 'open', owner });
      const notJoined = await outsider.client.call(api.createPost, {
        body: { spaceId: open.id, body: 'Hi' },
      });
      expect(notJoined.status).toBe(403);
    });

    it('refuses posts in an archived space', async () => {
      const archived = await makeSpace(t.server, {
        visibility: 'open',
        owner,
        members: [member],
        archived: true,
      });
      const res = await member.client.call(api.createPost, { body: { spaceId: archived.id, body: 'Late' } });
      expect(res.status).toBe(403);
    });

    it('lets guests post in their spaces but not on profiles', async () => {
      await post(guest.client, team.id, 'Guest here');
      const res = await guest.client.call(api.createPost, { body: { body: 'My profile' } });
      expect(res.status).toBe(403);
    });

    it('rejects empty and oversized bodies, naming the field', async () => {
      const empty = await member.client.call(api.createPost, { body: { spaceId: team.id, body: '   ' } });
      expect(empty.status).toBe(400);
      expect(empty.body.error.details.issues[0].field).toBe('body');
      const big = await member.client.call(api.createPost, {
        body: { spaceId: team.id, body: 'x'.repeat(10_001) },
      });
      expect(big.status).toBe(400);
    });

    it('records tags (lowercase, at most 20), mentions of active people and the first link', async () => {
      const gone = await person(t.server, { name: 'Gone Person' });
      await t.server.ctx.db
        .updateTable('users')
        .set({ status: 'deactivated' })
        .where('id', '=', gone.id)
        .execute();
      await caughtUp(t.server.ctx);
      const tags = Array.from({ length: 25 }, (_, i) => `#t${i}`).join(' ');
      const p = await post(
        member.client,
        team.id,
        `#Launch #launch @${owner.handle} @${gone.handle} @nobody-here see https://example.com/a and https://example.org/b ${tags}`,
      );
      expect(p.tags).toHaveLength(20);
      expect(p.tags).toContain('launch');
      expect(p.mentions.map((m: { id: string }) => m.id)).toEqual([owner.id]);
      expect(p.link).toEqual({
        url: 'https://example.com/a',
        status: 'pending',
        title: null,
        description: null,
        imageUrl: null,
        siteName: null,
      });
      const jobs = await t.server.ctx.db
        .selectFrom('jobs')
        .select(['name', 'payload'])
        .where('name', '=', 'link.preview')
        .execute();
      expect(jobs.filter((j) => (j.payload as { url: string }).url === 'https://example.com/a')).toHaveLength(
        1,
      );
      // The same link again shares the preview row and fetches nothing more.
      const again = await post(member.client, team.id, 'Again https://example.com/a');
      expect(again.link.url).toBe('https://example.com/a');
      const after = await t.server.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', 'link.preview')
        .execute();
      expect(after).toHaveLength(jobs.length);
    });

    it('notifies mentioned people who can read the post, and only them', async () => {
      const p = await post(member.client, team.id, `Ping @${owner.handle} and @${outsider.handle}`);
      const ownerNotes = await notificationsOf(t.server, owner.id);
      expect(ownerNotes).toContainEqual({
        kind: 'mention',
        post_id: p.id,
        comment_id: null,
        actor_id: member.id,
      });
      const outsiderNotes = await notificationsOf(t.server, outsider.id);
      expect(outsiderNotes.filter((n) => n.post_id === p.id)).toEqual([]);
    });

    it('links the author’s unattached uploads, and refuses anyone else’s', async () => {
      const mine = await attachment(member.id);
      const p = await post(member.client, team.id, 'The plan', { attachmentIds: [mine] });
      expect(p.attachments).toEqual([
        {
          id: mine,
          fileName: 'plan.pdf',
          contentType: 'application/pdf',
          sizeBytes: 1234,
          isImage: false,
          url: `/api/v1/attachments/${mine}/content`,
        },
      ]);
      const reused = await member.client.call(api.createPost, {
        body: { spaceId: team.id, body: 'Again', attachmentIds: [mine] },
      });
      expect(reused.status).toBe(400);
      expect(reused.body.error.details.issues[0].field).toBe('attachmentIds');
      const theirs = await attachment(owner.id);
      const stolen = await member.client.call(api.createPost, {
        body: { spaceId: team.id, body: 'Theirs', attachmentIds: [theirs] },
      });
      expect(stolen.status).toBe(400);
      expect(stolen.body.error.details.issues[0].field).toBe('attachmentIds');
      // Nothing was written by the refused post.
      const row = await t.server.ctx.db
        .selectFrom('attachments')
        .select('post_id')
        .where('id', '=', theirs)
        .executeTakeFirstOrThrow();
      expect(row.post_id).toBeNull();
    });

    it('shares a readable post with a comment', async () => {
      const original = await post(owner.client, null, 'Worth reading');
      const share = await post(member.client, team.id, 'Look at this', { sharedPostId: original.id });
      expect(share.body).toBe('Look at this');
      expect(share.shared).toMatchObject({ id: original.id, available: true, body: 'Worth reading' });
      const secret = await makeSpace(t.server, { visibility: 'secret', owner });
      const hidden = await post(owner.client, secret.id, 'Secret');
      const refused = await member.client.call(api.createPost, {
        body: { spaceId: team.id, body: 'Leak', sharedPostId: hidden.id },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.issues[0].field).toBe('sharedPostId');
    });
  });

  describe('announcements', () => {
    it('are made by space owners and moderators, and notify every member', async () => {
      const refused = await member.client.call(api.createPost, {
        body: { spaceId: team.id, body: 'Hear me', isAnnouncement: true },
      });
      expect(refused.status).toBe(403);
      const profile = await admin.client.call(api.createPost, {
        body: { body: 'Hear me', isAnnouncement: true },
      });
      expect(profile.status).toBe(400);
      expect(profile.body.error.details.issues[0].field).toBe('isAnnouncement');

      const a = await post(owner.client, team.id, 'Read the new rules', { isAnnouncement: true });
      expect(a.acknowledgement).toEqual({ acknowledged: false, count: 0 });
      for (const p of [member, guest]) {
        const notes = await notificationsOf(t.server, p.id);
        expect(notes).toContainEqual({
          kind: 'announcement',
          post_id: a.id,
          comment_id: null,
          actor_id: owner.id,
        });
      }
      expect((await notificationsOf(t.server, outsider.id)).some((n) => n.post_id === a.id)).toBe(false);
    });

    it('are acknowledged once per person; the author sees who has and who has not', async () => {
      const a = await post(owner.client, team.id, 'Please confirm', { isAnnouncement: true });
      const first = await member.client.call(api.acknowledgePost, { params: { id: a.id } });
      expect(first.status).toBe(200);
      expect(first.body.acknowledgement).toEqual({ acknowledged: true, count: 1 });
      const again = await member.client.call(api.acknowledgePost, { params: { id: a.id } });
      expect(again.body.acknowledgement).toEqual({ acknowledged: true, count: 1 });

      const list = await owner.client.call(api.acknowledgements, { params: { id: a.id } });
      expect(list.status).toBe(200);
      expect(list.body.acknowledged.map((p: { id: string }) => p.id)).toEqual([member.id]);
      // The author is not asked to acknowledge their own announcement.
      expect(list.body.pending.map((p: { id: string }) => p.id)).toEqual([guest.id]);
      expect((await member.client.call(api.acknowledgements, { params: { id: a.id } })).status).toBe(403);
      expect((await outsider.client.call(api.acknowledgements, { params: { id: a.id } })).status).toBe(404);

      const plain = await post(member.client, team.id, 'Not an announcement');
      expect((await owner.client.call(api.acknowledgePost, { params: { id: plain.id } })).status).toBe(409);
    });
  });

  describe('editing and deleting', () => {
    it('keeps earlier texts, marks the post edited and re-derives its references', async () => {
      const p = await post(member.client, team.id, 'First #draft');
      const other = await person(t.server);
      const edited = await member.client.call(api.updatePost, {
        params: { id: p.id },
        body: { body: `Second #final with @${owner.handle} https://example.net/x` },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.tags).toEqual(['final']);
      expect(edited.body.mentions.map((m: { id: string }) => m.id)).toEqual([owner.id]);
      expect(edited.body.link.url).toBe('https://example.net/x');
      expect(edited.body.editedAt).not.toBeNull();
      await member.client.call(api.updatePost, {
        params: { id: p.id },
        body: { body: `Third @${owner.handle}` },
      });
      await member.client.call(api.updatePost, { params: { id: p.id }, body: { body: 'Fourth' } });
      await member.client.call(api.updatePost, {
        params: { id: p.id },
        body: { body: `Fifth @${owner.handle}` },
      });

      const revisions = await owner.client.call(api.postRevisions, { params: { id: p.id } });
      expect(revisions.status).toBe(200);
      expect(revisions.body.items.map((r: { body: string }) => r.body)).toEqual([
        'First #draft',
        `Second #final with @${owner.handle} https://example.net/x`,
        `Third @${owner.handle}`,
        'Fourth',
      ]);
      expect(revisions.body.items[0].editedBy.id).toBe(member.id);
      // Mentioned again and again, told once.
      const mentions = (await notificationsOf(t.server, owner.id)).filter((n) => n.post_id === p.id);
      expect(mentions).toHaveLength(1);

      expect(
        (await owner.client.call(api.updatePost, { params: { id: p.id }, body: { body: 'Mine now' } }))
          .status,
      ).toBe(403);
      expect(
        (await other.client.call(api.updatePost, { params: { id: p.id }, body: { body: 'x' } })).status,
      ).toBe(404);
    });

    it('lets the author delete; the post then disappears', async () => {
      const p = await post(member.client, team.id, 'Oops');
      const res = await member.client.call(api.deletePost, { params: { id: p.id } });
      expect(res.status).toBe(204);
      expect((await member.client.call(api.getPost, { params: { id: p.id } })).status).toBe(404);
      expect((await member.client.call(api.deletePost, { params: { id: p.id } })).status).toBe(404);
      const audit = await t.server.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', p.id)
        .execute();
      expect(audit).toEqual([]);
    });

    it('lets space moderators and administrators delete, with an audit record; not other members', async () => {
      const moderator = await person(t.server);
      const space = await makeSpace(t.server, {
        visibility: 'open',
        owner,
        members: [member, [moderator, 'moderator']],
      });
      const p = await post(member.client, space.id, 'Off topic');
      const byPeer = await outsider.client.call(api.deletePost, { params: { id: p.id } });
      expect(byPeer.status).toBe(403);
      const seen = await moderator.client.call(api.getPost, { params: { id: p.id } });
      expect(seen.body.can).toMatchObject({ edit: false, delete: true, pin: true });
      expect((await moderator.client.call(api.deletePost, { params: { id: p.id } })).status).toBe(204);
      const audit = await t.server.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', p.id)
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'post.deleted_by_moderator', actor_id: moderator.id });
      expect(audit.before).toMatchObject({ authorId: member.id, body: 'Off topic' });

      const q = await post(member.client, null, 'Profile post');
      expect((await admin.client.call(api.deletePost, { params: { id: q.id } })).status).toBe(204);
    });
  });

  describe('pinning and bookmarks', () => {
    it('pins posts of a space (owners, moderators), never profile posts', async () => {
      const p = await post(member.client, team.id, 'Important');
      expect((await member.client.call(api.pinPost, { params: { id: p.id } })).status).toBe(403);
      const pinned = await owner.client.call(api.pinPost, { params: { id: p.id } });
      expect(pinned.status).toBe(200);
      expect(pinned.body.pinned).toBe(true);
      const list = await member.client.call(api.pinnedPosts, { params: { space: team.slug } });
      expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
      const unpinned = await owner.client.call(api.unpinPost, { params: { id: p.id } });
      expect(unpinned.body.pinned).toBe(false);
      const empty = await member.client.call(api.pinnedPosts, { params: { space: team.id } });
      expect(empty.body.items).toEqual([]);
      const profile = await owner.client.call(api.createPost, { body: { body: 'mine' } });
      expect((await admin.client.call(api.pinPost, { params: { id: profile.body.id } })).status).toBe(409);
    });

    it('bookmarks idempotently and lists bookmarks, most recent first', async () => {
      const a = await post(member.client, team.id, 'A');
      const b = await post(member.client, team.id, 'B');
      expect((await owner.client.call(api.bookmarkPost, { params: { id: b.id } })).status).toBe(204);
      t.server.clock.advance(1000);
      expect((await owner.client.call(api.bookmarkPost, { params: { id: a.id } })).status).toBe(204);
      expect((await owner.client.call(api.bookmarkPost, { params: { id: a.id } })).status).toBe(204);
      const list = await owner.client.call(api.bookmarks, { query: { limit: 1 } });
      expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
      expect(list.body.items[0].bookmarked).toBe(true);
      const next = await owner.client.call(api.bookmarks, {
        query: { limit: 1, cursor: list.body.nextCursor },
      });
      expect(next.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
      expect((await owner.client.call(api.unbookmarkPost, { params: { id: a.id } })).status).toBe(204);
      expect((await owner.client.call(api.unbookmarkPost, { params: { id: a.id } })).status).toBe(204);
      const after = await owner.client.call(api.bookmarks, {});
      expect(after.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    });
  });
});

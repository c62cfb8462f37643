// Moderation through the API: reporting rules, who sees which cases, each action with its
// history and audit, reporters told the outcome, suspension ending sessions, and the
// pre-moderation of guests' posts.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, notificationsOf, type Person, person, post } from '../helpers/stream-fixtures.ts';

describe('moderation', () => {
  const t = useServer({ worker: false });
  let admin: Person;
  let owner: Person;
  let otherOwner: Person;
  let author: Person;
  let reporter: Person;
  let second: Person;
  let outsider: Person;
  let guest: Person;
  let space: { id: string; slug: string };
  let otherSpace: { id: string; slug: string };
  let secret: { id: string; slug: string };

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    owner = await person(t.server);
    otherOwner = await person(t.server);
    author = await person(t.server);
    reporter = await person(t.server);
    second = await person(t.server);
    outsider = await person(t.server);
    guest = await person(t.server, { role: 'guest' });
    space = await makeSpace(t.server, {
      visibility: 'private',
      owner,
      members: [author, reporter, second, guest],
    });
    otherSpace = await makeSpace(t.server, {
      visibility: 'open',
      owner: otherOwner,
      members: [author, reporter],
    });
    secret = await makeSpace(t.server, { visibility: 'secret', owner: author });
  });

  const report = (who: Person, targetType: string, targetId: string, reason = 'spam', details = '') =>
    who.client.call(api.createReport, { body: { targetType, targetId, reason, details } as never });
  const act = (who: Person, caseId: string, action: string, note = '') =>
    who.client.call(api.actOnCase, { params: { id: caseId }, body: { action, note } as never });

  it('takes one report per person and target, joins reports into one case, and refuses what the reporter cannot see', async () => {
    const p = await post(author.client, space.id, 'Buy cheap watches here');
    const first = await report(reporter, 'post', p.id, 'spam', 'Advertising');
    expect(first.status, first.text).toBe(201);
    const again = await report(reporter, 'post', p.id, 'other');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_reported');
    const joined = await report(second, 'post', p.id, 'inappropriate');
    expect(joined.body.caseId).toBe(first.body.caseId);
    // Not a member of the private space: the post does not exist for them.
    expect((await report(outsider, 'post', p.id)).status).toBe(404);
    const hidden = await post(author.client, secret.id, 'Secret plans');
    expect((await report(reporter, 'post', hidden.id)).status).toBe(404);
    // Guests see no colleague's profile, so they cannot report one.
    expect((await report(guest, 'person', author.id)).status).toBe(404);
    expect((await report(reporter, 'person', reporter.id)).status).toBe(400);
    const bad = await reporter.client.call(api.createReport, {
      body: { targetType: 'post', targetId: p.id, reason: 'boring' } as never,
    });
    expect(bad.status).toBe(400);
    // The private space's own moderators work its cases; an administrator who is not in it
    // gets no way in from the role.
    expect((await admin.client.call(api.getCase, { params: { id: first.body.caseId } })).status).toBe(404);
    const detail = await owner.client.call(api.getCase, { params: { id: first.body.caseId } });
    expect(detail.body.reportCount).toBe(2);
    expect(detail.body.reports.map((r: { reason: string }) => r.reason)).toEqual(['spam', 'inappropriate']);
    expect(detail.body.body).toContain('Buy cheap watches');
  });

  it('shows space moderators only the cases of their spaces, and people only to administrators', async () => {
    const inSpace = await post(author.client, space.id, 'Case in the first space');
    const inOther = await post(author.client, otherSpace.id, 'Case in the other space');
    const ra = await report(reporter, 'post', inSpace.id);
    expect(ra.status, ra.text).toBe(201);
    const a = ra.body.caseId;
    const b = (await report(reporter, 'post', inOther.id)).body.caseId;
    const c = (await report(reporter, 'person', author.id, 'harassment')).body.caseId;
    const ids = async (who: Person) =>
      ((await who.client.call(api.listCases, { query: {} })).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids(owner)).toContain(a);
    expect(await ids(owner)).not.toContain(b);
    expect(await ids(owner)).not.toContain(c);
    expect(await ids(otherOwner)).toEqual(expect.arrayContaining([b]));
    expect(await ids(otherOwner)).not.toContain(a);
    // Administrators: open spaces, spaces they are in, and people; not a private space they are not in.
    expect(await ids(admin)).toEqual(expect.arrayContaining([b, c]));
    expect(await ids(admin)).not.toContain(a);
    expect((await act(admin, a, 'hide')).status).toBe(404);
    expect(await ids(reporter)).toEqual([]);
    expect((await owner.client.call(api.getCase, { params: { id: b } })).status).toBe(404);
    expect((await act(owner, b, 'hide')).status).toBe(404);
    expect((await act(reporter, a, 'dismiss')).status).toBe(404);
  });

  it('hides, restores and deletes, with the history, the audit and the reporters told without the moderator', async () => {
    const p = await post(author.client, space.id, 'Rude words in a post');
    const r = await report(reporter, 'post', p.id, 'harassment');
    expect(r.status, r.text).toBe(201);
    const caseId = r.body.caseId;
    const hidden = await act(owner, caseId, 'hide', 'Against the charter');
    expect(hidden.status, hidden.text).toBe(200);
    expect(hidden.body.contentState).toBe('hidden');
    expect(hidden.body.status).toBe('closed');
    // Gone for the reporter; its author sees it marked hidden.
    expect((await reporter.client.call(api.getPost, { params: { id: p.id } })).status).toBe(404);
    const mine = await author.client.call(api.getPost, { params: { id: p.id } });
    expect(mine.body.held).toBe('hidden');
    const listed = (await reporter.client.call(api.listNotifications, { query: {} })).body.items;
    const told = listed.find((n: { kind: string }) => n.kind === 'report_outcome');
    expect(told.moderation).toEqual({ outcome: 'hidden', note: '' });
    expect(told.actor).toBeNull();
    expect(JSON.stringify(listed)).not.toContain(owner.name);

    const restored = await act(owner, caseId, 'restore');
    expect(restored.body.contentState).toBe('visible');
    expect((await reporter.client.call(api.getPost, { params: { id: p.id } })).status).toBe(200);
    const deleted = await act(owner, caseId, 'delete', 'Second time');
    expect(deleted.body.contentState).toBe('deleted');
    expect(deleted.body.history.map((h: { action: string }) => h.action)).toEqual([
      'reported',
      'hidden',
      'restored',
      'deleted',
    ]);
    expect(deleted.body.history[1].actor.id).toBe(owner.id);
    expect(deleted.body.history[1].note).toBe('Against the charter');
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', p.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'moderation.reported',
      'moderation.hidden',
      'moderation.restored',
      'post.deleted_by_moderator',
      'moderation.deleted',
    ]);
    // A person cannot be hidden: nothing changes.
    const personCase = (await report(second, 'person', outsider.id)).body.caseId;
    expect((await act(admin, personCase, 'hide')).status).toBe(400);
    expect((await admin.client.call(api.getCase, { params: { id: personCase } })).body.status).toBe('open');
  });

  it('hides a comment from everyone but its author', async () => {
    const p = await post(author.client, space.id, 'A thread');
    const c = await second.client.call(api.createComment, {
      params: { id: p.id },
      body: { body: 'Nasty comment' },
    });
    const caseId = (await report(reporter, 'comment', c.body.id, 'harassment')).body.caseId;
    expect((await act(owner, caseId, 'hide')).status).toBe(200);
    const seen = async (who: Person) =>
      (
        (await who.client.call(api.listComments, { params: { id: p.id } })).body.items as {
          id: string;
          held: string;
        }[]
      ).find((x) => x.id === c.body.id);
    expect(await seen(reporter)).toBeUndefined();
    expect((await seen(second))?.held).toBe('hidden');
  });

  it('warns the author with the note, dismisses, and lets only administrators suspend, which ends sessions', async () => {
    const p = await post(author.client, space.id, 'Borderline joke');
    const caseId = (await report(reporter, 'post', p.id, 'inappropriate')).body.caseId;
    expect((await act(owner, caseId, 'warn', 'Please keep it professional')).status).toBe(200);
    const warning = (await author.client.call(api.listNotifications, { query: {} })).body.items.find(
      (n: { kind: string }) => n.kind === 'moderation_warning',
    );
    expect(warning.moderation).toEqual({ outcome: 'warned', note: 'Please keep it professional' });
    expect(warning.actor).toBeNull();
    expect((await act(owner, caseId, 'dismiss')).body.outcome).toBe('dismissed');

    const victim = await person(t.server);
    const caseOnPerson = (await report(reporter, 'person', victim.id, 'harassment')).body.caseId;
    expect((await act(owner, caseOnPerson, 'suspend')).status).toBe(404);
    const suspended = await act(admin, caseOnPerson, 'suspend', 'Repeated harassment');
    expect(suspended.status, suspended.text).toBe(200);
    expect((await victim.client.call(api.getSession)).body.user ?? null).toBeNull();
    const user = await t.server.ctx.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    expect(user.status).toBe('deactivated');
  });

  it('holds a guest’s post where pre-moderation is on, until a moderator approves it', async () => {
    expect(
      (
        await author.client.call(api.setSpacePremoderation, {
          params: { space: space.slug },
          body: { premoderateGuests: true },
        })
      ).status,
    ).toBe(403);
    const set = await owner.client.call(api.setSpacePremoderation, {
      params: { space: space.slug },
      body: { premoderateGuests: true },
    });
    expect(set.status).toBe(200);
    const held = await post(guest.client, space.id, `Hello from a customer @${reporter.handle}`);
    expect(held.held).toBe('pending');
    expect((await reporter.client.call(api.getPost, { params: { id: held.id } })).status).toBe(404);
    expect((await notificationsOf(t.server, reporter.id)).filter((n) => n.post_id === held.id)).toEqual([]);
    const pending = await owner.client.call(api.listPending, { query: {} });
    expect(pending.body.items.map((i: { id: string }) => i.id)).toContain(held.id);
    expect((await reporter.client.call(api.listPending, { query: {} })).body.items).toEqual([]);
    expect(
      (
        await reporter.client.call(api.decidePending, {
          params: { id: held.id },
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(404);
    const ok = await owner.client.call(api.decidePending, {
      params: { id: held.id },
      body: { decision: 'approve', note: '' },
    });
    expect(ok.status, ok.text).toBe(204);
    expect((await reporter.client.call(api.getPost, { params: { id: held.id } })).body.held).toBeNull();
    // The mention fires now, as for a new post; the author is told.
    expect(
      (await notificationsOf(t.server, reporter.id)).some(
        (n) => n.post_id === held.id && n.kind === 'mention',
      ),
    ).toBe(true);
    expect((await notificationsOf(t.server, guest.id)).some((n) => n.kind === 'post_approved')).toBe(true);

    const rejected = await post(guest.client, space.id, 'Something off topic');
    await owner.client.call(api.decidePending, {
      params: { id: rejected.id },
      body: { decision: 'reject', note: 'Off topic' },
    });
    expect((await guest.client.call(api.getPost, { params: { id: rejected.id } })).status).toBe(404);
    const told = (await guest.client.call(api.listNotifications, { query: {} })).body.items.find(
      (n: { kind: string }) => n.kind === 'post_rejected',
    );
    expect(told.moderation).toEqual({ outcome: 'rejected', note: 'Off topic' });

    // The organisation setting applies everywhere; only administrators change it.
    expect(
      (await owner.client.call(api.setOrganisationPremoderation, { body: { premoderateGuests: true } }))
        .status,
    ).toBe(403);
    await owner.client.call(api.setSpacePremoderation, {
      params: { space: space.slug },
      body: { premoderateGuests: false },
    });
    expect((await post(guest.client, space.id, 'Not held')).held).toBeNull();
    await admin.client.call(api.setOrganisationPremoderation, { body: { premoderateGuests: true } });
    expect((await post(guest.client, space.id, 'Held by the organisation')).held).toBe('pending');
    expect((await post(reporter.client, space.id, 'Employees are never held')).held).toBeNull();
    const c = await guest.client.call(api.createComment, {
      params: { id: held.id },
      body: { body: 'Held comment' },
    });
    expect(c.body.held).toBe('pending');
    expect(
      (await reporter.client.call(api.listComments, { params: { id: held.id } })).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(c.body.id);
    await admin.client.call(api.setOrganisationPremoderation, { body: { premoderateGuests: false } });
  });
});

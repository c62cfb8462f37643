// Spaces through the API: creating, the directory, joining by visibility, requests,
// invitations, roles and removals — what owners, members, colleagues and guests see.
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { notificationsOf, type Person, person } from '../helpers/stream-fixtures.ts';

describe('spaces', () => {
  const t = useServer();

  async function create(
    owner: Person,
    name: string,
    visibility: 'open' | 'private' | 'secret',
    slug?: string,
  ) {
    const res = await owner.client.call(api.createSpace, {
      body: { name, visibility, type: 'project', description: `About ${name}`, ...(slug ? { slug } : {}) },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('creates a space with its creator as owner and a slug from its name', async () => {
    await setUpOrganisation(t.server);
    const owner = await person(t.server);
    const space = await create(owner, 'Lancement gamme Aurore', 'open');
    expect(space).toMatchObject({
      slug: 'lancement-gamme-aurore',
      myRole: 'owner',
      memberCount: 1,
      can: { read: true, post: true, join: false, manage: true, moderate: true },
    });
    const again = await create(owner, 'Lancement gamme Aurore', 'open');
    expect(again.slug).toBe('lancement-gamme-aurore-2');
    const taken = await owner.client.call(api.createSpace, {
      body: { name: 'Autre', slug: 'lancement-gamme-aurore', type: 'team', visibility: 'open' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('slug_taken');
    const bySlug = await owner.client.call(api.getSpace, { params: { space: 'lancement-gamme-aurore' } });
    expect(bySlug.body.id).toBe(space.id);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', space.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['space.created']);
  });

  it('names the field of a bad request, and keeps guests from creating spaces', async () => {
    const owner = await person(t.server);
    const bad = await owner.client.call(api.createSpace, {
      body: { name: 'x', type: 'project', visibility: 'open' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('name');
    const wrongType = await owner.client.call(api.createSpace, {
      body: { name: 'Valid name', type: 'party', visibility: 'open' } as never,
    });
    expect(wrongType.body.error.details.issues[0].field).toBe('type');
    const guest = await person(t.server, { role: 'guest' });
    const refused = await guest.client.call(api.createSpace, {
      body: { name: 'Guest space', type: 'project', visibility: 'open' },
    });
    expect(refused.status).toBe(403);
  });

  it('lists open and private spaces to colleagues, secret ones only to members, and to guests only theirs', async () => {
    const owner = await person(t.server);
    const open = await create(owner, 'Directory open', 'open');
    const priv = await create(owner, 'Directory private', 'private');
    const secret = await create(owner, 'Directory secret', 'secret');
    const colleague = await person(t.server);
    const guest = await person(t.server, { role: 'guest' });
    const names = async (p: Person) =>
      (await p.client.call(api.listSpaces, { query: { q: 'directory', limit: 100 } })).body.items.map(
        (s: { name: string }) => s.name,
      );
    expect(await names(owner)).toEqual(['Directory open', 'Directory private', 'Directory secret']);
    expect(await names(colleague)).toEqual(['Directory open', 'Directory private']);
    expect(await names(guest)).toEqual([]);
    expect((await colleague.client.call(api.getSpace, { params: { space: secret.id } })).status).toBe(404);
    expect((await guest.client.call(api.getSpace, { params: { space: open.id } })).status).toBe(404);
    const privateView = (await colleague.client.call(api.getSpace, { params: { space: priv.id } })).body;
    expect(privateView.can).toMatchObject({ read: false, join: true, post: false });
    expect((await colleague.client.call(api.listSpaceMembers, { params: { space: priv.id } })).status).toBe(
      403,
    );
    expect((await colleague.client.call(api.spaceFeed, { params: { space: priv.id } })).status).toBe(403);
    expect((await colleague.client.call(api.spaceFeed, { params: { space: secret.id } })).status).toBe(404);
  });

  it('joins an open space at once, and leaves it', async () => {
    const owner = await person(t.server);
    const space = await create(owner, 'Club vélo', 'open');
    const member = await person(t.server);
    const joined = await member.client.call(api.joinSpace, { params: { space: space.slug }, body: {} });
    expect(joined.body).toMatchObject({ myRole: 'member', memberCount: 2, can: { post: true } });
    const members = await owner.client.call(api.listSpaceMembers, { params: { space: space.id } });
    expect(
      members.body.items.map((m: { person: { id: string }; role: string }) => [m.person.id, m.role]),
    ).toEqual([
      [owner.id, 'owner'],
      [member.id, 'member'],
    ]);
    const left = await member.client.call(api.leaveSpace, { params: { space: space.id } });
    expect(left.body).toMatchObject({ myRole: null, memberCount: 1 });
  });

  it('asks to join a private space; the owner hears of it and approves or declines', async () => {
    const owner = await person(t.server);
    const space = await create(owner, 'RH recrutement', 'private');
    const asker = await person(t.server);
    const asked = await asker.client.call(api.joinSpace, {
      params: { space: space.id },
      body: { message: 'Je recrute pour Nantes' },
    });
    expect(asked.body).toMatchObject({
      myRole: null,
      myRequest: 'requested',
      can: { join: false, read: false },
    });
    expect((await notificationsOf(t.server, owner.id)).map((n) => n.kind)).toContain('join_request');
    const requests = await owner.client.call(api.listSpaceRequests, { params: { space: space.id } });
    expect(requests.body.items).toHaveLength(1);
    expect(requests.body.items[0]).toMatchObject({ kind: 'request', message: 'Je recrute pour Nantes' });
    expect((await asker.client.call(api.listSpaceRequests, { params: { space: space.id } })).status).toBe(
      403,
    );
    const approved = await owner.client.call(api.approveSpaceRequest, {
      params: { space: space.id, requestId: requests.body.items[0].id },
    });
    expect(approved.status).toBe(204);
    expect((await asker.client.call(api.getSpace, { params: { space: space.id } })).body).toMatchObject({
      myRole: 'member',
      can: { read: true },
    });

    const other = await person(t.server);
    await other.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    const pending = await owner.client.call(api.listSpaceRequests, { params: { space: space.id } });
    await owner.client.call(api.declineSpaceRequest, {
      params: { space: space.id, requestId: pending.body.items[0].id },
    });
    expect((await other.client.call(api.getSpace, { params: { space: space.id } })).body).toMatchObject({
      myRole: null,
      myRequest: null,
    });
  });

  it('invites people into a secret space, who see it among their invitations and join', async () => {
    const owner = await person(t.server);
    const space = await create(owner, 'Comité secret', 'secret');
    const invitee = await person(t.server);
    const bystander = await person(t.server);
    const invited = await owner.client.call(api.inviteToSpace, {
      params: { space: space.id },
      body: { userIds: [invitee.id, owner.id] },
    });
    expect(invited.body).toEqual({ invited: 1, alreadyMembers: 1 });
    expect((await notificationsOf(t.server, invitee.id)).map((n) => n.kind)).toContain('space_invitation');
    const mine = await invitee.client.call(api.listSpaces, { query: { filter: 'invited' } });
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([space.id]);
    expect(mine.body.items[0]).toMatchObject({ myRequest: 'invited', can: { join: true } });
    expect(
      (await bystander.client.call(api.joinSpace, { params: { space: space.id }, body: {} })).status,
    ).toBe(404);
    const joined = await invitee.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    expect(joined.body.myRole).toBe('member');
    const unknown = await owner.client.call(api.inviteToSpace, {
      params: { space: space.id },
      body: { userIds: ['01900000-0000-7000-8000-000000000000'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.issues[0].field).toBe('userIds.0');
  });

  it('keeps an owner, lets owners set roles, and lets moderators remove only members', async () => {
    const owner = await person(t.server);
    const space = await create(owner, 'Roles', 'open');
    const mod = await person(t.server);
    const member = await person(t.server);
    for (const p of [mod, member])
      await p.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    const lastOwnerLeaves = await owner.client.call(api.leaveSpace, { params: { space: space.id } });
    expect(lastOwnerLeaves.body.error.code).toBe('last_owner');
    const demote = await owner.client.call(api.changeSpaceRole, {
      params: { space: space.id, userId: owner.id },
      body: { role: 'member' },
    });
    expect(demote.body.error.code).toBe('last_owner');
    const promoted = await owner.client.call(api.changeSpaceRole, {
      params: { space: space.id, userId: mod.id },
      body: { role: 'moderator' },
    });
    expect(promoted.body).toMatchObject({ role: 'moderator', person: { id: mod.id } });
    expect(
      (
        await member.client.call(api.changeSpaceRole, {
          params: { space: space.id, userId: member.id },
          body: { role: 'owner' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await mod.client.call(api.removeSpaceMember, { params: { space: space.id, userId: owner.id } }))
        .status,
    ).toBe(403);
    const removed = await mod.client.call(api.removeSpaceMember, {
      params: { space: space.id, userId: member.id },
    });
    expect(removed.status).toBe(204);
    expect((await member.client.call(api.getSpace, { params: { space: space.id } })).body.myRole).toBe(null);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', space.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'space.created',
      'space.role_changed',
      'space.member_removed',
    ]);
  });

  it('lets owners change visibility, audited, and nobody else', async () => {
    const owner = await person(t.server);
    const space = await create(owner, 'Visibility', 'open');
    const member = await person(t.server);
    await member.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    expect(
      (
        await member.client.call(api.updateSpace, {
          params: { space: space.id },
          body: { visibility: 'secret' },
        })
      ).status,
    ).toBe(403);
    const changed = await owner.client.call(api.updateSpace, {
      params: { space: space.id },
      body: { visibility: 'private', description: 'Plus discret' },
    });
    expect(changed.body).toMatchObject({ visibility: 'private', description: 'Plus discret' });
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('target_id', '=', space.id)
      .where('action', '=', 'space.visibility_changed')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ before: { visibility: 'open' }, after: { visibility: 'private' } });
  });
});

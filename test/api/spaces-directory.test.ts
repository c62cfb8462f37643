// The space directory (search, filters, paging) and what every change of membership leaves
// behind: activity events, audit records, and no error when the same thing happens twice
// at once.
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { Space } from '../../common/schemas/spaces.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';

describe('space directory and membership records', () => {
  const t = useServer({ worker: false });

  async function create(
    owner: Person,
    name: string,
    extra: Partial<{ visibility: string; type: string; description: string; slug: string }> = {},
  ): Promise<Space> {
    const res = await owner.client.call(api.createSpace, {
      body: { name, visibility: 'open', type: 'project', ...extra },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  const names = (res: { body: { items: Space[] } }) => res.body.items.map((s) => s.name);

  it('searches names and descriptions, case and wildcards taken literally, and filters by type', async () => {
    await setUpOrganisation(t.server);
    const owner = await person(t.server);
    await create(owner, 'Atelier Qualité', { description: 'Suivi des NON-conformités', type: 'team' });
    await create(owner, 'Salon 100% digital', { type: 'event' });
    await create(owner, 'Salon 1000 digital', { type: 'event' });
    await create(owner, 'under_score club', { type: 'community' });
    await create(owner, 'underXscore club', { type: 'community' });
    const search = (query: Record<string, string>) =>
      owner.client.call(api.listSpaces, { query: { limit: 50, ...query } });

    expect(names(await search({ q: 'atelier QUALITÉ' }))).toEqual(['Atelier Qualité']);
    expect(names(await search({ q: 'non-CONFORM' }))).toEqual(['Atelier Qualité']);
    expect(names(await search({ q: '100%' }))).toEqual(['Salon 100% digital']);
    expect(names(await search({ q: 'under_' }))).toEqual(['under_score club']);
    expect(names(await search({ q: 'salon', type: 'event' }))).toEqual([
      'Salon 100% digital',
      'Salon 1000 digital',
    ]);
    expect(names(await search({ q: 'salon', type: 'team' }))).toEqual([]);
    const badType = await search({ type: 'party' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.details.issues[0].field).toBe('type');
  });

  it('pages through the directory by name without repeating or skipping a space', async () => {
    const owner = await person(t.server);
    const wanted = ['Pagination e', 'pagination B', 'Pagination a', 'Pagination d', 'PAGINATION c'];
    wanted.push('Pagination d', 'pagination f');
    for (const name of wanted) await create(owner, name);
    const seen: Space[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await owner.client.call(api.listSpaces, { query: { q: 'pagination', limit: 3, cursor } });
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(new Set(seen.map((s) => s.id)).size).toBe(wanted.length);
    expect(seen.map((s) => s.name.toLowerCase())).toEqual(wanted.map((n) => n.toLowerCase()).sort());
    const broken = await owner.client.call(api.listSpaces, { query: { cursor: 'not-a-cursor' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.details.issues[0].field).toBe('cursor');
  });

  it('shows my spaces and my invitations, each with my relation to it', async () => {
    const owner = await person(t.server);
    const me = await person(t.server);
    const joined = await create(owner, 'Filter joined');
    const asked = await create(owner, 'Filter asked', { visibility: 'private' });
    const inviting = await create(owner, 'Filter inviting', { visibility: 'secret' });
    await create(owner, 'Filter other');
    await me.client.call(api.joinSpace, { params: { space: joined.id }, body: {} });
    await me.client.call(api.joinSpace, { params: { space: asked.id }, body: {} });
    await owner.client.call(api.inviteToSpace, {
      params: { space: inviting.id },
      body: { userIds: [me.id] },
    });

    const list = async (filter: string) =>
      (await me.client.call(api.listSpaces, { query: { q: 'filter', filter } })).body.items as Space[];
    expect((await list('mine')).map((s) => [s.name, s.myRole])).toEqual([['Filter joined', 'member']]);
    expect((await list('invited')).map((s) => [s.name, s.myRequest])).toEqual([
      ['Filter inviting', 'invited'],
    ]);
    const all = await list('all');
    expect(all.map((s) => [s.name, s.myRole, s.myRequest, s.can.join])).toEqual([
      ['Filter asked', null, 'requested', false],
      ['Filter inviting', null, 'invited', true],
      ['Filter joined', 'member', null, false],
      ['Filter other', null, null, true],
    ]);
  });

  it('lets a person withdraw a request or decline an invitation, and ask again later', async () => {
    const owner = await person(t.server);
    const me = await person(t.server);
    const priv = await create(owner, 'Withdraw private', { visibility: 'private' });
    const secret = await create(owner, 'Decline secret', { visibility: 'secret' });

    await me.client.call(api.joinSpace, { params: { space: priv.id }, body: {} });
    const withdrawn = await me.client.call(api.leaveSpace, { params: { space: priv.id } });
    expect(withdrawn.body).toMatchObject({ myRole: null, myRequest: null, can: { join: true } });
    expect(
      (await owner.client.call(api.listSpaceRequests, { params: { space: priv.id } })).body.items,
    ).toEqual([]);
    const again = await me.client.call(api.joinSpace, { params: { space: priv.id }, body: {} });
    expect(again.body.myRequest).toBe('requested');

    await owner.client.call(api.inviteToSpace, { params: { space: secret.id }, body: { userIds: [me.id] } });
    const declined = await me.client.call(api.leaveSpace, { params: { space: secret.id } });
    expect(declined.status).toBe(200);
    expect((await me.client.call(api.getSpace, { params: { space: secret.id } })).status).toBe(404);
    expect((await me.client.call(api.joinSpace, { params: { space: secret.id }, body: {} })).status).toBe(
      404,
    );
  });

  it('lets in at once someone who asked and is then invited, audited as an approval', async () => {
    const owner = await person(t.server);
    const asker = await person(t.server);
    const space = await create(owner, 'Asked then invited', { visibility: 'private' });
    await asker.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    const res = await owner.client.call(api.inviteToSpace, {
      params: { space: space.id },
      body: { userIds: [asker.id, asker.id] },
    });
    expect(res.body).toEqual({ invited: 1, alreadyMembers: 0 });
    const seen = await asker.client.call(api.getSpace, { params: { space: space.id } });
    expect(seen.body).toMatchObject({ myRole: 'member', myRequest: null, memberCount: 2 });
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', space.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['space.created', 'space.request_approved']);
  });

  it('withdraws an invitation when an owner declines it, and refuses to "approve" one', async () => {
    const owner = await person(t.server);
    const invitee = await person(t.server);
    const space = await create(owner, 'Withdrawn invitation', { visibility: 'secret' });
    await owner.client.call(api.inviteToSpace, {
      params: { space: space.id },
      body: { userIds: [invitee.id] },
    });
    const [invitation] = (await owner.client.call(api.listSpaceRequests, { params: { space: space.id } }))
      .body.items;
    expect(invitation).toMatchObject({
      kind: 'invitation',
      person: { id: invitee.id },
      createdBy: { id: owner.id },
    });
    const approve = await owner.client.call(api.approveSpaceRequest, {
      params: { space: space.id, requestId: invitation.id },
    });
    expect(approve.status).toBe(404);
    const decline = await owner.client.call(api.declineSpaceRequest, {
      params: { space: space.id, requestId: invitation.id },
    });
    expect(decline.status).toBe(204);
    expect((await invitee.client.call(api.getSpace, { params: { space: space.id } })).status).toBe(404);
    const twice = await owner.client.call(api.declineSpaceRequest, {
      params: { space: space.id, requestId: invitation.id },
    });
    expect(twice.status).toBe(404);
  });

  it('records an activity event for every change, with its space', async () => {
    const owner = await person(t.server);
    const asker = await person(t.server);
    const other = await person(t.server);
    const space = await create(owner, 'Activity trail', { visibility: 'private' });
    await asker.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    const [request] = (await owner.client.call(api.listSpaceRequests, { params: { space: space.id } })).body
      .items;
    await owner.client.call(api.approveSpaceRequest, { params: { space: space.id, requestId: request.id } });
    await owner.client.call(api.changeSpaceRole, {
      params: { space: space.id, userId: asker.id },
      body: { role: 'moderator' },
    });
    await owner.client.call(api.inviteToSpace, {
      params: { space: space.id },
      body: { userIds: [other.id] },
    });
    await other.client.call(api.leaveSpace, { params: { space: space.id } });
    await other.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    await other.client.call(api.leaveSpace, { params: { space: space.id } });
    await owner.client.call(api.updateSpace, { params: { space: space.id }, body: { visibility: 'open' } });
    await other.client.call(api.joinSpace, { params: { space: space.id }, body: {} });
    await asker.client.call(api.removeSpaceMember, { params: { space: space.id, userId: other.id } });
    await asker.client.call(api.leaveSpace, { params: { space: space.id } });

    const events = await t.server.ctx.db
      .selectFrom('activity_events')
      .select(['verb', 'actor_id', 'space_id'])
      .where('object_id', '=', space.id)
      .orderBy('id')
      .execute();
    expect(events.every((e) => e.space_id === space.id)).toBe(true);
    expect(events.map((e) => [e.verb, e.actor_id])).toEqual([
      ['space.created', owner.id],
      ['space.join_requested', asker.id],
      ['space.request_approved', owner.id],
      ['space.joined', asker.id],
      ['space.role_changed', owner.id],
      ['space.invited', owner.id],
      ['space.invitation_declined', other.id],
      ['space.join_requested', other.id],
      ['space.request_withdrawn', other.id],
      ['space.updated', owner.id],
      ['space.joined', other.id],
      ['space.member_removed', asker.id],
      ['space.left', asker.id],
    ]);
    const final = await owner.client.call(api.getSpace, { params: { space: space.id } });
    expect(final.body.memberCount).toBe(1);
  });

  it('gives distinct addresses to spaces named alike at the same moment, and asks only once', async () => {
    const owner = await person(t.server);
    const created = await Promise.all(
      Array.from({ length: 4 }, () =>
        owner.client.call(api.createSpace, {
          body: { name: 'Même nom', type: 'team', visibility: 'private' },
        }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(created.map((r) => r.body.slug))).toEqual(
      new Set(['meme-nom', 'meme-nom-2', 'meme-nom-3', 'meme-nom-4']),
    );
    const asker = await person(t.server);
    const space = created[0]!.body as Space;
    const asks = await Promise.all(
      Array.from({ length: 3 }, () =>
        asker.client.call(api.joinSpace, { params: { space: space.id }, body: {} }),
      ),
    );
    expect(asks.map((r) => [r.status, r.body.myRequest])).toEqual([
      [200, 'requested'],
      [200, 'requested'],
      [200, 'requested'],
    ]);
    const requests = await owner.client.call(api.listSpaceRequests, { params: { space: space.id } });
    expect(requests.body.items).toHaveLength(1);
    const notifications = await t.server.ctx.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', owner.id)
      .where('space_id', '=', space.id)
      .execute();
    expect(notifications).toEqual([{ kind: 'join_request' }]);
  });

  it('lets administrators manage a private space they do not belong to, but not see a secret one', async () => {
    const { client: admin } = await setUpOrganisation(t.server);
    const owner = await person(t.server);
    const priv = await create(owner, 'Admin private', { visibility: 'private' });
    const secret = await create(owner, 'Admin secret', { visibility: 'secret' });
    const seen = await admin.call(api.getSpace, { params: { space: priv.id } });
    expect(seen.body).toMatchObject({ myRole: null, can: { read: false, manage: true, moderate: true } });
    const renamed = await admin.call(api.updateSpace, {
      params: { space: priv.id },
      body: { name: 'Admin private (renamed)' },
    });
    expect(renamed.body.name).toBe('Admin private (renamed)');
    expect((await admin.call(api.listSpaceMembers, { params: { space: priv.id } })).status).toBe(403);
    expect((await admin.call(api.getSpace, { params: { space: secret.id } })).status).toBe(404);
    expect(
      (await admin.call(api.updateSpace, { params: { space: secret.id }, body: { name: 'Found you' } }))
        .status,
    ).toBe(404);
  });
});

// Who can see a space, on every endpoint that names one: a secret space must be
// indistinguishable from a space that does not exist for everyone outside it (a 403 would
// confirm it exists), a private one is listed but keeps its members and requests to itself,
// and guests see only the spaces they belong to.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { Space } from '../../common/schemas/spaces.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';

const NOWHERE = '01900000-0000-7000-8000-00000000beef';

describe('space visibility', () => {
  const t = useServer({ worker: false });

  let admin: Person;
  let owner: Person;
  let member: Person;
  let colleague: Person;
  let guest: Person;
  let guestMember: Person;
  let open: Space;
  let priv: Space;
  let secret: Space;
  let secretRequestId: string;

  async function create(who: Person, name: string, visibility: string, description = ''): Promise<Space> {
    const res = await who.client.call(api.createSpace, {
      body: { name, visibility, type: 'team', description },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    owner = await person(t.server);
    member = await person(t.server);
    colleague = await person(t.server);
    guest = await person(t.server, { role: 'guest' });
    guestMember = await person(t.server, { role: 'guest' });
    open = await create(owner, 'Vis open', 'open', 'shared with everyone');
    priv = await create(owner, 'Vis private', 'private', 'members only');
    secret = await create(owner, 'Vis secret', 'secret', 'codename bluebird');
    // Guests belong only to external spaces; here owners may make them so and invite guests.
    await admin.client.call(api.updateExternalSettings, {
      body: { externalSpaceCreators: 'members', guestInviters: 'managers' },
    });
    for (const space of [open, priv, secret]) {
      const made = await owner.client.call(api.updateSpace, {
        params: { space: space.id },
        body: { external: true },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(200);
    }
    for (const space of [open, priv, secret]) {
      const res = await owner.client.call(api.inviteToSpace, {
        params: { space: space.id },
        body: { userIds: [member.id, guestMember.id] },
      });
      expect(res.body.invited).toBe(2);
      for (const who of [member, guestMember])
        expect((await who.client.call(api.joinSpace, { params: { space: space.id }, body: {} })).status).toBe(
          200,
        );
    }
    // A pending invitation in the secret space, whose id outsiders might try.
    const other = await person(t.server);
    await owner.client.call(api.inviteToSpace, {
      params: { space: secret.id },
      body: { userIds: [other.id] },
    });
    const requests = await owner.client.call(api.listSpaceRequests, { params: { space: secret.id } });
    secretRequestId = requests.body.items[0].id;
  });

  /** Every endpoint that names the space, as `who` would call it. */
  function callsOn(who: Person, ref: string) {
    const c = who.client;
    return {
      getSpace: () => c.call(api.getSpace, { params: { space: ref } }),
      updateSpace: () => c.call(api.updateSpace, { params: { space: ref }, body: { name: 'Renamed' } }),
      joinSpace: () => c.call(api.joinSpace, { params: { space: ref }, body: {} }),
      leaveSpace: () => c.call(api.leaveSpace, { params: { space: ref } }),
      listSpaceMembers: () => c.call(api.listSpaceMembers, { params: { space: ref } }),
      inviteToSpace: () => c.call(api.inviteToSpace, { params: { space: ref }, body: { userIds: [who.id] } }),
      changeSpaceRole: () =>
        c.call(api.changeSpaceRole, { params: { space: ref, userId: member.id }, body: { role: 'owner' } }),
      removeSpaceMember: () => c.call(api.removeSpaceMember, { params: { space: ref, userId: member.id } }),
      listSpaceRequests: () => c.call(api.listSpaceRequests, { params: { space: ref } }),
      approveSpaceRequest: () =>
        c.call(api.approveSpaceRequest, { params: { space: ref, requestId: secretRequestId } }),
      declineSpaceRequest: () =>
        c.call(api.declineSpaceRequest, { params: { space: ref, requestId: secretRequestId } }),
      spaceFeed: () => c.call(api.spaceFeed, { params: { space: ref } }),
    };
  }

  it('answers a secret space exactly as a space that does not exist, on every endpoint, to every outsider', async () => {
    for (const who of [colleague, admin, guest]) {
      for (const ref of [secret.id, secret.slug]) {
        const onSecret = callsOn(who, ref);
        const onNothing = callsOn(who, ref === secret.id ? NOWHERE : 'no-such-space');
        for (const [name, call] of Object.entries(onSecret)) {
          const [a, b] = [await call(), await onNothing[name as keyof typeof onNothing]()];
          const label = `${name} by ${who.role} on ${ref}`;
          expect({ label, status: a.status, body: a.body }).toEqual({ label, status: 404, body: b.body });
        }
      }
    }
    // Nothing was changed by all those attempts.
    const seen = await owner.client.call(api.getSpace, { params: { space: secret.id } });
    expect(seen.body).toMatchObject({ name: 'Vis secret', memberCount: 3 });
    const pending = await owner.client.call(api.listSpaceRequests, { params: { space: secret.id } });
    expect(pending.body.items.map((r: { id: string }) => r.id)).toEqual([secretRequestId]);
  });

  it('never lets a search, a filter or a page reveal a secret space', async () => {
    for (const who of [colleague, admin, guest]) {
      for (const query of [
        { q: 'vis secret' },
        { q: 'bluebird' },
        { q: 'secret' },
        { filter: 'mine' },
        { filter: 'invited' },
        { type: 'team' },
        {},
      ]) {
        const ids: string[] = [];
        let cursor: string | undefined;
        for (let i = 0; i < 20; i++) {
          const res = await who.client.call(api.listSpaces, { query: { ...query, limit: 2, cursor } });
          expect(res.status).toBe(200);
          ids.push(...res.body.items.map((s: Space) => s.id));
          cursor = res.body.nextCursor ?? undefined;
          if (!cursor) break;
        }
        expect({ who: who.role, query, found: ids.includes(secret.id) }).toEqual({
          who: who.role,
          query,
          found: false,
        });
      }
    }
  });

  it('lists to each person exactly the spaces they may open', async () => {
    const everyone = [admin, owner, member, colleague, guest, guestMember];
    const expected = new Map<Person, string[]>([
      [admin, [open.id, priv.id]],
      [owner, [open.id, priv.id, secret.id]],
      [member, [open.id, priv.id, secret.id]],
      [colleague, [open.id, priv.id]],
      [guest, []],
      [guestMember, [open.id, priv.id, secret.id]],
    ]);
    for (const who of everyone) {
      const ours = new Set([open.id, priv.id, secret.id]);
      const listed = (await who.client.call(api.listSpaces, { query: { q: 'vis', limit: 100 } })).body.items
        .map((s: Space) => s.id)
        .filter((id: string) => ours.has(id));
      const openable: string[] = [];
      for (const space of [open, priv, secret]) {
        const res = await who.client.call(api.getSpace, { params: { space: space.id } });
        if (res.status === 200) openable.push(space.id);
        else expect(res.status).toBe(404);
      }
      expect({ who: who.name, listed }).toEqual({ who: who.name, listed: expected.get(who) });
      expect({ who: who.name, openable }).toEqual({ who: who.name, openable: expected.get(who) });
    }
  });

  it('shows a private space to colleagues but keeps its members, requests and feed to itself', async () => {
    const seen = await colleague.client.call(api.getSpace, { params: { space: priv.id } });
    expect(seen.body).toMatchObject({
      name: 'Vis private',
      myRole: null,
      can: { read: false, post: false, join: true, manage: false, moderate: false },
    });
    const calls = callsOn(colleague, priv.id);
    for (const name of [
      'listSpaceMembers',
      'listSpaceRequests',
      'spaceFeed',
      'updateSpace',
      'inviteToSpace',
      'changeSpaceRole',
      'removeSpaceMember',
    ] as const) {
      expect({ name, status: (await calls[name]()).status }).toEqual({ name, status: 403 });
    }
    // Asking to join does not open the door.
    await calls.joinSpace();
    expect((await calls.listSpaceMembers()).status).toBe(403);
    expect((await calls.spaceFeed()).status).toBe(403);
    expect((await calls.getSpace()).body).toMatchObject({ myRequest: 'requested', can: { read: false } });
  });

  it('lets a guest reach only their own spaces, and never join an open one on their own', async () => {
    const calls = callsOn(guest, open.id);
    expect((await calls.getSpace()).status).toBe(404);
    expect((await calls.joinSpace()).status).toBe(404);
    expect((await calls.spaceFeed()).status).toBe(404);
    const mine = await guestMember.client.call(api.listSpaces, { query: { filter: 'all', limit: 100 } });
    expect(mine.body.items.map((s: Space) => s.id).sort()).toEqual([open.id, priv.id, secret.id].sort());
    expect(
      (
        await guest.client.call(api.createSpace, {
          body: { name: 'Guest made', type: 'team', visibility: 'secret' },
        })
      ).status,
    ).toBe(403);
  });

  it('does not let the managers of one space act on another through its request or member ids', async () => {
    const rival = await person(t.server);
    const theirs = await create(rival, 'Vis rival', 'open');
    const approve = await rival.client.call(api.approveSpaceRequest, {
      params: { space: theirs.id, requestId: secretRequestId },
    });
    expect(approve.status).toBe(404);
    const decline = await rival.client.call(api.declineSpaceRequest, {
      params: { space: theirs.id, requestId: secretRequestId },
    });
    expect(decline.status).toBe(404);
    const remove = await rival.client.call(api.removeSpaceMember, {
      params: { space: theirs.id, userId: member.id },
    });
    expect(remove.status).toBe(404);
    const members = await owner.client.call(api.listSpaceMembers, { params: { space: secret.id } });
    expect(members.body.items).toHaveLength(3);
  });

  it('hides a secret space again from someone who left it, was removed, or whose invitation was withdrawn', async () => {
    const leaver = await person(t.server);
    const removed = await person(t.server);
    const uninvited = await person(t.server);
    await owner.client.call(api.inviteToSpace, {
      params: { space: secret.id },
      body: { userIds: [leaver.id, removed.id, uninvited.id] },
    });
    for (const who of [leaver, removed])
      expect(
        (await who.client.call(api.joinSpace, { params: { space: secret.id }, body: {} })).body.myRole,
      ).toBe('member');
    const left = await leaver.client.call(api.leaveSpace, { params: { space: secret.id } });
    expect(left.body).toMatchObject({ id: secret.id, myRole: null });
    expect(
      (await owner.client.call(api.removeSpaceMember, { params: { space: secret.id, userId: removed.id } }))
        .status,
    ).toBe(204);
    const invitation = (
      await owner.client.call(api.listSpaceRequests, { params: { space: secret.id } })
    ).body.items.find((r: { person: { id: string } }) => r.person.id === uninvited.id);
    await owner.client.call(api.declineSpaceRequest, {
      params: { space: secret.id, requestId: invitation.id },
    });
    for (const who of [leaver, removed, uninvited]) {
      expect((await who.client.call(api.getSpace, { params: { space: secret.id } })).status).toBe(404);
      expect((await who.client.call(api.joinSpace, { params: { space: secret.id }, body: {} })).status).toBe(
        404,
      );
      const listed = await who.client.call(api.listSpaces, { query: { limit: 100 } });
      expect(listed.body.items.map((s: Space) => s.id)).not.toContain(secret.id);
    }
  });

  it('takes a removed member out of a private space: no role, no members list, no feed', async () => {
    const gone = await person(t.server);
    await owner.client.call(api.inviteToSpace, { params: { space: priv.id }, body: { userIds: [gone.id] } });
    await gone.client.call(api.joinSpace, { params: { space: priv.id }, body: {} });
    expect((await gone.client.call(api.spaceFeed, { params: { space: priv.id } })).status).toBe(200);
    await owner.client.call(api.removeSpaceMember, { params: { space: priv.id, userId: gone.id } });
    const seen = await gone.client.call(api.getSpace, { params: { space: priv.id } });
    expect(seen.body).toMatchObject({ myRole: null, can: { read: false, post: false } });
    expect((await gone.client.call(api.listSpaceMembers, { params: { space: priv.id } })).status).toBe(403);
    expect((await gone.client.call(api.spaceFeed, { params: { space: priv.id } })).status).toBe(403);
  });
});

// External spaces and guests: the organisation's rules, creating and making spaces
// external, inviting guests by email or from the picker, accepting, revoking, and what the
// audit log keeps.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { linkTokenFromOutbox, PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';

describe('external spaces', () => {
  const t = useServer({ worker: false });
  let admin: Person;
  let owner: Person;
  let colleague: Person;

  const settings = (externalSpaceCreators: 'admins' | 'members', guestInviters: 'admins' | 'managers') =>
    admin.client.call(api.updateExternalSettings, { body: { externalSpaceCreators, guestInviters } });

  async function createSpace(who: Person, name: string, external: boolean) {
    return who.client.call(api.createSpace, {
      body: { name, type: 'project', visibility: 'private', external },
    });
  }

  const auditOf = async (action: string) =>
    (await admin.client.call(api.listAudit, { query: { action } })).body.items as {
      target: { id: string };
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      details: Record<string, unknown> | null;
    }[];

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    owner = await person(t.server, { name: 'Odile Owner' });
    colleague = await person(t.server, { name: 'Colin Colleague' });
  });

  it('lets only administrators choose who creates external spaces and invites guests, audited', async () => {
    const read = await owner.client.call(api.getExternalSettings);
    expect(read.body).toEqual({
      externalSpaceCreators: 'admins',
      guestInviters: 'admins',
      canCreateExternal: false,
    });
    expect(
      (
        await owner.client.call(api.updateExternalSettings, {
          body: { externalSpaceCreators: 'members', guestInviters: 'managers' },
        })
      ).status,
    ).toBe(403);
    const bad = await admin.client.call(api.updateExternalSettings, {
      body: { externalSpaceCreators: 'everyone', guestInviters: 'managers' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('externalSpaceCreators');

    expect((await createSpace(owner, 'Refused external', true)).status).toBe(403);
    const changed = await settings('members', 'managers');
    expect(changed.body).toMatchObject({ externalSpaceCreators: 'members', guestInviters: 'managers' });
    expect((await owner.client.call(api.getExternalSettings)).body.canCreateExternal).toBe(true);
    const [entry] = await auditOf('organisation.settings_changed');
    expect(entry?.before).toEqual({ externalSpaceCreators: 'admins', guestInviters: 'admins' });
    expect(entry?.after).toEqual({ externalSpaceCreators: 'members', guestInviters: 'managers' });
  });

  it('creates external spaces, refuses guests in internal ones, and keeps guests from being stranded', async () => {
    await settings('members', 'managers');
    const external = await createSpace(owner, 'Projet client Durand', true);
    expect(external.status).toBe(201);
    expect(external.body.external).toBe(true);
    const internal = await createSpace(owner, 'Équipe interne', false);
    expect(internal.body.external).toBe(false);

    const guest = await person(t.server, { role: 'guest', name: 'Gérard Guest' });
    const refused = await owner.client.call(api.inviteToSpace, {
      params: { space: internal.body.id },
      body: { userIds: [guest.id] },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('space_not_external');
    const byEmail = await owner.client.call(api.inviteGuest, {
      params: { space: internal.body.id },
      body: { email: 'nobody@client.test', locale: 'en' },
    });
    expect(byEmail.body.error.code).toBe('space_not_external');
    expect(
      (await owner.client.call(api.listSpaceRequests, { params: { space: internal.body.id } })).body.items,
    ).toEqual([]);

    const invited = await owner.client.call(api.inviteToSpace, {
      params: { space: external.body.id },
      body: { userIds: [guest.id] },
    });
    expect(invited.body).toEqual({ invited: 1, alreadyMembers: 0 });
    // A pending guest keeps the space external; once they left it can become internal.
    const keep = await owner.client.call(api.updateSpace, {
      params: { space: external.body.id },
      body: { external: false },
    });
    expect(keep.status).toBe(409);
    expect(keep.body.error.code).toBe('space_has_guests');
    expect(
      (await guest.client.call(api.joinSpace, { params: { space: external.body.id }, body: {} })).status,
    ).toBe(200);
    expect(
      (
        await owner.client.call(api.updateSpace, {
          params: { space: external.body.id },
          body: { external: false },
        })
      ).status,
    ).toBe(409);
    await owner.client.call(api.removeSpaceMember, { params: { space: external.body.id, userId: guest.id } });
    const made = await owner.client.call(api.updateSpace, {
      params: { space: external.body.id },
      body: { external: false },
    });
    expect(made.body.external).toBe(false);
    expect((await auditOf('space.made_internal'))[0]?.target.id).toBe(external.body.id);
    const again = await owner.client.call(api.updateSpace, {
      params: { space: internal.body.id },
      body: { external: true },
    });
    expect(again.body.external).toBe(true);
    expect((await auditOf('space.made_external'))[0]).toMatchObject({
      target: { id: internal.body.id },
      before: { external: false },
      after: { external: true },
    });
  });

  it('invites a new guest by email: the mail, the pending list, accepting joins the space', async () => {
    await settings('members', 'managers');
    const space = (await createSpace(owner, 'Partenariat Rivière', true)).body;
    const sent = await owner.client.call(api.inviteGuest, {
      params: { space: space.id },
      body: { email: 'Claire@Client.test', locale: 'fr', message: 'Bienvenue !' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ outcome: 'emailed', invitation: { email: 'claire@client.test' } });
    const pending = await owner.client.call(api.listGuestInvitations, { params: { space: space.id } });
    expect(pending.body).toMatchObject({ canInvite: true, items: [{ email: 'claire@client.test' }] });
    expect(
      (await colleague.client.call(api.listGuestInvitations, { params: { space: space.id } })).status,
    ).toBe(403);

    const mail = await t.server.ctx.db
      .selectFrom('mail_outbox')
      .select(['subject', 'text_body'])
      .where('to_address', '=', 'claire@client.test')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Partenariat Rivière');
    expect(mail.text_body).toContain('> Bienvenue !');

    const token = await linkTokenFromOutbox(t.server, 'claire@client.test', 'invitation');
    const visitor = t.server.client();
    expect((await visitor.call(api.previewInvitation, { body: { token } })).body.role).toBe('guest');
    const accepted = await visitor.call(api.acceptInvitation, {
      body: { token, name: 'Claire Cliente', password: PASSWORD, locale: 'fr' },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.role).toBe('guest');
    const mine = await visitor.call(api.listSpaces, { query: { filter: 'all' } });
    expect(mine.body.items.map((s: { id: string; myRole: string }) => [s.id, s.myRole])).toEqual([
      [space.id, 'member'],
    ]);
    expect(
      (await owner.client.call(api.listGuestInvitations, { params: { space: space.id } })).body.items,
    ).toEqual([]);
    const [entry] = await auditOf('invitation.accepted');
    expect(entry?.after).toMatchObject({ role: 'guest', spaces: [space.id] });
    expect((await auditOf('space.guest_invited'))[0]?.details).toMatchObject({
      email: 'claire@client.test',
      outcome: 'emailed',
    });
  });

  it('invites existing accounts into the space, and revokes a pending email invitation', async () => {
    await settings('members', 'managers');
    const space = (await createSpace(owner, 'Fournisseurs', true)).body;
    const guest = await person(t.server, { role: 'guest' });
    const asGuest = await owner.client.call(api.inviteGuest, {
      params: { space: space.id },
      body: { email: guest.email, locale: 'en' },
    });
    expect(asGuest.body).toEqual({ outcome: 'invited', invitation: null });
    const asColleague = await owner.client.call(api.inviteGuest, {
      params: { space: space.id },
      body: { email: colleague.email, locale: 'en' },
    });
    expect(asColleague.body.outcome).toBe('invited');
    const requests = await owner.client.call(api.listSpaceRequests, { params: { space: space.id } });
    expect(requests.body.items.map((r: { person: { id: string } }) => r.person.id).sort()).toEqual(
      [guest.id, colleague.id].sort(),
    );
    expect(
      (
        await owner.client.call(api.inviteGuest, {
          params: { space: space.id },
          body: { email: owner.email, locale: 'en' },
        })
      ).body.outcome,
    ).toBe('already_member');

    const sent = await owner.client.call(api.inviteGuest, {
      params: { space: space.id },
      body: { email: 'late@partner.test', locale: 'en' },
    });
    const revoked = await owner.client.call(api.revokeGuestInvitation, {
      params: { space: space.id, id: sent.body.invitation.id },
    });
    expect(revoked.status).toBe(200);
    expect(
      (await owner.client.call(api.listGuestInvitations, { params: { space: space.id } })).body.items,
    ).toEqual([]);
    const token = await linkTokenFromOutbox(t.server, 'late@partner.test', 'invitation');
    const visitor = t.server.client();
    expect((await visitor.call(api.previewInvitation, { body: { token } })).status).toBe(400);
    expect((await auditOf('space.guest_invitation_revoked'))[0]?.details).toMatchObject({
      email: 'late@partner.test',
    });
  });

  it('keeps guest invitations to administrators when the organisation says so', async () => {
    await settings('members', 'admins');
    const space = (await createSpace(owner, 'Client Alpha', true)).body;
    const refused = await owner.client.call(api.inviteGuest, {
      params: { space: space.id },
      body: { email: 'alpha@client.test', locale: 'en' },
    });
    expect(refused.status).toBe(403);
    expect(
      (await owner.client.call(api.listGuestInvitations, { params: { space: space.id } })).body.canInvite,
    ).toBe(false);
    const byAdmin = await admin.client.call(api.inviteGuest, {
      params: { space: space.id },
      body: { email: 'alpha@client.test', locale: 'en' },
    });
    expect(byAdmin.body.outcome).toBe('emailed');
    const guest = await person(t.server, { role: 'guest' });
    expect(
      (
        await guest.client.call(api.createSpace, {
          body: { name: 'Mine', type: 'team', visibility: 'private', external: true },
        })
      ).status,
    ).toBe(403);
  });
});

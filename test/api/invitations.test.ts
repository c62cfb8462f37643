import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { DAY } from '../../server/platform/clock.ts';
import { buildUser, linkTokenFromOutbox, PASSWORD, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('invitations', () => {
  const t = useServer();
  const admin = async () => (await setUpOrganisation(t.server)).client;

  it('invites by email: the message waits in the outbox when no SMTP is configured', async () => {
    const client = await admin();
    const res = await client.call(api.createInvitation, {
      body: {
        email: ' Jeanne.Moreau@Example.test ',
        role: 'member',
        locale: 'fr',
        message: 'Bienvenue dans l’équipe !',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'jeanne.moreau@example.test',
      role: 'member',
      status: 'pending',
      locale: 'fr',
    });
    const days = (Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)) / DAY;
    expect(days).toBe(7);

    const outbox = await client.call(api.listOutbox);
    const message = outbox.body.items.find((m: { to: string }) => m.to === 'jeanne.moreau@example.test');
    expect(message).toMatchObject({ kind: 'invitation', status: 'outbox_only', sensitive: true });
    expect(message.subject).toMatch(/vous invite à rejoindre Acme/);
    const detail = await client.call(api.getOutboxMessage, { params: { id: message.id } });
    expect(detail.body.text).toContain(`${t.server.url}/invitation#token=`);
    expect(detail.body.text).toContain('> Bienvenue dans l’équipe !');
    const read = await client.call(api.listAudit, { query: { action: 'mail.sensitive_viewed' } });
    expect(read.body.items[0].target.id).toBe(message.id);
  });

  it('lets the invited person preview, accept once and arrive signed in as a member', async () => {
    const client = await admin();
    await client.call(api.createInvitation, { body: { email: 'paul@example.test', locale: 'en' } });
    const token = await linkTokenFromOutbox(t.server, 'paul@example.test', 'invitation');
    const guest = t.server.client();
    const preview = await guest.call(api.previewInvitation, { body: { token } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      email: 'paul@example.test',
      organisationName: 'Acme',
      role: 'member',
      locale: 'en',
    });
    expect(preview.body.inviterName).toBeTruthy();

    const accepted = await guest.call(api.acceptInvitation, {
      body: { token, name: 'Paul Durand', password: PASSWORD, locale: 'fr' },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      email: 'paul@example.test',
      name: 'Paul Durand',
      role: 'member',
      locale: 'fr',
    });
    expect((await guest.call(api.getMe)).body.email).toBe('paul@example.test');

    const reuse = await t.server.client().call(api.acceptInvitation, {
      body: { token, name: 'Mallory', password: 'mallory password 123', locale: 'en' },
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error.code).toBe('invalid_token');
    const list = await client.call(api.listInvitations, { query: { status: 'accepted' } });
    expect(list.body.items.map((i: { email: string }) => i.email)).toContain('paul@example.test');
    const audit = await client.call(api.listAudit, { query: { action: 'invitation.accepted' } });
    expect(audit.body.items[0]).toMatchObject({ actor: { label: 'Paul Durand <paul@example.test>' } });
  });

  it('gives the invited role', async () => {
    const client = await admin();
    await client.call(api.createInvitation, {
      body: { email: 'supplier@partner.test', role: 'guest', locale: 'en' },
    });
    const token = await linkTokenFromOutbox(t.server, 'supplier@partner.test', 'invitation');
    const res = await t.server.client().call(api.acceptInvitation, {
      body: { token, name: 'Sam Supplier', password: PASSWORD, locale: 'en' },
    });
    expect(res.body.role).toBe('guest');
  });

  it('expires after 7 days', async () => {
    const client = await admin();
    await client.call(api.createInvitation, { body: { email: 'late@example.test', locale: 'en' } });
    const token = await linkTokenFromOutbox(t.server, 'late@example.test', 'invitation');
    t.server.clock.advance(7 * DAY + 1000);
    const res = await t.server.client().call(api.previewInvitation, { body: { token } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_token');
    // A week later the administrator's own session has idled out too.
    expect((await client.call(api.listInvitations)).status).toBe(401);
    const expired = await (await admin()).call(api.listInvitations, { query: { status: 'expired' } });
    expect(expired.body.items.map((i: { email: string }) => i.email)).toContain('late@example.test');
  });

  it('resends with a fresh link (the old one dies) and revokes', async () => {
    const client = await admin();
    const created = await client.call(api.createInvitation, {
      body: { email: 'twice@example.test', locale: 'en' },
    });
    const first = await linkTokenFromOutbox(t.server, 'twice@example.test', 'invitation');
    const resent = await client.call(api.resendInvitation, { params: { id: created.body.id } });
    expect(resent.status).toBe(200);
    const second = await linkTokenFromOutbox(t.server, 'twice@example.test', 'invitation');
    expect(second).not.toBe(first);
    expect((await t.server.client().call(api.previewInvitation, { body: { token: first } })).status).toBe(
      400,
    );
    expect((await t.server.client().call(api.previewInvitation, { body: { token: second } })).status).toBe(
      200,
    );

    const revoked = await client.call(api.revokeInvitation, { params: { id: created.body.id } });
    expect(revoked.body.status).toBe('revoked');
    expect((await t.server.client().call(api.previewInvitation, { body: { token: second } })).status).toBe(
      400,
    );
    const resendRevoked = await client.call(api.resendInvitation, { params: { id: created.body.id } });
    expect(resendRevoked.status).toBe(409);
  });

  it('replaces an earlier pending invitation to the same address', async () => {
    const client = await admin();
    await client.call(api.createInvitation, { body: { email: 'dup@example.test', locale: 'en' } });
    const first = await linkTokenFromOutbox(t.server, 'dup@example.test', 'invitation');
    await client.call(api.createInvitation, { body: { email: 'dup@example.test', locale: 'fr' } });
    expect((await t.server.client().call(api.previewInvitation, { body: { token: first } })).status).toBe(
      400,
    );
    const pending = await client.call(api.listInvitations, { query: { status: 'pending' } });
    expect(pending.body.items.filter((i: { email: string }) => i.email === 'dup@example.test')).toHaveLength(
      1,
    );
  });

  it('refuses to invite someone who already has an account, and a malformed address', async () => {
    const client = await admin();
    const existing = await buildUser(t.server);
    const taken = await client.call(api.createInvitation, { body: { email: existing.email, locale: 'en' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('email_taken');
    const bad = await client.call(api.createInvitation, {
      body: { email: 'not an email', locale: 'en', role: 'owner' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues.map((i: { field: string }) => i.field).sort()).toEqual([
      'email',
      'role',
    ]);
  });

  it('is for administrators only', async () => {
    await admin();
    const member = await signIn(t.server, await buildUser(t.server));
    const before = await t.server.ctx.db.selectFrom('invitations').select('id').execute();
    const res = await member.call(api.createInvitation, {
      body: { email: 'friend@example.test', locale: 'en' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await member.call(api.listInvitations)).status).toBe(403);
    expect(await t.server.ctx.db.selectFrom('invitations').select('id').execute()).toHaveLength(
      before.length,
    );
    expect((await t.server.client().call(api.listInvitations)).status).toBe(401);
  });

  it('pages through invitations newest first without duplicates', async () => {
    const client = await admin();
    for (let i = 0; i < 7; i++)
      await client.call(api.createInvitation, { body: { email: `page${i}@example.test`, locale: 'en' } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await client.call(api.listInvitations, { query: { limit: 3, cursor } });
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await t.server.ctx.db.selectFrom('invitations').select('id').orderBy('id', 'desc').execute();
    expect(seen).toEqual(all.map((r) => r.id));
  });
});

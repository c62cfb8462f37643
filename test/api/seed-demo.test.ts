// npm run seed:demo's library on a fresh database: what a newcomer sees after seeding.
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { AlreadySeededError, type SeedSummary, seedDemo } from '../../scripts/seed/index.ts';
import { signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('demo data', () => {
  const t = useServer({ worker: false });
  let seeded: SeedSummary;

  it('creates the organisation and prints working administrator credentials', async () => {
    seeded = await seedDemo(t.server.ctx, { users: 250 });
    expect(seeded).toMatchObject({ organisation: 'Atelier Lumen', users: 250, departments: 12, sites: 6 });
    expect(seeded.admin.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(seeded.demoPassword).not.toBe(seeded.admin.password);

    const admin = await signIn(t.server, { email: seeded.admin.email, password: seeded.admin.password });
    const me = await admin.call(api.getMe);
    expect(me.body).toMatchObject({ role: 'admin', name: 'Camille Martin' });
    const everyone = [];
    let cursor: string | undefined;
    do {
      const page = await admin.call(api.listUsers, { query: { limit: 100, cursor } });
      everyone.push(...page.body.items);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(everyone).toHaveLength(250);
    const roles = new Set(everyone.map((u: { role: string }) => u.role));
    expect(roles).toEqual(new Set(['admin', 'member', 'guest']));
    expect(everyone.some((u: { status: string }) => u.status === 'deactivated')).toBe(true);
    // French and English names and languages, with the accents people really have.
    expect(everyone.some((u: { locale: string }) => u.locale === 'en')).toBe(true);
    expect(everyone.filter((u: { locale: string }) => u.locale === 'fr').length).toBeGreaterThan(100);
    expect(everyone.some((u: { name: string }) => /[éèëïôç]/i.test(u.name))).toBe(true);
    const directory = await admin.call(api.getDirectory);
    expect(directory.body.departments).toHaveLength(12);
    expect(directory.body.sites.map((s: { name: string }) => s.name)).toContain('Lyon — siège');
  });

  it('lets demo members sign in with the shared password, but not deactivated ones', async () => {
    const admin = await signIn(t.server, { email: seeded.admin.email, password: seeded.admin.password });
    const member = (
      await admin.call(api.listUsers, { query: { role: 'member', status: 'active', limit: 1 } })
    ).body.items[0];
    await signIn(t.server, { email: member.email, password: seeded.demoPassword });
    const gone = (await admin.call(api.listUsers, { query: { status: 'deactivated', limit: 1 } })).body
      .items[0];
    const refused = await t.server
      .client()
      .call(api.signIn, { body: { email: gone.email, password: seeded.demoPassword } });
    expect(refused.status).toBe(401);
  });

  it('puts invitation mail in the outbox and history in the audit log', async () => {
    const admin = await signIn(t.server, { email: seeded.admin.email, password: seeded.admin.password });
    const outbox = await admin.call(api.listOutbox, { query: { limit: 100 } });
    const invitations = outbox.body.items.filter((m: { kind: string }) => m.kind === 'invitation');
    expect(invitations.length).toBe(seeded.invitations);
    const mail = await admin.call(api.getOutboxMessage, { params: { id: invitations[0].id } });
    expect(mail.body.text).toContain('/invitation#token=');
    const audit = await admin.call(api.listAudit, { query: { action: 'organisation.setup' } });
    expect(audit.body.items).toHaveLength(1);
  });

  it('fills spaces with conversations a member can read in their feed', async () => {
    const admin = await signIn(t.server, { email: seeded.admin.email, password: seeded.admin.password });
    expect(seeded.posts).toBeGreaterThan(20);
    const feed = await admin.call(api.homeFeed, { query: { limit: 50 } });
    expect(feed.status).toBe(200);
    expect(feed.body.items.length).toBeGreaterThan(10);
    const announcement = feed.body.items.find((p: { isAnnouncement: boolean }) => p.isAnnouncement);
    expect(announcement.acknowledgement.count).toBeGreaterThan(0);
    expect(feed.body.items.some((p: { poll: unknown }) => p.poll !== null)).toBe(true);
    expect(feed.body.items.some((p: { commentCount: number }) => p.commentCount > 0)).toBe(true);
    expect(feed.body.items.some((p: { tags: string[] }) => p.tags.includes('aurore'))).toBe(true);
  });

  it('refuses to seed a database that already has an organisation, and changes nothing', async () => {
    const before = await t.server.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    await expect(seedDemo(t.server.ctx, { users: 20 })).rejects.toBeInstanceOf(AlreadySeededError);
    const after = await t.server.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after).toEqual(before);
  });
});

// Ambassadors (docs/ambassadors.md): communication managers publish share kits to an audience;
// employees opt in, share through a network's public share page with their tracked link
// /r/{code}, which counts the click and forwards to the kit's target with UTM parameters —
// only for a published, current kit, never anywhere a request names. Administrators make
// colleagues communication managers; a kit's image is uploaded and served to its audience.
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareUrl } from '../../common/ambassadors.ts';
import { api } from '../../common/api.ts';
import type { AmbassadorHome, Kit, ReachReport } from '../../common/schemas/ambassadors.ts';
import { DAY } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { download, type Person, person, upload } from '../helpers/stream-fixtures.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF jpeg body')]);

describe('ambassadors', () => {
  const t = useServer({ worker: false });
  let admin: TestClient;
  let sales: Person;
  let support: Person;
  let guest: Person;
  let salesDept: string;

  const kitBody = (over: Record<string, unknown> = {}) => {
    const now = t.server.clock.now().getTime();
    return {
      title: 'Nous recrutons à Lyon',
      texts: { generic: 'We are hiring in Lyon!', x: 'Hiring in Lyon', linkedin: 'Join our Lyon team.' },
      targetUrl: 'https://careers.example.com/lyon?ref=site',
      editable: true,
      disclosure: true,
      departmentIds: [],
      siteIds: [],
      startsAt: new Date(now - DAY).toISOString(),
      endsAt: new Date(now + 30 * DAY).toISOString(),
      ...over,
    };
  };

  async function publishedKit(over: Record<string, unknown> = {}): Promise<Kit> {
    const created = await admin.call(api.createKit, { body: kitBody(over) });
    expect(created.status, created.text).toBe(201);
    const published = await admin.call(api.publishKit, { params: { id: created.body.id } });
    expect(published.status, published.text).toBe(200);
    return published.body as Kit;
  }

  const home = async (p: Person) => {
    const res = await p.client.call(api.ambassadorHome);
    expect(res.status, res.text).toBe(200);
    return res.body as AmbassadorHome;
  };

  const optIn = async (p: Person, optedIn = true) => {
    const res = await p.client.call(api.setAmbassadorMembership, { body: { optedIn } });
    expect(res.status, res.text).toBe(204);
  };

  async function share(p: Person, kit: Kit, network: string) {
    const res = await p.client.call(api.shareKit, { params: { id: kit.id }, body: { network } });
    expect(res.status, res.text).toBe(200);
    return res.body as { code: string; link: string };
  }

  const follow = (code: string, ip?: string) => t.server.client({ ip }).request('GET', `/r/${code}`);

  const grant = (by: TestClient, p: { id: string }, communicationManager: boolean) =>
    by.call(api.setCommunicationManager, { params: { id: p.id }, body: { communicationManager } });

  const putImage = (by: TestClient, kit: { id: string }, bytes: Buffer, name = 'visuel.png') =>
    upload(by, name, bytes, 'application/octet-stream', {
      method: 'PUT',
      path: `/api/v1/ambassadors/kits/${kit.id}/image`,
    });

  const files = () =>
    (fs.readdirSync(t.server.ctx.config.FILES_DIR, { recursive: true }) as string[]).filter((f) =>
      fs.statSync(`${t.server.ctx.config.FILES_DIR}/${f}`).isFile(),
    );

  beforeAll(async () => {
    ({ client: admin } = await setUpOrganisation(t.server));
    sales = await person(t.server, { name: 'Sacha Ventes' });
    support = await person(t.server, { name: 'Sam Support' });
    guest = await person(t.server, { role: 'guest', name: 'Gaby Invitée' });
    salesDept = newId();
    await t.server.ctx.db
      .insertInto('departments')
      .values({ id: salesDept, name: 'Sales', created_at: t.server.clock.now() })
      .execute();
    await t.server.ctx.db
      .updateTable('users')
      .set({ department_id: salesDept })
      .where('id', '=', sales.id)
      .execute();
  });

  it('a kit goes draft → published → archived, audited, and only managers write kits', async () => {
    const created = await admin.call(api.createKit, { body: kitBody() });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', editable: true, disclosure: true });
    expect(created.body.slug).toMatch(/^nous-recrutons-a-lyon-[0-9a-f]{6}$/);
    const id = created.body.id as string;

    // A draft reaches nobody.
    expect((await home(sales)).kits.map((k) => k.id)).not.toContain(id);
    expect((await sales.client.call(api.createKit, { body: kitBody() })).status).toBe(403);
    expect((await sales.client.call(api.publishKit, { params: { id } })).status).toBe(403);
    expect((await sales.client.call(api.listKits)).status).toBe(403);
    expect((await sales.client.call(api.ambassadorReport)).status).toBe(403);

    const edited = await admin.call(api.updateKit, {
      params: { id },
      body: kitBody({ title: 'Nous recrutons à Lyon et Lille', editable: false }),
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Nous recrutons à Lyon et Lille', editable: false });

    const published = await admin.call(api.publishKit, { params: { id } });
    expect(published.body).toMatchObject({ status: 'published' });
    expect((await admin.call(api.publishKit, { params: { id } })).status).toBe(409);
    expect((await home(sales)).kits.map((k) => k.id)).toContain(id);

    const archived = await admin.call(api.archiveKit, { params: { id } });
    expect(archived.body).toMatchObject({ status: 'archived' });
    expect((await home(sales)).kits.map((k) => k.id)).not.toContain(id);
    expect((await admin.call(api.updateKit, { params: { id }, body: kitBody() })).status).toBe(409);

    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'ambassador_kit.created',
      'ambassador_kit.updated',
      'ambassador_kit.published',
      'ambassador_kit.archived',
    ]);
  });

  it('refuses a target that is not an http(s) address and dates out of order, writing nothing', async () => {
    const before = (await admin.call(api.listKits)).body.items.length;
    for (const targetUrl of ['javascript:alert(1)', 'ftp://example.com/x', '//evil.example', 'not a url']) {
      const res = await admin.call(api.createKit, { body: kitBody({ targetUrl }) });
      expect(res.status, targetUrl).toBe(400);
      expect(res.body.error.details.issues[0].field).toBe('targetUrl');
    }
    const now = t.server.clock.now().getTime();
    const backwards = await admin.call(api.createKit, {
      body: kitBody({ startsAt: new Date(now).toISOString(), endsAt: new Date(now - DAY).toISOString() }),
    });
    expect(backwards.status).toBe(400);
    expect((await admin.call(api.listKits)).body.items.length).toBe(before);
  });

  it('shows a kit only to its audience, and nothing of the programme to guests', async () => {
    const forSales = await publishedKit({ title: 'Sales only', departmentIds: [salesDept] });
    expect((await home(sales)).kits.map((k) => k.id)).toContain(forSales.id);
    expect((await home(support)).kits.map((k) => k.id)).not.toContain(forSales.id);
    expect((await guest.client.call(api.ambassadorHome)).status).toBe(403);
    // Sharing a kit outside one's audience is as if it did not exist.
    await optIn(support);
    const res = await support.client.call(api.shareKit, {
      params: { id: forSales.id },
      body: { network: 'linkedin' },
    });
    expect(res.status).toBe(404);
  });

  it('an employee opts in, shares (one link per kit × network × person), and the click is counted and forwarded with UTM', async () => {
    const kit = await publishedKit({ title: 'Salon Vivatech' });
    const notYet = await sales.client.call(api.shareKit, { params: { id: kit.id }, body: { network: 'x' } });
    expect(notYet.status).toBe(403);

    await optIn(sales);
    expect((await home(sales)).optedIn).toBe(true);
    const first = await share(sales, kit, 'x');
    expect(first.link).toBe(`${t.server.ctx.config.PUBLIC_URL}/r/${first.code}`);
    expect((await share(sales, kit, 'x')).code).toBe(first.code);
    const linkedin = await share(sales, kit, 'linkedin');
    expect(linkedin.code).not.toBe(first.code);
    expect(shareUrl('x', 'Hi', first.link)).toBe(
      `https://twitter.com/intent/tweet?text=Hi&url=${encodeURIComponent(first.link)}`,
    );

    const res = await follow(first.code);
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe('https://careers.example.com/lyon');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      ref: 'site',
      utm_source: 'x',
      utm_medium: 'ambassador',
      utm_campaign: kit.slug,
      utm_content: first.code,
    });
    await follow(first.code);
    await follow(linkedin.code);

    const report = (await admin.call(api.ambassadorReport)).body as ReachReport;
    const row = report.kits.find((k) => k.id === kit.id);
    expect(row).toMatchObject({ shares: 3, clicks: 3 });
    expect(row?.byNetwork).toEqual([
      { network: 'x', shares: 2, clicks: 2 },
      { network: 'linkedin', shares: 1, clicks: 1 },
    ]);
    expect(report.departments.find((d) => d.name === 'Sales')).toMatchObject({
      ambassadors: 1,
      shares: 3,
      clicks: 3,
    });

    const activity = await t.server.ctx.db
      .selectFrom('activity_events')
      .select('verb')
      .where('actor_id', '=', sales.id)
      .where('verb', 'like', 'ambassador.%')
      .execute();
    expect(activity.map((a) => a.verb).sort()).toEqual([
      'ambassador.opted_in',
      'ambassador.shared',
      'ambassador.shared',
      'ambassador.shared',
    ]);

    await optIn(sales, false);
    expect((await home(sales)).optedIn).toBe(false);
    await optIn(sales);
  });

  it('refuses unknown, archived and expired codes, and never forwards where a request says', async () => {
    const kit = await publishedKit({ title: 'Fin de campagne' });
    const { code } = await share(sales, kit, 'facebook');
    const clicks = async () =>
      (
        await t.server.ctx.db
          .selectFrom('ambassador_clicks')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).n;

    expect((await follow('doesNotExist1')).status).toBe(404);
    expect((await follow('..%2F..%2Fetc')).status).toBe(404);
    const smuggled = await t.server.client().request('GET', `/r/${code}?url=https://evil.example`);
    expect(new URL(smuggled.headers.get('location') ?? '').host).toBe('careers.example.com');
    expect((await t.server.client().request('GET', `/r/https:%2F%2Fevil.example`)).status).toBe(404);

    const past = t.server.clock.now().getTime() - DAY;
    await admin.call(api.updateKit, {
      params: { id: kit.id },
      body: kitBody({ startsAt: new Date(past - DAY).toISOString(), endsAt: new Date(past).toISOString() }),
    });
    const before = Number(await clicks());
    const expired = await follow(code);
    expect(expired.status).toBe(410);
    expect(expired.headers.get('location')).toBeNull();
    await admin.call(api.archiveKit, { params: { id: kit.id } });
    expect((await follow(code)).status).toBe(410);
    expect(Number(await clicks())).toBe(before);
  });

  it('limits clicks per address', async () => {
    const kit = await publishedKit({ title: 'Rafale' });
    const { code } = await share(sales, kit, 'bluesky');
    const ip = '203.0.113.77';
    let last = 0;
    for (let i = 0; i < 121; i++) last = (await follow(code, ip)).status;
    expect(last).toBe(429);
    expect((await follow(code, '203.0.113.78')).status).toBe(302);
  });

  it('the organisation switches the leaderboard off: employees no longer see it', async () => {
    expect((await home(sales)).leaderboard?.[0]).toMatchObject({ name: 'Sacha Ventes' });
    expect(
      (await sales.client.call(api.setAmbassadorSettings, { body: { leaderboard: false } })).status,
    ).toBe(403);
    const off = await admin.call(api.setAmbassadorSettings, { body: { leaderboard: false } });
    expect(off.body).toEqual({ leaderboard: false });
    const h = await home(sales);
    expect(h.leaderboardOn).toBe(false);
    expect(h.leaderboard).toBeNull();
    expect(((await admin.call(api.ambassadorReport)).body as ReachReport).leaderboardOn).toBe(false);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'ambassador.settings_changed')
      .execute();
    expect(audit).toHaveLength(1);
    await admin.call(api.setAmbassadorSettings, { body: { leaderboard: true } });
    expect((await home(sales)).leaderboard).not.toBeNull();
  });

  it('an administrator makes a colleague communication manager: they run kits and read the report; guests never', async () => {
    const manager = await person(t.server, { name: 'Mona Communication' });
    const plain = await person(t.server, { name: 'Paul Membre' });
    expect((await home(manager)).canManage).toBe(false);
    expect((await manager.client.call(api.createKit, { body: kitBody() })).status).toBe(403);
    // Only administrators give the grant, or see who holds it.
    expect((await grant(manager.client, manager, true)).status).toBe(403);
    expect((await manager.client.call(api.listCommunicationManagers)).status).toBe(403);

    expect((await grant(admin, manager, true)).status).toBe(204);
    expect((await grant(admin, manager, true)).status).toBe(204); // already: nothing changes
    const listed = await admin.call(api.listCommunicationManagers);
    expect(listed.body.items).toEqual([{ id: manager.id, name: 'Mona Communication', email: manager.email }]);

    // The manager writes, publishes and archives kits, reads the report, switches the leaderboard.
    expect((await home(manager)).canManage).toBe(true);
    const created = await manager.client.call(api.createKit, {
      body: kitBody({ title: 'Journée portes ouvertes' }),
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    const edited = await manager.client.call(api.updateKit, {
      params: { id },
      body: kitBody({ title: 'Journée portes ouvertes à Nantes' }),
    });
    expect(edited.status, edited.text).toBe(200);
    expect((await manager.client.call(api.publishKit, { params: { id } })).status).toBe(200);
    expect((await manager.client.call(api.listKits)).body.items.map((k: Kit) => k.id)).toContain(id);
    expect((await manager.client.call(api.ambassadorReport)).status).toBe(200);
    expect(
      (await manager.client.call(api.setAmbassadorSettings, { body: { leaderboard: true } })).status,
    ).toBe(200);
    expect((await manager.client.call(api.archiveKit, { params: { id } })).status).toBe(200);

    // A plain member does none of it.
    for (const res of [
      await plain.client.call(api.createKit, { body: kitBody() }),
      await plain.client.call(api.updateKit, { params: { id }, body: kitBody() }),
      await plain.client.call(api.publishKit, { params: { id } }),
      await plain.client.call(api.archiveKit, { params: { id } }),
      await plain.client.call(api.listKits),
      await plain.client.call(api.ambassadorReport),
      await plain.client.call(api.setAmbassadorSettings, { body: { leaderboard: false } }),
      await putImage(plain.client, { id }, PNG),
    ])
      expect(res.status).toBe(403);

    // A guest can never hold it: refused at the grant, and a flag set by other means gives nothing.
    const refused = await grant(admin, guest, true);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('communication_manager_not_eligible');
    await t.server.ctx.db
      .updateTable('users')
      .set({ communication_manager: true })
      .where('id', '=', guest.id)
      .execute();
    expect((await guest.client.call(api.createKit, { body: kitBody() })).status).toBe(403);
    expect((await guest.client.call(api.ambassadorReport)).status).toBe(403);
    expect(
      (await admin.call(api.listCommunicationManagers)).body.items.map((m: { id: string }) => m.id),
    ).toEqual([manager.id]);
    await t.server.ctx.db
      .updateTable('users')
      .set({ communication_manager: false })
      .where('id', '=', guest.id)
      .execute();

    // Withdrawn, it stops at once, session or not.
    expect((await grant(admin, manager, false)).status).toBe(204);
    expect((await manager.client.call(api.listKits)).status).toBe(403);
    expect((await home(manager)).canManage).toBe(false);

    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'user.communication_manager_changed')
      .where('target_id', '=', manager.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([
      { communicationManager: true },
      { communicationManager: false },
    ]);
    const activity = await t.server.ctx.db
      .selectFrom('activity_events')
      .select('verb')
      .where('verb', 'like', 'ambassador.manager_%')
      .execute();
    expect(activity.map((a) => a.verb)).toEqual([
      'ambassador.manager_granted',
      'ambassador.manager_withdrawn',
    ]);
  });

  it("a kit's image is uploaded, shown to its audience only, replaced and removed with its file", async () => {
    const kit = await publishedKit({ title: 'Nouveau luminaire', departmentIds: [salesDept] });
    expect(kit.imageUrl).toBeNull();
    const before = files().length;

    const first = await putImage(admin, kit, PNG);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.imageUrl).toMatch(new RegExp(`^/api/v1/ambassadors/kits/${kit.id}/image\\?v=\\w+$`));
    expect(files().length).toBe(before + 1);
    expect((await home(sales)).kits.find((k) => k.id === kit.id)?.imageUrl).toBe(first.body.imageUrl);

    const seen = await download(sales.client, first.body.imageUrl);
    expect(seen.status).toBe(200);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expect(seen.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await seen.arrayBuffer()).equals(PNG)).toBe(true);
    // Outside the audience it does not exist; guests see nothing of the programme.
    expect((await download(support.client, first.body.imageUrl)).status).toBe(404);
    expect((await download(guest.client, first.body.imageUrl)).status).toBe(403);

    // Only images, by their bytes, whatever the name says; nothing stored for a refusal.
    const html = await putImage(admin, kit, Buffer.from('<svg onload="alert(1)"></svg>'), 'visuel.png');
    expect(html.status).toBe(415);
    expect(html.body.error.code).toBe('unsupported_media_type');
    const big = await putImage(admin, kit, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.status).toBe(413);
    expect(files().length).toBe(before + 1);

    // A new image gets a new address, and the old file goes.
    t.server.clock.advance(1000);
    const second = await putImage(admin, kit, JPEG, 'visuel.jpg');
    expect(second.status).toBe(200);
    expect(second.body.imageUrl).not.toBe(first.body.imageUrl);
    expect((await download(sales.client, second.body.imageUrl)).headers.get('content-type')).toBe(
      'image/jpeg',
    );
    await expect.poll(() => files().length).toBe(before + 1);

    const removed = await admin.call(api.removeKitImage, { params: { id: kit.id } });
    expect(removed.status).toBe(200);
    expect(removed.body.imageUrl).toBeNull();
    expect((await download(sales.client, second.body.imageUrl)).status).toBe(404);
    await expect.poll(() => files().length).toBe(before);

    // Once archived, the kit (and its image) no longer changes.
    await admin.call(api.archiveKit, { params: { id: kit.id } });
    expect((await putImage(admin, kit, PNG)).status).toBe(409);
    expect(files().length).toBe(before);

    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'ambassador_kit.updated')
      .where('target_id', '=', kit.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.after)).toEqual([{ image: true }, { image: true }, { image: false }]);
  });

  it('the report ranks kits and people in the database: the most clicked first, the leaderboard capped at ten', async () => {
    const kit = await publishedKit({ title: 'Classement' });
    const crowd = await Promise.all(
      Array.from({ length: 11 }, (_, i) =>
        person(t.server, { name: `Ambassadeur ${String(i).padStart(2, '0')}` }),
      ),
    );
    for (const [i, p] of crowd.entries()) {
      await optIn(p);
      const { code } = await share(p, kit, 'linkedin');
      for (let c = 0; c <= i; c++) await follow(code, `198.51.100.${i + 1}`);
    }
    const report = (await admin.call(api.ambassadorReport)).body as ReachReport;
    expect(report.leaderboard).toHaveLength(10);
    const clicks = report.leaderboard.map((e) => e.clicks);
    expect(clicks).toEqual([...clicks].sort((a, b) => b - a));
    expect(report.kits.map((k) => k.clicks)).toEqual(
      [...report.kits.map((k) => k.clicks)].sort((a, b) => b - a),
    );
    const row = report.kits.find((k) => k.id === kit.id);
    expect(row).toMatchObject({ shares: 11, clicks: 66 });
    expect(row?.byNetwork).toEqual([{ network: 'linkedin', shares: 11, clicks: 66 }]);
    // The totals are the sums over every link and click.
    const all = await t.server.ctx.db
      .selectFrom('ambassador_clicks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(report.totals.clicks).toBe(Number(all.n));
    expect(report.totals.ambassadors).toBe(report.departments.reduce((s, d) => s + d.ambassadors, 0));
  });
});

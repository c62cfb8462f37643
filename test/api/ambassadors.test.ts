// Ambassadors (docs/ambassadors.md): communication managers publish share kits to an audience;
// employees opt in, share through a network's public share page with their tracked link
// /r/{code}, which counts the click and forwards to the kit's target with UTM parameters —
// only for a published, current kit, never anywhere a request names.
import { beforeAll, describe, expect, it } from 'vitest';
import { shareUrl } from '../../common/ambassadors.ts';
import { api } from '../../common/api.ts';
import type { AmbassadorHome, Kit, ReachReport } from '../../common/schemas/ambassadors.ts';
import { DAY } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';

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
      imageUrl: null,
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
});

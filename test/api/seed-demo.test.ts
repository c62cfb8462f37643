// npm run seed:demo: what a newcomer sees after seeding — first through the library on a
// test server, then the command itself against a database of this project's kind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { Endpoint } from '../../common/endpoint.ts';
import type { Kit, ReachReport } from '../../common/schemas/ambassadors.ts';
import {
  CHANGED_ASSUMPTION,
  PEOPLE_COHORT,
  PILOT_SPACES,
  SPACES_COHORT,
} from '../../scripts/seed/analytics.ts';
import { DEPARTMENTS } from '../../scripts/seed/data.ts';
import { AlreadySeededError, type SeedSummary, seedDemo } from '../../scripts/seed/index.ts';
import { formatSummary } from '../../scripts/seed/summary.ts';
import { buildDashboard } from '../../server/modules/analytics/indicators/index.ts';
import { TestClient } from '../helpers/client.ts';
import { signIn } from '../helpers/factories.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { testDatabaseKind, useServer } from '../helpers/server.ts';

/** Every item of a paginated list. */
async function everything(client: TestClient, endpoint: Endpoint, query: Record<string, unknown> = {}) {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.call(endpoint, { query: { ...query, limit: 100, cursor } });
    expect(page.status).toBe(200);
    items.push(...page.body.items);
    cursor = page.body.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** What a person copies from the terminal. */
function readPrinted(text: string) {
  const grab = (re: RegExp) => {
    const m = re.exec(text);
    if (!m) throw new Error(`Not in the printed summary: ${re}\n${text}`);
    return m[1]!;
  };
  return {
    url: grab(/Open (\S+) and sign in/),
    email: grab(/^ {2}email {5}(\S+)$/m),
    password: grab(/^ {2}password {2}(\S+)$/m),
    demoPassword: grab(/uses the password (\S+)$/m),
  };
}

const frenchTitles = new Set<string>(DEPARTMENTS.flatMap((d) => d.fr));
const englishTitles = new Set<string>(DEPARTMENTS.flatMap((d) => d.en));

describe('demo data', () => {
  const t = useServer({ worker: false });
  let seeded: SeedSummary;
  let printed: ReturnType<typeof readPrinted>;

  // Ninety days of analytics history and the roll-ups rebuilt from it: on a busy 2-core
  // CI machine the seed alone can take most of the default 30 s.
  it('creates the organisation and prints administrator credentials that work', async () => {
    seeded = await seedDemo(t.server.ctx, { users: 250 });
    expect(seeded).toMatchObject({ organisation: 'Atelier Lumen', users: 250, departments: 12, sites: 6 });
    printed = readPrinted(formatSummary(seeded, { publicUrl: t.server.url, elapsedMs: seeded.elapsedMs }));
    expect(printed.url).toBe(t.server.url);
    expect(printed.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(printed.demoPassword).not.toBe(printed.password);

    const admin = await signIn(t.server, { email: printed.email, password: printed.password });
    expect((await admin.call(api.getMe)).body).toMatchObject({ role: 'admin', name: 'Camille Martin' });
    const everyone = await everything(admin, api.listUsers);
    expect(everyone).toHaveLength(250);
    const count = (f: (u: (typeof everyone)[number]) => boolean) => everyone.filter(f).length;
    expect(count((u) => u.role === 'admin')).toBeGreaterThanOrEqual(2);
    expect(count((u) => u.role === 'admin')).toBeLessThan(15);
    expect(count((u) => u.role === 'member')).toBeGreaterThan(0.85 * 250);
    expect(count((u) => u.role === 'guest')).toBeGreaterThan(0);
    expect(count((u) => u.status === 'deactivated')).toBeGreaterThan(0);
    expect(count((u) => u.status === 'deactivated')).toBeLessThan(10);
    const directory = await admin.call(api.getDirectory);
    expect(directory.body.departments).toHaveLength(12);
    expect(directory.body.sites).toHaveLength(6);
    expect(directory.body.sites.map((s: { name: string }) => s.name)).toContain('Lyon — siège');
  }, 90_000);

  it('gives people French and English names, languages and matching job titles', async () => {
    const admin = await signIn(t.server, printed);
    const everyone = await everything(admin, api.listUsers);
    const english = everyone.filter((u) => u.locale === 'en');
    expect(english.length / everyone.length).toBeGreaterThan(0.25);
    expect(english.length / everyone.length).toBeLessThan(0.55);
    expect(everyone.some((u) => /[éèëïôçÉ]/.test(u.name))).toBe(true);
    // Everyone but the guests (partner companies) and the founding administrator.
    const titled = everyone.filter((u) => u.jobTitle && u.email !== printed.email);
    expect(titled.length).toBeGreaterThan(200);
    for (const u of titled) {
      expect(u.locale === 'en' ? englishTitles : frenchTitles, `${u.name}: ${u.jobTitle}`).toContain(
        u.jobTitle,
      );
    }
    expect(everyone.some((u) => u.department && u.site)).toBe(true);
  });

  it('lets demo members sign in with the shared password, but not deactivated ones', async () => {
    const admin = await signIn(t.server, printed);
    const member = (
      await admin.call(api.listUsers, { query: { role: 'member', status: 'active', limit: 1 } })
    ).body.items[0];
    const colleague = await signIn(t.server, { email: member.email, password: printed.demoPassword });
    expect((await colleague.call(api.getMe)).body.role).toBe('member');
    const gone = (await admin.call(api.listUsers, { query: { status: 'deactivated', limit: 1 } })).body
      .items[0];
    const refused = await t.server
      .client()
      .call(api.signIn, { body: { email: gone.email, password: printed.demoPassword } });
    expect(refused.status).toBe(401);
  });

  it('shows pending, expired and accepted invitations, their mail in the outbox, and their history', async () => {
    const admin = await signIn(t.server, printed);
    const { pending, expired, accepted } = seeded.invitationsByStatus;
    expect(pending).toBeGreaterThan(0);
    expect(expired).toBeGreaterThan(0);
    expect(accepted).toBeGreaterThan(0);
    for (const [status, n] of Object.entries(seeded.invitationsByStatus)) {
      expect(await everything(admin, api.listInvitations, { status }), status).toHaveLength(n);
    }
    const mails = (await everything(admin, api.listOutbox)).filter((m) => m.kind === 'invitation');
    expect(mails).toHaveLength(seeded.invitations);

    // The link in a pending invitation's mail opens it; the one in an expired mail does not.
    const [waiting] = await everything(admin, api.listInvitations, { status: 'pending' });
    const [late] = await everything(admin, api.listInvitations, { status: 'expired' });
    const linkTo = async (email: string) => {
      const mail = mails.find((m) => m.to === email);
      const detail = await admin.call(api.getOutboxMessage, { params: { id: mail.id } });
      const token = new RegExp(`${t.server.url}/invitation#token=([A-Za-z0-9_-]+)`).exec(
        detail.body.text,
      )?.[1];
      expect(token, detail.body.text).toBeDefined();
      return t.server.client().call(api.previewInvitation, { body: { token } });
    };
    const open = await linkTo(waiting.email);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ email: waiting.email, organisationName: 'Atelier Lumen' });
    expect((await linkTo(late.email)).body.error.code).toBe('invalid_token');

    expect(await everything(admin, api.listAudit, { action: 'organisation.setup' })).toHaveLength(1);
    expect(await everything(admin, api.listAudit, { action: 'invitation.accepted' })).toHaveLength(accepted);
  });

  it('sets retention rules and a legal hold an administrator can read', async () => {
    const admin = await signIn(t.server, printed);
    const retention = await admin.call(api.getRetention);
    expect(retention.status).toBe(200);
    const byKey = Object.fromEntries(
      retention.body.rules.map((r: { key: string; keepDays: number | null }) => [r.key, r.keepDays]),
    );
    expect(byKey).toEqual({ organisation: null, 'type:event': 730 });
    const holds = await admin.call(api.listLegalHolds);
    expect(holds.body.items).toHaveLength(1);
    expect(holds.body.items[0]).toMatchObject({
      space: { name: 'Qualité & sécurité atelier' },
      releasedAt: null,
    });
    expect(await everything(admin, api.listAudit, { action: 'retention.rule_changed' })).toHaveLength(2);
  });

  it('fills spaces with conversations a member can read in their feed', async () => {
    const admin = await signIn(t.server, printed);
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

  it('asks questions in both languages, answered, voted for, some accepted, and all searchable', async () => {
    const admin = await signIn(t.server, printed);
    const all = await admin.call(api.listQuestions, { query: { limit: 50 } });
    expect(all.body.items.length).toBeGreaterThanOrEqual(4);
    const accepted = await admin.call(api.listQuestions, { query: { status: 'accepted', limit: 50 } });
    expect(accepted.body.items.length).toBeGreaterThanOrEqual(2);
    const unanswered = await admin.call(api.listQuestions, { query: { status: 'unanswered', limit: 50 } });
    expect(unanswered.body.items.length).toBeGreaterThanOrEqual(1);
    const english = all.body.items.find((q: { question: { title: string } }) =>
      q.question.title.startsWith('How'),
    );
    expect(english).toBeDefined();
    const answers = await admin.call(api.listComments, { params: { id: accepted.body.items[0].id } });
    expect(answers.body.items.length).toBeGreaterThan(0);
    const found = await admin.call(api.search, { query: { q: 'temperature couleur', type: 'question' } });
    expect(found.body.items.length).toBe(1);
  });

  it('keeps knowledge pages in spaces, one of them revised, in both languages', async () => {
    const admin = await signIn(t.server, printed);
    const found = await admin.call(api.search, { query: { q: 'diffuseurs', type: 'page' } });
    expect(found.body.items.length).toBeGreaterThanOrEqual(1);
    const english = await admin.call(api.search, { query: { q: 'glossary', type: 'page' } });
    expect(english.body.items.length).toBe(1);
  });

  it('plans events in both languages, with answers, and one already past', async () => {
    const admin = await signIn(t.server, printed);
    const upcoming = await admin.call(api.listEvents, { query: { when: 'upcoming' } });
    const titles = upcoming.body.items.map((e: { title: string }) => e.title);
    expect(titles).toContain('Réunion d’information trimestrielle');
    expect(titles).toContain('Montréal × Lyon coffee chat');
    const answered = upcoming.body.items.filter((e: { counts: { yes: number } }) => e.counts.yes > 0);
    expect(answered.length).toBeGreaterThan(0);
    const past = await admin.call(api.listEvents, { query: { when: 'past' } });
    expect(past.body.items.length).toBeGreaterThanOrEqual(1);
  });

  it('draws an org chart and fills profiles with skills colleagues endorsed, found by "who knows"', async () => {
    const admin = await signIn(t.server, printed);
    const roots = await admin.call(api.getOrgRoots);
    expect(roots.body.items.map((r: { person: { name: string } }) => r.person.name)).toEqual([
      'Camille Martin',
    ]);
    const top = await admin.call(api.getOrgChart, { params: { id: roots.body.items[0].person.id } });
    // A head per department reports to the chief executive.
    expect(top.body.reports.length).toBe(12);
    const head = top.body.reports[0].person;
    const profile = await admin.call(api.getPerson, { params: { id: head.id } });
    expect(profile.body).toMatchObject({ manager: { name: 'Camille Martin' } });
    expect(profile.body.reportCount).toBeGreaterThan(0);
    expect(profile.body.phone).toMatch(/^\+\d/);
    expect(profile.body.languages.length).toBeGreaterThanOrEqual(2);
    expect(profile.body.about.length).toBeGreaterThan(20);
    expect(profile.body.skills.length).toBeGreaterThanOrEqual(2);
    expect(seeded.endorsements).toBeGreaterThan(100);

    const optics = await admin.call(api.whoKnows, { query: { q: 'photométrie' } });
    expect(optics.body.items.length).toBeGreaterThan(0);
    expect(optics.body.items[0].skills[0].name).toMatch(/^Photom/);
    expect(optics.body.items[0].person.department.name).toBe('Recherche et développement');
    const english = await admin.call(api.whoKnows, { query: { q: 'employment law' } });
    expect(english.body.items.length).toBeGreaterThan(0);
  });

  it('shows a former employee whose posts stay, signed in the reader’s language', async () => {
    expect(seeded.formerEmployees).toBe(1);
    const admin = await signIn(t.server, printed);
    // The administrator reads in their own language: one of the two labels, never a name.
    const label =
      (await admin.call(api.getMe)).body.locale === 'fr' ? 'Ancien collaborateur' : 'Former employee';
    const left = (await everything(admin, api.listUsers, { status: 'deactivated' })).find((u) =>
      u.email.endsWith('@erased.invalid'),
    );
    expect(left?.name).toBe(label);
    const feed = await admin.call(api.profileFeed, { params: { id: left.id } });
    expect(feed.body.items.length).toBeGreaterThan(0);
    expect(feed.body.items[0].author.name).toBe(label);
  });

  it('leaves open reports in both languages, and a guest’s post waiting for approval in the external space', async () => {
    const admin = await signIn(t.server, printed);
    const cases = await admin.call(api.listCases, { query: { status: 'open' } });
    expect(cases.status).toBe(200);
    expect(cases.body.items).toHaveLength(2);
    expect(cases.body.items.map((c: { reportCount: number }) => c.reportCount).sort()).toEqual([1, 2]);
    const pending = await admin.call(api.listPending, { query: {} });
    expect(pending.body.items).toHaveLength(1);
    expect(pending.body.items[0]).toMatchObject({
      kind: 'post',
      space: { name: 'Projet Horizon — Clinique Saint-Roch' },
      author: { name: expect.any(String) },
    });
    const setting = await admin.call(api.getSpacePremoderation, {
      params: { space: pending.body.items[0].space.slug },
    });
    expect(setting.body).toEqual({ premoderateGuests: true });
  });

  it('opens customer care: four channels, conversations in both languages, agents at work, one target missed', async () => {
    const admin = await signIn(t.server, printed);
    const channels = await admin.call(api.listCareChannels);
    expect(channels.status).toBe(200);
    expect(channels.body.items.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'connector',
      'email',
      'feed',
      'widget',
    ]);
    const all = await everything(admin, api.listCareConversations);
    expect(all).toHaveLength(seeded.care.conversations);
    expect(new Set(all.map((c) => c.channel.kind)).size).toBe(4);
    expect(all.some((c) => /[éèàç]/.test(c.subject))).toBe(true);
    expect(all.some((c) => /\b(the|my|order)\b/i.test(c.subject))).toBe(true);
    // Every inbound message went through ingest: scored for sentiment, some of it negative.
    expect(all.some((c) => c.sentiment !== null && c.sentiment < 0)).toBe(true);
    const breached = await everything(admin, api.listCareConversations, { breached: true });
    expect(breached.some((c) => c.status === 'open' && c.firstResponseAt === null)).toBe(true);
    // The agents the summary prints sign in with the demo password and find their own work.
    const agent = await signIn(t.server, {
      email: seeded.care.agents[0]!.email,
      password: printed.demoPassword,
    });
    const mine = await everything(agent, api.listCareConversations, { assignee: 'me' });
    expect(mine.length).toBeGreaterThan(0);
    const detail = await agent.call(api.getCareConversation, { params: { id: mine[0].id } });
    expect(detail.status).toBe(200);
  });

  it('runs an ambassador programme: a communication manager, kits in both languages, shares and clicks over weeks', async () => {
    // The manager the summary prints signs in with the demo password and runs the kits.
    expect(
      formatSummary(seeded, { publicUrl: t.server.url, elapsedMs: 0 }).includes(
        seeded.ambassadors.manager.email,
      ),
    ).toBe(true);
    const manager = await signIn(t.server, {
      email: seeded.ambassadors.manager.email,
      password: printed.demoPassword,
    });
    const kits = (await manager.call(api.listKits)).body.items as Kit[];
    expect(kits).toHaveLength(seeded.ambassadors.kits);
    const now = t.server.clock.now().toISOString();
    expect(kits.some((k) => k.status === 'draft')).toBe(true);
    expect(kits.some((k) => k.status === 'published' && k.endsAt < now)).toBe(true);
    expect(kits.filter((k) => k.status === 'published' && k.endsAt > now).length).toBeGreaterThanOrEqual(2);
    expect(kits.some((k) => /[éèàç’]/.test(k.title))).toBe(true);
    expect(kits.some((k) => /\b(our|we|the)\b/i.test(k.title))).toBe(true);
    expect(kits.every((k) => k.imageUrl !== null)).toBe(true);
    const image = await manager.request('GET', kits[0]!.imageUrl!);
    expect(image.status).toBe(200);

    const report = (await manager.call(api.ambassadorReport)).body as ReachReport;
    expect(report.totals).toMatchObject({
      shares: seeded.ambassadors.shares,
      clicks: seeded.ambassadors.clicks,
    });
    expect(report.totals.clicks).toBeGreaterThan(50);
    expect(
      report.departments.filter((d) => d.name !== null && d.ambassadors > 0).length,
    ).toBeGreaterThanOrEqual(4);
    expect(report.leaderboard.length).toBeGreaterThan(0);
    // Shares spread over weeks, not one day.
    const days = await t.server.ctx.db
      .selectFrom('ambassador_links')
      .select((eb) => eb.fn.count<string>(sql`date_trunc('week', created_at)`).distinct().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(days.n)).toBeGreaterThanOrEqual(3);
  });

  it('runs two idea campaigns: every status explained, a merged duplicate, and the customer told of her shipped idea', async () => {
    const admin = await signIn(t.server, printed);
    const campaigns = (await admin.call(api.listCampaigns)).body.items;
    expect(campaigns).toHaveLength(seeded.ideas.campaigns);
    expect(seeded.ideas.campaigns).toBe(2);
    const internal = campaigns.find((c: { space: { external: boolean } }) => !c.space.external);
    const external = campaigns.find((c: { space: { external: boolean } }) => c.space.external);
    const board = await admin.call(api.getCampaignBoard, {
      params: { id: internal.id },
      query: { sort: 'votes' },
    });
    const statuses = new Set(board.body.items.map((i: { status: string }) => i.status));
    expect([...statuses].sort()).toEqual([
      'declined',
      'in_progress',
      'new',
      'planned',
      'shipped',
      'under_review',
    ]);
    expect(board.body.items.some((i: { title: string }) => /[éèàç]/.test(i.title))).toBe(true);
    expect(board.body.items.some((i: { title: string }) => /\b(the|for|with)\b/.test(i.title))).toBe(true);
    const merged = await t.server.ctx.db
      .selectFrom('ideas')
      .select('merged_into')
      .where('merged_into', 'is not', null)
      .execute();
    expect(merged).toHaveLength(1);
    expect(board.body.items.map((i: { id: string }) => i.id)).toContain(merged[0]!.merged_into);
    const report = await admin.call(api.campaignReport, { params: { id: internal.id } });
    expect(report.body.shipped).toBe(1);
    expect(await t.server.ctx.db.selectFrom('idea_comments').select('id').execute()).not.toHaveLength(0);
    // The customer, a guest of the external space, sees only that campaign, her shipped idea's
    // explanation without the internal notes, and the notification that told her.
    const guest = await t.server.ctx.db
      .selectFrom('space_members as m')
      .innerJoin('spaces as s', 's.id', 'm.space_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.email')
      .where('s.id', '=', external.space.id)
      .where('u.role', '=', 'guest')
      .where('u.locale', '=', 'fr')
      .executeTakeFirstOrThrow();
    const customer = await signIn(t.server, { email: guest.email, password: printed.demoPassword });
    const seen = (await customer.call(api.listCampaigns)).body.items;
    expect(seen.map((c: { id: string }) => c.id)).toEqual([external.id]);
    const theirs = await customer.call(api.getCampaignBoard, {
      params: { id: external.id },
      query: { sort: 'votes' },
    });
    const shipped = theirs.body.items.find((i: { status: string }) => i.status === 'shipped');
    const detail = await customer.call(api.getIdea, { params: { id: shipped.id } });
    expect(detail.body.evaluations).toBeNull();
    expect(detail.body.history.at(-1).explanation).toMatch(/firmware/);
    const notes = await customer.call(api.listNotifications, { query: {} as never });
    expect(notes.body.items.some((n: { kind: string }) => n.kind === 'idea_status')).toBe(true);
  });

  it('gives Analytics ninety days of history: departments apart, a first wave ahead, answers at every speed', async () => {
    const db = t.server.ctx.db;
    const a = seeded.analytics;
    expect(a.days).toBe(90);
    // Modest: the seed stays fast.
    expect(a.activityEvents).toBeGreaterThan(5_000);
    expect(a.activityEvents).toBeLessThan(50_000);
    const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;

    // People came every working day of the period, fewer at weekends, more as time went by.
    const days = await rows(sql<{ day: string; weekend: boolean; n: number }>`
      SELECT to_char(d, 'YYYY-MM-DD') AS day, extract(isodow FROM d) >= 6 AS weekend, count(*)::int AS n
      FROM (SELECT (at AT TIME ZONE 'UTC')::date AS d FROM activity_events WHERE verb = 'user.visited'
        AND at >= now() - interval '90 days') v
      GROUP BY d ORDER BY d`);
    const working = days.filter((d) => !d.weekend);
    expect(working.length).toBeGreaterThanOrEqual(60);
    const mean = (xs: { n: number }[]) => xs.reduce((s, x) => s + x.n, 0) / xs.length;
    expect(mean(working)).toBeGreaterThan(3 * mean(days.filter((d) => d.weekend)));
    expect(mean(working.slice(-20))).toBeGreaterThan(1.3 * mean(working.slice(0, 20)));
    // At most one visit per person per day, as the product records them (today, the signed-in
    // requests of these tests record their own).
    const twice = await rows(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM activity_events WHERE verb = 'user.visited'
        AND (at AT TIME ZONE 'UTC')::date < (now() AT TIME ZONE 'UTC')::date
        GROUP BY actor_id, (at AT TIME ZONE 'UTC')::date HAVING count(*) > 1) x`);
    expect(twice[0]!.n).toBe(0);

    // Every department of five people or more has active people, some far more than others.
    const departments = await rows(sql<{ name: string; people: number; active: number }>`
      SELECT d.name, count(DISTINCT u.id)::int AS people, count(DISTINCT e.actor_id)::int AS active
      FROM departments d JOIN users u ON u.department_id = d.id AND u.status = 'active'
      LEFT JOIN activity_events e ON e.actor_id = u.id AND e.at >= now() - interval '30 days'
      GROUP BY d.name`);
    const rates = departments.filter((d) => d.people >= 5).map((d) => d.active / d.people);
    expect(rates.length).toBeGreaterThanOrEqual(10);
    for (const d of departments.filter((d) => d.people >= 5)) expect(d.active, d.name).toBeGreaterThan(0);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.25);

    // A long tail: the most active tenth of contributors write much of the content.
    const contributions = (
      await rows(sql<{ n: number }>`
        SELECT count(*)::int AS n FROM activity_events
        WHERE verb IN ('post.created', 'question.asked', 'comment.created', 'question.answered',
          'knowledge.page_created', 'event.created', 'post.shared') AND at >= now() - interval '90 days'
        GROUP BY actor_id ORDER BY n DESC`)
    ).map((r) => r.n);
    const total = contributions.reduce((s, n) => s + n, 0);
    const top = contributions.slice(0, Math.ceil(contributions.length / 10)).reduce((s, n) => s + n, 0);
    expect(top / total).toBeGreaterThan(0.3);

    // People answer, react to and share other departments' content, and say whose it was.
    const across = await rows(sql<{ same: number; other: number }>`
      SELECT count(*) FILTER (WHERE a.department_id = t.department_id)::int AS same,
        count(*) FILTER (WHERE a.department_id <> t.department_id)::int AS other
      FROM activity_events e JOIN users a ON a.id = e.actor_id JOIN users t ON t.id = e.target_id
      WHERE e.verb IN ('comment.created', 'question.answered', 'reaction.set', 'post.shared')`);
    expect(across[0]!.same).toBeGreaterThan(100);
    expect(across[0]!.other).toBeGreaterThan(100);

    // Questions answered within the hour, others after a day, some never; some accepted.
    const questions = await rows(sql<{ asked: number; quick: number; slow: number; accepted: number }>`
      WITH q AS (
        SELECT object_id AS id, min(at) AS asked_at FROM activity_events WHERE verb = 'question.asked'
        GROUP BY object_id),
      a AS (SELECT data->>'postId' AS id, min(at) AS first_at FROM activity_events
        WHERE verb = 'question.answered' GROUP BY 1)
      SELECT count(*)::int AS asked,
        count(*) FILTER (WHERE a.first_at - q.asked_at < interval '1 hour')::int AS quick,
        count(*) FILTER (WHERE a.first_at - q.asked_at > interval '1 day')::int AS slow,
        (SELECT count(*)::int FROM activity_events WHERE verb = 'question.answer_accepted') AS accepted
      FROM q LEFT JOIN a ON a.id = q.id`);
    expect(questions[0]!.asked).toBeGreaterThanOrEqual(a.questions);
    expect(questions[0]!.quick).toBeGreaterThan(0);
    expect(questions[0]!.slow).toBeGreaterThan(0);
    expect(questions[0]!.accepted).toBeGreaterThan(0);
    expect(a.answered).toBeLessThan(a.questions);

    // Pages read by others than their author; searches in both languages, some that found nothing.
    const reads = await rows(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM activity_events
      WHERE verb = 'knowledge.page_read' AND target_id IS DISTINCT FROM actor_id`);
    expect(reads[0]!.n).toBeGreaterThan(100);
    const empty = (
      await rows(sql<{ terms: string }>`
        SELECT data->>'terms' AS terms FROM activity_events
        WHERE verb = 'search.performed' AND data->>'results' = '0'
        GROUP BY 1 HAVING count(DISTINCT actor_id) >= 5`)
    ).map((r) => r.terms);
    expect(empty).toEqual(expect.arrayContaining(['badge parking', 'remote policy']));
    expect(a.searchesWithoutResult).toBeGreaterThan(0);
  });

  it('brings the roll-ups up to date, so the dashboards show the whole organisation at once', async () => {
    const db = t.server.ctx.db;
    const state = await db
      .selectFrom('analytics_state')
      .selectAll()
      .where('name', '=', 'rollups')
      .executeTakeFirst();
    expect(state?.refreshed_at).not.toBeNull();
    // Every event of the seed was read (these tests' own sign-ins and visits came after).
    const unread = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM activity_events
      WHERE id > ${state!.last_event_id}::bigint AND at <= ${state!.refreshed_at}`.execute(db);
    expect(unread.rows[0]!.n).toBe(0);
    expect(Number(state!.last_event_id)).toBeGreaterThan(5_000);
    expect(seeded.analytics.rollupDays).toBeGreaterThanOrEqual(90);
    // Ninety days of people's activity, every one of them with someone active.
    const days = await sql<{ n: number }>`
      SELECT count(DISTINCT day)::int AS n FROM analytics_person_days
      WHERE day > (now() AT TIME ZONE 'UTC')::date - 90`.execute(db);
    expect(days.rows[0]!.n).toBeGreaterThanOrEqual(89);
    const answered = await db
      .selectFrom('analytics_questions')
      .select([
        (eb) => eb.fn.count<number>('first_answer_at').as('answered'),
        (eb) => eb.fn.count<number>('accepted_at').as('accepted'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(answered.answered)).toBeGreaterThan(0);
    expect(Number(answered.accepted)).toBeGreaterThan(0);

    // What an administrator sees on opening Analytics: the last 30 days, nobody filtered out.
    const day = (ago: number) => new Date(Date.now() - ago * 86_400_000).toISOString().slice(0, 10);
    const filters = {
      period: { from: day(29), to: day(0) },
      previous: { from: day(59), to: day(30) },
      departmentId: null,
      siteId: null,
      peopleCohortId: null,
      spaceIds: null,
      minGroup: 5,
    };
    const figures = (d: {
      figures: { key: string; value: number | null; previous: number | null; suppressed: boolean }[];
    }) => Object.fromEntries(d.figures.map((f) => [f.key, f]));
    const adoption = await buildDashboard(db, 'adoption', filters, state!.refreshed_at as Date);
    expect(adoption.suppressed).toBe(false);
    const a = figures(adoption);
    for (const key of ['dau', 'wau', 'mau', 'active_rate', 'active_people']) {
      expect(a[key]?.suppressed, key).toBe(false);
      expect(a[key]?.value, key).toBeGreaterThan(0);
      expect(a[key]?.previous ?? 0, key).toBeGreaterThan(0);
    }
    expect(a.active_rate!.value).toBeLessThan(100);
    // Every department of five people or more shows active people, some far more than others.
    const byDepartment = adoption.charts.find((c) => c.key === 'active_rate_by_department');
    const bars = byDepartment?.type === 'bar' ? byDepartment.bars.filter((b) => b.id !== null) : [];
    expect(bars.length).toBe(12);
    const shown = bars.filter((b) => !b.suppressed).map((b) => b.value ?? 0);
    expect(shown.length).toBeGreaterThanOrEqual(10);
    for (const v of shown) expect(v).toBeGreaterThan(0);
    expect(Math.max(...shown) - Math.min(...shown)).toBeGreaterThan(20);

    const participation = figures(await buildDashboard(db, 'participation', filters, null));
    expect(participation.gini!.value).toBeGreaterThan(0.5);
    expect(participation.gini!.value).toBeLessThan(0.97);
    expect(participation.readers_share!.value).toBeGreaterThan(participation.creators_share!.value!);

    const knowledge = await buildDashboard(db, 'knowledge', filters, null);
    const k = figures(knowledge);
    expect(k.questions_answered!.value).toBeGreaterThan(0);
    expect(k.median_hours_to_first_answer!.value).not.toBeNull();
    expect(k.pages_reused!.value).toBeGreaterThan(0);
    expect(k.searches_no_result!.value).toBeGreaterThan(0);
    const terms = knowledge.charts.find((c) => c.key === 'no_result_terms');
    expect(terms?.type === 'table' ? terms.rows.map((r) => r[0]) : []).toContain('badge parking');

    const collaboration = figures(await buildDashboard(db, 'collaboration', filters, null));
    expect(collaboration.cross_department_share!.value).toBeGreaterThan(20);
    expect(collaboration.cross_department_share!.value).toBeLessThan(95);
  });

  it('sets Analytics up as an administrator would: two cohorts, an analyst, a changed ROI assumption', async () => {
    const db = t.server.ctx.db;
    const cohorts = await db
      .selectFrom('analytics_cohorts')
      .leftJoin('analytics_cohort_members', 'analytics_cohort_members.cohort_id', 'analytics_cohorts.id')
      .select(['name', 'kind', (eb) => eb.fn.count<number>('member_id').as('members')])
      .groupBy(['name', 'kind'])
      .orderBy('name')
      .execute();
    expect(cohorts).toEqual([
      { name: SPACES_COHORT, kind: 'spaces', members: PILOT_SPACES.length },
      { name: PEOPLE_COHORT, kind: 'people', members: 20 },
    ]);
    expect(seeded.analytics.cohorts).toEqual([SPACES_COHORT, PEOPLE_COHORT]);

    // The analyst named in the summary is a member flagged as such, who can sign in.
    const printedSummary = formatSummary(seeded, { publicUrl: t.server.url, elapsedMs: 0 });
    const analyst = seeded.analytics.analyst!;
    expect(printedSummary).toContain(`${analyst.name} (${analyst.email}) reads them as an analyst`);
    const flagged = await db
      .selectFrom('users')
      .select(['email', 'role', 'analyst'])
      .where('analyst', '=', true)
      .execute();
    expect(flagged).toEqual([{ email: analyst.email, role: 'member', analyst: true }]);
    const colleague = await signIn(t.server, { email: analyst.email, password: printed.demoPassword });
    expect((await colleague.call(api.getMe)).body.email).toBe(analyst.email);

    const assumptions = await db.selectFrom('analytics_assumptions').selectAll().execute();
    expect(assumptions).toHaveLength(1);
    expect(assumptions[0]).toMatchObject({
      key: CHANGED_ASSUMPTION.key,
      updated_by: (
        await db.selectFrom('users').select('id').where('email', '=', printed.email).executeTakeFirstOrThrow()
      ).id,
    });
    expect(Number(assumptions[0]!.value)).toBe(CHANGED_ASSUMPTION.value);
  });

  it('refuses to seed a database that already has an organisation, and changes nothing', async () => {
    await expect(seedDemo(t.server.ctx, { users: 20 })).rejects.toBeInstanceOf(AlreadySeededError);
    const admin = await signIn(t.server, printed);
    expect(await everything(admin, api.listUsers)).toHaveLength(250);
  });

  it('starts over with reset: new people, new passwords, the old ones no longer work', async () => {
    const again = await seedDemo(t.server.ctx, { users: 20, reset: true });
    expect(again.admin.password).not.toBe(printed.password);
    const old = await t.server
      .client()
      .call(api.signIn, { body: { email: printed.email, password: printed.password } });
    expect(old.status).toBe(401);
    const admin = await signIn(t.server, again.admin);
    expect(await everything(admin, api.listUsers)).toHaveLength(20);
    expect(await everything(admin, api.listAudit, { action: 'organisation.setup' })).toHaveLength(1);
  });
});

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function run(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(tsx, [script, ...args], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, exited, output: () => ({ stdout, stderr, lines: stderr.trim().split('\n') }) };
}

async function seedCommand(args: string[], env: Record<string, string>) {
  const seed = run('scripts/seed-demo.ts', args, env);
  const code = await seed.exited;
  return { code, ...seed.output() };
}

describe('npm run seed:demo', () => {
  // Its own database of this project's kind: a directory for PGlite, a new PostgreSQL database.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trame-seed-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let env: Record<string, string>;
  let drop = async () => {};

  beforeAll(async () => {
    env = { DATA_DIR: dir, PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' };
    if (testDatabaseKind() === 'postgres') {
      const database = await createTestDatabase();
      env.DATABASE_URL = database.url;
      drop = database.drop;
    }
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says in one line what is wrong with an argument, before touching the database', async () => {
    const bad = await seedCommand(['--users', 'abc'], env);
    expect(bad.code).toBe(1);
    expect(bad.lines).toEqual(['seed:demo: --users expects a whole number from 10 to 100000, got "abc".']);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  // Three tsx processes (two seed runs, then the server) start one after another: on a busy
  // 2-core CI machine that alone can take most of the default 30 s.
  it('seeds, refuses a second run in one line, and its printed credentials sign in at the printed address', async () => {
    const first = await seedCommand(['--users', '30'], env);
    expect(first.code, first.stderr).toBe(0);
    const printed = readPrinted(first.stdout);
    expect(printed.url).toBe(env.PUBLIC_URL);
    expect(first.stdout).toContain('30 people, 12 departments, 6 sites');

    const second = await seedCommand(['--users', '30'], env);
    expect(second.code).toBe(1);
    expect(second.lines).toEqual([
      'seed:demo: This database already holds the organisation "Atelier Lumen". Use --reset to wipe it and seed again.',
    ]);

    // As the README says: seed, then start the server and open the printed address.
    const server = run('server/main.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1', ROLES: 'web' });
    try {
      const started = Date.now();
      let ready = false;
      while (!ready && Date.now() - started < 30_000) {
        ready = await fetch(`${printed.url}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((r) => setTimeout(r, 100));
      }
      expect(ready, server.output().stderr).toBe(true);
      const admin = new TestClient(printed.url);
      const signedIn = await admin.call(api.signIn, {
        body: { email: printed.email, password: printed.password },
      });
      expect(signedIn.status).toBe(200);
      // The refused second run changed nothing: the first run's people and passwords stand.
      const everyone = await everything(admin, api.listUsers);
      expect(everyone).toHaveLength(30);
      const member = everyone.find((u) => u.role === 'member' && u.status === 'active');
      const colleague = new TestClient(printed.url);
      const memberIn = await colleague.call(api.signIn, {
        body: { email: member.email, password: printed.demoPassword },
      });
      expect(memberIn.status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 90_000);
});

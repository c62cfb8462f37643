// The dashboards of care, ideas and ambassadors: a hand-built organisation (departments,
// spaces, guests), five weeks of care conversations and customer messages, idea campaigns
// with their ideas, status changes and votes, and ambassadors joining, leaving, sharing kits
// and bringing clicks — written straight to the capabilities' tables and the activity log.
// Every expected figure is computed again here in plain TypeScript from the dataset's own
// definition (docs/analytics.md), over the period and the previous one, for the whole
// organisation, a department and a space. Then over HTTP: who may read which dashboard.
import { beforeAll, describe, expect, it } from 'vitest';
import { NETWORKS } from '../../common/ambassadors.ts';
import { api } from '../../common/api.ts';
import { type Chart, Dashboard, DOMAIN_DASHBOARDS } from '../../common/schemas/analytics.ts';
import { IDEA_STATUSES } from '../../common/schemas/ideas.ts';
import type { ResolvedFilters } from '../../server/modules/analytics/filters.ts';
import { buildDashboard } from '../../server/modules/analytics/indicators/index.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { newId } from '../../server/platform/ids.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { makeSpace, person } from '../helpers/stream-fixtures.ts';

const MIN_GROUP = 3;
const DAY_MS = 86_400_000;
const MINUTE = 60_000;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE);

/** mulberry32: the same dataset on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(7);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
const chance = (p: number) => rnd() < p;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

// ---- The organisation ---------------------------------------------------------------------

const D1 = newId();
const D2 = newId();
const SP1 = newId();
const SP2 = newId();
// D1: six people, D2: two (below the threshold), one without a department, two guests.
const layout: [string | null, 'member' | 'guest'][] = [
  [D1, 'member'],
  [D1, 'member'],
  [D1, 'member'],
  [D1, 'member'],
  [D1, 'member'],
  [D1, 'member'],
  [D2, 'member'],
  [D2, 'member'],
  [null, 'member'],
  [null, 'guest'],
  [null, 'guest'],
];
const people = layout.map(([dept, role]) => ({ id: newId(), dept, role }));
const employees = people.filter((p) => p.role === 'member');
const deptOf = new Map(people.map((p) => [p.id, p.dept]));
const spaceMembers: Record<string, string[]> = {
  [SP1]: people.slice(0, 5).map((p) => p.id),
  [SP2]: people.slice(5).map((p) => p.id),
};

// 35 days ending 3 days ago: the period is the last 14, the previous the 14 before, and a
// week before that must count nowhere.
const LAST = addDays(dayOf(new Date()), -3);
const FIRST = addDays(LAST, -34);
const PERIOD = { from: addDays(LAST, -13), to: LAST };
const PREVIOUS = { from: addDays(LAST, -27), to: addDays(LAST, -14) };
const DAYS: string[] = [];
for (let d = FIRST; d <= LAST; d = addDays(d, 1)) DAYS.push(d);

// ---- Care -----------------------------------------------------------------------------------

const CHANNELS = [
  { id: newId(), name: 'Courriel' },
  { id: newId(), name: 'Widget' },
];
const SENTIMENTS = [null, -0.75, -0.5, -0.25, 0, 0.5, 0.75];
interface Conversation {
  id: string;
  channel: string;
  opened: Date;
  firstResponse: Date | null;
  resolved: Date | null;
  frBreach: boolean;
  rBreach: boolean;
  messages: { id: string; at: Date; sentiment: number | null }[];
}
const conversations: Conversation[] = [];
for (const day of DAYS)
  for (let n = int(0, 3); n > 0; n--) {
    const opened = at(day, int(0, 1200));
    const firstMinutes = chance(0.8) ? int(3, 400) : null;
    const resolvedMinutes = firstMinutes !== null && chance(0.6) ? firstMinutes + int(10, 3000) : null;
    const messages = Array.from({ length: int(1, 3) }, (_, k) => ({
      id: newId(),
      at: new Date(opened.getTime() + k * 37 * MINUTE),
      sentiment: pick(SENTIMENTS),
    }));
    conversations.push({
      id: newId(),
      channel: pick(CHANNELS).id,
      opened,
      firstResponse: firstMinutes === null ? null : new Date(opened.getTime() + firstMinutes * MINUTE),
      resolved: resolvedMinutes === null ? null : new Date(opened.getTime() + resolvedMinutes * MINUTE),
      frBreach: firstMinutes === null ? chance(0.5) : firstMinutes > 240,
      rBreach: chance(0.2),
      messages,
    });
  }

// ---- Ideas ----------------------------------------------------------------------------------

const CAMPAIGNS = [
  { id: newId(), space: SP1 },
  { id: newId(), space: SP2 },
];
interface Idea {
  id: string;
  campaign: (typeof CAMPAIGNS)[number];
  author: string;
  created: Date;
  status: (typeof IDEA_STATUSES)[number];
  decided: Date | null;
  /** Times it was moved to shipped (the first counts). */
  shippedAt: Date[];
  merged: boolean;
}
const ideas: Idea[] = [];
const votes: { idea: Idea; user: string; at: Date }[] = [];
for (const day of DAYS)
  for (let n = int(0, 2); n > 0; n--) {
    const campaign = pick(CAMPAIGNS);
    const authors = spaceMembers[campaign.space]!;
    const created = at(day, int(0, 1300));
    const fate = pick([
      'new',
      'under_review',
      'planned',
      'shipped',
      'declined',
      'declined_then_shipped',
    ] as const);
    const decided = ['shipped', 'declined', 'declined_then_shipped'].includes(fate)
      ? new Date(created.getTime() + int(1, 60) * 60 * MINUTE)
      : null;
    const shippedAt =
      fate === 'shipped'
        ? [decided!]
        : fate === 'declined_then_shipped'
          ? [new Date(decided!.getTime() + int(1, 48) * 60 * MINUTE)]
          : [];
    const idea: Idea = {
      id: newId(),
      campaign,
      author: pick(authors),
      created,
      status: fate === 'declined_then_shipped' ? 'shipped' : fate,
      decided,
      shippedAt,
      merged: chance(0.08),
    };
    ideas.push(idea);
    for (const voter of authors)
      if (chance(0.3))
        votes.push({ idea, user: voter, at: new Date(created.getTime() + int(5, 4000) * MINUTE) });
  }

// ---- Ambassadors ----------------------------------------------------------------------------

const KITS = [
  { id: newId(), title: 'Salon de Lyon' },
  { id: newId(), title: 'Nouvelle lampe' },
  { id: newId(), title: 'Recrutement' },
];
interface AmbEvent {
  actor: string;
  verb: 'ambassador.opted_in' | 'ambassador.opted_out' | 'ambassador.shared';
  at: Date;
  kit?: string;
  network?: string;
}
const ambEvents: AmbEvent[] = [];
const links = new Map<string, { code: string; kit: string; network: string; user: string }>();
const clicks: { code: string; at: Date }[] = [];
for (const p of employees) {
  let member = false;
  for (const day of DAYS) {
    if (chance(member ? 0.03 : 0.08)) {
      member = !member;
      ambEvents.push({
        actor: p.id,
        verb: member ? 'ambassador.opted_in' : 'ambassador.opted_out',
        at: at(day, 480),
      });
    }
    if (member && chance(0.25)) {
      const kit = pick(KITS).id;
      const network = pick(NETWORKS);
      const when = at(day, int(500, 1400));
      ambEvents.push({ actor: p.id, verb: 'ambassador.shared', at: when, kit, network });
      const key = `${kit}|${network}|${p.id}`;
      const link = links.get(key) ?? { code: newId().slice(-12), kit, network, user: p.id };
      links.set(key, link);
      for (let c = int(0, 4); c > 0; c--)
        clicks.push({ code: link.code, at: new Date(when.getTime() + int(1, 5000) * MINUTE) });
    }
  }
}

// ---- The definitions, again -----------------------------------------------------------------

interface Filter {
  departmentId?: string;
  spaceIds?: string[];
}
interface Range {
  from: string;
  to: string;
}
const start = (r: Range) => Date.parse(`${r.from}T00:00:00Z`);
const end = (r: Range) => Date.parse(`${r.to}T00:00:00Z`) + DAY_MS;
const inR = (t: Date | null, r: Range) => t !== null && t.getTime() >= start(r) && t.getTime() < end(r);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (part: number, whole: number) => (whole > 0 ? round((part / whole) * 100, 1) : null);
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const minutes = (a: Date, b: Date) => (b.getTime() - a.getTime()) / MINUTE;
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
const weeks = () => {
  const out: string[] = [];
  for (let w = mondayOf(PERIOD.from); w <= PERIOD.to; w = addDays(w, 7)) out.push(w);
  return out;
};
const weekOfTime = (t: Date) => mondayOf(dayOf(t));

function careFigures(r: Range) {
  const opened = conversations.filter((c) => inR(c.opened, r));
  const messages = conversations.flatMap((c) => c.messages).filter((m) => inR(m.at, r));
  const scored = messages.filter((m) => m.sentiment !== null).map((m) => m.sentiment!);
  const frt = median(opened.filter((c) => c.firstResponse).map((c) => minutes(c.opened, c.firstResponse!)));
  const rt = median(opened.filter((c) => c.resolved).map((c) => minutes(c.opened, c.resolved!)));
  return {
    conversations_opened: opened.length,
    customer_messages: messages.length,
    median_first_response_minutes: frt === null ? null : round(frt, 1),
    median_resolution_hours: rt === null ? null : round(rt / 60, 1),
    first_response_breaches: opened.filter((c) => c.frBreach).length,
    resolution_breaches: opened.filter((c) => c.rBreach).length,
    mean_sentiment: scored.length ? round(scored.reduce((s, x) => s + x, 0) / scored.length, 2) : null,
    negative_share: pct(scored.filter((s) => s <= -0.3).length, scored.length),
  };
}

function ideasOf(f: Filter) {
  const matches = (id: string) => !f.departmentId || deptOf.get(id) === f.departmentId;
  const live = ideas.filter((i) => !i.merged && (!f.spaceIds || f.spaceIds.includes(i.campaign.space)));
  const byAuthor = live.filter((i) => matches(i.author));
  const firstShipped = (i: Idea) => i.shippedAt[0] ?? null;
  const figures = (r: Range) => {
    const submitted = byAuthor.filter((i) => inR(i.created, r));
    const authors = new Set(submitted.map((i) => i.author));
    const guests = [...authors].filter((a) => people.find((p) => p.id === a)!.role === 'guest');
    const hours = median(
      byAuthor.filter((i) => inR(i.decided, r)).map((i) => minutes(i.created, i.decided!) / 60),
    );
    return {
      ideas_submitted: submitted.length,
      ideas_shipped: byAuthor.filter((i) => inR(firstShipped(i), r)).length,
      idea_conversion: pct(submitted.filter((i) => i.status === 'shipped').length, submitted.length),
      median_hours_to_decision: hours === null ? null : round(hours, 1),
      idea_votes: votes.filter((v) => live.includes(v.idea) && matches(v.user) && inR(v.at, r)).length,
      idea_contributors: authors.size,
      guest_contributors: guests.length,
    };
  };
  const byStatus = (r: Range) =>
    IDEA_STATUSES.map((s) => byAuthor.filter((i) => inR(i.created, r) && i.status === s).length);
  const perWeek = weeks().map((w) => [
    byAuthor.filter((i) => inR(i.created, PERIOD) && weekOfTime(i.created) === w).length,
    byAuthor.filter((i) => inR(firstShipped(i), PERIOD) && weekOfTime(firstShipped(i)!) === w).length,
  ]);
  const perSpace = (space: string, r: Range) =>
    byAuthor.filter((i) => i.campaign.space === space && inR(i.created, r)).length;
  return { figures, byStatus, perWeek, perSpace };
}

function ambassadorsOf(f: Filter) {
  const matches = (id: string) => !f.departmentId || deptOf.get(id) === f.departmentId;
  const events = ambEvents.filter((e) => matches(e.actor));
  const shares = (r: Range) => events.filter((e) => e.verb === 'ambassador.shared' && inR(e.at, r));
  const linkOf = new Map([...links.values()].map((l) => [l.code, l]));
  const clicksIn = (r: Range) => clicks.filter((c) => inR(c.at, r) && matches(linkOf.get(c.code)!.user));
  const figures = (r: Range) => {
    const members = new Set<string>();
    for (const e of events)
      if (e.verb !== 'ambassador.shared' && e.at.getTime() < end(r))
        if (e.verb === 'ambassador.opted_in') members.add(e.actor);
        else members.delete(e.actor);
    const s = shares(r).length;
    const c = clicksIn(r).length;
    return {
      ambassadors: members.size,
      active_ambassadors: new Set(shares(r).map((e) => e.actor)).size,
      ambassador_shares: s,
      ambassador_clicks: c,
      clicks_per_share: s > 0 ? round(c / s, 2) : null,
    };
  };
  const networks = (r: Range) => ({
    shares: NETWORKS.map((n) => shares(r).filter((e) => e.network === n).length),
    clicks: NETWORKS.map((n) => clicksIn(r).filter((c) => linkOf.get(c.code)!.network === n).length),
  });
  const kits = KITS.map((k) => [
    k.title,
    shares(PERIOD).filter((e) => e.kit === k.id).length,
    clicksIn(PERIOD).filter((c) => linkOf.get(c.code)!.kit === k.id).length,
  ])
    .filter((row) => Number(row[1]) + Number(row[2]) > 0)
    .sort(
      (a, b) =>
        Number(b[2]) - Number(a[2]) ||
        Number(b[1]) - Number(a[1]) ||
        String(a[0]).localeCompare(String(b[0])),
    );
  const sharers = (dept: string | null, r: Range) =>
    new Set(
      shares(r)
        .filter((e) => deptOf.get(e.actor) === dept)
        .map((e) => e.actor),
    ).size;
  return { figures, networks, kits, sharers };
}

function filtersOf(f: Filter): ResolvedFilters {
  return {
    period: PERIOD,
    previous: PREVIOUS,
    departmentId: f.departmentId ?? null,
    siteId: null,
    peopleCohortId: null,
    spaceIds: f.spaceIds ?? null,
    minGroup: MIN_GROUP,
  };
}

const chart = <T extends Chart['type']>(d: Dashboard, key: string, type: T) => {
  const c = d.charts.find((x) => x.key === key);
  expect(c?.type, key).toBe(type);
  return c as Extract<Chart, { type: T }>;
};
const values = (d: Dashboard) => Object.fromEntries(d.figures.map((x) => [x.key, [x.value, x.previous]]));
const expected = (now: Record<string, number | null>, before: Record<string, number | null>) =>
  Object.fromEntries(Object.keys(now).map((k) => [k, [now[k], before[k]]]));

describe('analytics dashboards of care, ideas and ambassadors', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;

  beforeAll(async () => {
    const now = new Date();
    await db()
      .insertInto('departments')
      .values([
        { id: D1, name: 'Atelier', created_at: now },
        { id: D2, name: 'Bureau', created_at: now },
      ])
      .execute();
    await db()
      .insertInto('users')
      .values(
        people.map((p, i) => ({
          id: p.id,
          email: `domain-${i}-${p.id.slice(-12)}@example.test`,
          name: `Person ${i}`,
          password_hash: null,
          role: p.role,
          status: 'active' as const,
          locale: 'en' as const,
          department_id: p.dept,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await db()
      .insertInto('spaces')
      .values(
        [
          [SP1, 'Lampes'],
          [SP2, 'Clients'],
        ].map(([id, name]) => ({
          id: id!,
          slug: `d-${id!.slice(-12)}`,
          name: name!,
          type: 'project' as const,
          visibility: 'open' as const,
          created_by: null,
          created_at: now,
          updated_at: now,
          archived_at: null,
        })),
      )
      .execute();
    await db()
      .insertInto('space_members')
      .values(
        Object.entries(spaceMembers).flatMap(([space, ids]) =>
          ids.map((user) => ({ space_id: space, user_id: user, role: 'member' as const, joined_at: now })),
        ),
      )
      .execute();

    // Care.
    await db()
      .insertInto('care_channels')
      .values(
        CHANNELS.map((c) => ({
          id: c.id,
          kind: 'email' as const,
          name: c.name,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const customer = newId();
    await db()
      .insertInto('care_customers')
      .values({ id: customer, display_name: 'Cliente', created_at: now, updated_at: now })
      .execute();
    await db()
      .insertInto('care_conversations')
      .values(
        conversations.map((c) => ({
          id: c.id,
          channel_id: c.channel,
          customer_id: customer,
          subject: 'Question',
          status: c.resolved ? ('resolved' as const) : ('open' as const),
          created_at: c.opened,
          updated_at: c.opened,
          last_message_at: c.opened,
          first_response_at: c.firstResponse,
          resolved_at: c.resolved,
          first_response_breached_at: c.frBreach ? c.opened : null,
          resolution_breached_at: c.rBreach ? c.opened : null,
        })),
      )
      .execute();
    const messages = conversations.flatMap((c) =>
      c.messages.map((m) => ({
        id: m.id,
        conversation_id: c.id,
        channel_id: c.channel,
        kind: 'inbound' as const,
        body: 'Bonjour',
        sentiment: m.sentiment,
        created_at: m.at,
      })),
    );
    // A reply and a note are no customer messages.
    const first = conversations[0]!;
    for (const kind of ['outbound', 'note'] as const)
      messages.push({
        id: newId(),
        conversation_id: first.id,
        channel_id: first.channel,
        kind: kind as never,
        body: 'Réponse',
        sentiment: -0.75,
        created_at: at(PERIOD.from, 600),
      });
    await db().insertInto('care_messages').values(messages).execute();

    // Ideas.
    await db()
      .insertInto('idea_campaigns')
      .values(
        CAMPAIGNS.map((c) => ({
          id: c.id,
          space_id: c.space,
          title: 'Campagne',
          opens_at: at(FIRST, 0),
          closes_at: at(LAST, 2000),
          created_at: at(FIRST, 0),
        })),
      )
      .execute();
    await db()
      .insertInto('ideas')
      .values(
        ideas.map((i) => ({
          id: i.id,
          campaign_id: i.campaign.id,
          author_id: i.author,
          title: 'Idée',
          status: i.status,
          created_at: i.created,
          decided_at: i.decided,
        })),
      )
      .execute();
    const survivor = ideas.find((i) => !i.merged)!;
    for (const i of ideas.filter((x) => x.merged))
      await db().updateTable('ideas').set({ merged_into: survivor.id }).where('id', '=', i.id).execute();
    const changes = ideas.flatMap((i) => [
      ...(i.decided && i.shippedAt[0]?.getTime() !== i.decided.getTime()
        ? [{ idea: i, to: 'declined' as const, at: i.decided }]
        : []),
      ...i.shippedAt.map((when) => ({ idea: i, to: 'shipped' as const, at: when })),
    ]);
    if (changes.length > 0)
      await db()
        .insertInto('idea_status_changes')
        .values(
          changes.map((c) => ({
            id: newId(),
            idea_id: c.idea.id,
            actor_id: null,
            from_status: 'planned',
            to_status: c.to,
            explanation: 'Décidé',
            at: c.at,
          })),
        )
        .execute();
    await db()
      .insertInto('idea_votes')
      .values(votes.map((v) => ({ idea_id: v.idea.id, user_id: v.user, created_at: v.at })))
      .execute();

    // Ambassadors.
    await db()
      .insertInto('ambassador_kits')
      .values(
        KITS.map((k) => ({
          id: k.id,
          slug: `kit-${k.id.slice(-12)}`,
          title: k.title,
          texts: JSON.stringify({ generic: k.title }),
          target_url: 'https://example.com/',
          editable: true,
          disclosure: true,
          department_ids: '[]',
          site_ids: '[]',
          starts_at: at(FIRST, 0),
          ends_at: at(LAST, 5000),
          status: 'published' as const,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await db()
      .insertInto('ambassador_links')
      .values(
        [...links.values()].map((l) => ({
          code: l.code,
          kit_id: l.kit,
          network: l.network,
          user_id: l.user,
          shares: 1,
          created_at: now,
        })),
      )
      .execute();
    if (clicks.length > 0) await db().insertInto('ambassador_clicks').values(clicks).execute();
    const rows = ambEvents.map((e) =>
      activityRow({
        actorId: e.actor,
        verb: e.verb,
        objectType: e.verb === 'ambassador.shared' ? 'ambassador_kit' : 'user',
        objectId: e.kit ?? e.actor,
        spaceId: null,
        data: e.network ? { network: e.network } : null,
        at: e.at,
      }),
    );
    for (let i = 0; i < rows.length; i += 500)
      await db()
        .insertInto('activity_events')
        .values(rows.slice(i, i + 500))
        .execute();
  });

  const cases: [string, Filter][] = [
    ['the organisation', {}],
    ['a department', { departmentId: D1 }],
    ['a space', { spaceIds: [SP1] }],
  ];

  it('the dataset is rich enough to mean something', () => {
    expect(careFigures(PERIOD).conversations_opened).toBeGreaterThan(10);
    expect(careFigures(PERIOD).negative_share).toBeGreaterThan(0);
    expect(ideasOf({}).figures(PERIOD).ideas_shipped).toBeGreaterThan(1);
    expect(ideasOf({}).figures(PERIOD).guest_contributors).toBeGreaterThan(0);
    expect(ideas.some((i) => i.merged)).toBe(true);
    expect(ambassadorsOf({}).figures(PERIOD).ambassador_clicks).toBeGreaterThan(5);
    expect(ambEvents.some((e) => e.verb === 'ambassador.opted_out')).toBe(true);
  });

  for (const [label, f] of cases) {
    it(`every figure, now and before, for ${label}`, async () => {
      const [care, idea, amb] = await Promise.all(
        DOMAIN_DASHBOARDS.map((name) => buildDashboard(db(), name, filtersOf(f), null)),
      );
      for (const d of [care!, idea!, amb!]) {
        expect(Dashboard.parse(d)).toEqual(d);
        expect(d.suppressed).toBe(false);
      }
      // Care counts the whole organisation whatever the filters, and says so.
      expect(values(care!)).toEqual(expected(careFigures(PERIOD), careFigures(PREVIOUS)));
      expect(care!.notes).toEqual(Object.keys(f).length > 0 ? ['care_period_only'] : []);
      const i = ideasOf(f);
      expect(values(idea!)).toEqual(expected(i.figures(PERIOD), i.figures(PREVIOUS)));
      const a = ambassadorsOf({ departmentId: f.departmentId });
      expect(values(amb!)).toEqual(expected(a.figures(PERIOD), a.figures(PREVIOUS)));
      expect(amb!.notes).toEqual(f.spaceIds ? ['ambassadors_no_spaces'] : []);
    });
  }

  it('care charts: per week, and per channel with the previous period', async () => {
    const d = await buildDashboard(db(), 'care', filtersOf({}), null);
    const line = chart(d, 'care_by_week', 'line');
    const opened = conversations.filter((c) => inR(c.opened, PERIOD));
    expect(line.lines.map((l) => l.key)).toEqual([
      'conversations_opened',
      'first_response_breaches',
      'resolution_breaches',
    ]);
    expect(line.lines[0]!.points).toEqual(
      weeks().map((x) => ({ x, y: opened.filter((c) => weekOfTime(c.opened) === x).length })),
    );
    expect(line.lines[1]!.points.map((p) => p.y)).toEqual(
      weeks().map((x) => opened.filter((c) => c.frBreach && weekOfTime(c.opened) === x).length),
    );
    const sentiment = chart(d, 'sentiment_by_week', 'line').lines[0]!.points;
    expect(sentiment.map((p) => p.x)).toEqual(weeks());
    // Each week's mean over the period's scored messages only (the first week may begin before it).
    const received = conversations.flatMap((c) => c.messages).filter((m) => inR(m.at, PERIOD));
    expect(sentiment.map((p) => p.y)).toEqual(
      weeks().map((x) => {
        const scored = received.filter((m) => m.sentiment !== null && weekOfTime(m.at) === x);
        return scored.length ? round(scored.reduce((s, m) => s + m.sentiment!, 0) / scored.length, 2) : null;
      }),
    );
    const bars = chart(d, 'conversations_by_channel', 'bar').bars;
    expect(bars).toEqual(
      CHANNELS.map((c) => ({
        id: c.id,
        label: c.name,
        value: opened.filter((x) => x.channel === c.id).length,
        previous: conversations.filter((x) => x.channel === c.id && inR(x.opened, PREVIOUS)).length,
        suppressed: false,
      })),
    );
    const frt = chart(d, 'first_response_by_channel', 'bar').bars;
    for (const c of CHANNELS) {
      const m = median(
        opened
          .filter((x) => x.channel === c.id && x.firstResponse)
          .map((x) => minutes(x.opened, x.firstResponse!)),
      );
      expect(frt.find((b) => b.id === c.id)?.value).toBe(m === null ? null : round(m, 1));
    }
  });

  it('idea charts: by status, by week, employees and guests, per space', async () => {
    const d = await buildDashboard(db(), 'ideas', filtersOf({}), null);
    const i = ideasOf({});
    expect(chart(d, 'ideas_by_status', 'bar').bars).toEqual(
      IDEA_STATUSES.map((s, k) => ({
        id: null,
        label: `idea_status_${s}`,
        value: i.byStatus(PERIOD)[k],
        previous: i.byStatus(PREVIOUS)[k],
        suppressed: false,
      })),
    );
    const week = chart(d, 'ideas_by_week', 'line');
    expect(week.lines.map((l) => l.points.map((p) => p.y))).toEqual([
      i.perWeek.map((w) => w[0]),
      i.perWeek.map((w) => w[1]),
    ]);
    const kinds = chart(d, 'idea_contributors_by_kind', 'bar').bars;
    const fig = i.figures(PERIOD);
    expect(kinds.map((b) => [b.label, b.value])).toEqual([
      ['internal', fig.idea_contributors - fig.guest_contributors],
      ['guests', fig.guest_contributors],
    ]);
    const spaces = chart(d, 'ideas_by_space', 'bar').bars;
    expect(Object.fromEntries(spaces.map((b) => [b.id, [b.label, b.value, b.previous]]))).toEqual({
      [SP1]: ['Lampes', i.perSpace(SP1, PERIOD), i.perSpace(SP1, PREVIOUS)],
      [SP2]: ['Clients', i.perSpace(SP2, PERIOD), i.perSpace(SP2, PREVIOUS)],
    });
  });

  it('ambassador charts: networks, kits, departments with small ones suppressed', async () => {
    const d = await buildDashboard(db(), 'ambassadors', filtersOf({}), null);
    const a = ambassadorsOf({});
    const byNetwork = (key: string, which: 'shares' | 'clicks') =>
      expect(chart(d, key, 'bar').bars).toEqual(
        NETWORKS.map((n, k) => ({
          id: null,
          label: `network_${n}`,
          value: a.networks(PERIOD)[which][k],
          previous: a.networks(PREVIOUS)[which][k],
          suppressed: false,
        })),
      );
    byNetwork('shares_by_network', 'shares');
    byNetwork('clicks_by_network', 'clicks');
    const kits = chart(d, 'top_kits', 'table');
    expect(kits.columns).toEqual(['kit', 'ambassador_shares', 'ambassador_clicks']);
    expect(kits.rows).toEqual(a.kits);
    expect(chart(d, 'ambassadors_by_department', 'bar').bars).toEqual([
      {
        id: D1,
        label: 'Atelier',
        value: a.sharers(D1, PERIOD),
        previous: a.sharers(D1, PREVIOUS),
        suppressed: false,
      },
      { id: D2, label: 'Bureau', value: null, previous: null, suppressed: true },
      {
        id: null,
        label: 'no_department',
        value: a.sharers(null, PERIOD),
        previous: a.sharers(null, PREVIOUS),
        suppressed: false,
      },
    ]);
    const week = chart(d, 'ambassador_activity_by_week', 'line');
    expect(week.lines.map((l) => l.key)).toEqual(['ambassador_shares', 'ambassador_clicks']);
    expect(week.lines[0]!.points.reduce((s, p) => s + (p.y ?? 0), 0)).toBe(
      a.figures(PERIOD).ambassador_shares,
    );
  });

  it('suppresses the three dashboards when the group is below the threshold', async () => {
    for (const name of DOMAIN_DASHBOARDS) {
      const d = await buildDashboard(db(), name, filtersOf({ departmentId: D2 }), null);
      expect(d.suppressed).toBe(true);
      expect(d.charts).toEqual([]);
      expect(d.figures.every((x) => x.value === null && x.suppressed)).toBe(true);
    }
  });
});

describe('analytics dashboards of care, ideas and ambassadors over HTTP', () => {
  const t = useServer({ worker: false });

  it('administrators and analysts read all three; a space owner only ideas of their spaces; members none', async () => {
    const org = await setUpOrganisation(t.server);
    const owner = await person(t.server, { name: 'Olga Owner' });
    const member = await person(t.server, { name: 'Marc Member' });
    const analyst = await person(t.server, { name: 'Ana Lyste' });
    await t.server.ctx.db.updateTable('users').set({ analyst: true }).where('id', '=', analyst.id).execute();
    const own = await makeSpace(t.server, {
      visibility: 'open',
      owner,
      members: [member],
      name: 'Atelier Olga',
    });
    const insider = await person(t.server, { name: 'Iris Insider' });
    const secret = await makeSpace(t.server, { visibility: 'secret', owner: insider, name: 'Projet Secret' });
    const now = new Date();
    const campaigns = [own, secret].map((s) => ({ id: newId(), space: s.id }));
    await t.server.ctx.db
      .insertInto('idea_campaigns')
      .values(
        campaigns.map((c) => ({
          id: c.id,
          space_id: c.space,
          title: 'Campagne',
          opens_at: now,
          closes_at: new Date(now.getTime() + DAY_MS),
          created_at: now,
        })),
      )
      .execute();
    await t.server.ctx.db
      .insertInto('ideas')
      .values(
        campaigns.flatMap((c, k) =>
          Array.from({ length: k + 2 }, () => ({
            id: newId(),
            campaign_id: c.id,
            author_id: k === 0 ? member.id : insider.id,
            title: 'Idée',
            created_at: now,
          })),
        ),
      )
      .execute();
    await t.server.ctx.db.updateTable('organisation').set({ analytics_min_group: 1 }).execute();

    const get = (c: typeof member.client, name: string) =>
      c.call(api.getDashboard, { params: { name: name as never } });
    for (const reader of [org.client, analyst.client])
      for (const name of DOMAIN_DASHBOARDS) expect((await get(reader, name)).status).toBe(200);
    for (const name of DOMAIN_DASHBOARDS) expect((await get(member.client, name)).status).toBe(403);
    expect((await get(owner.client, 'care')).status).toBe(403);
    expect((await get(owner.client, 'ambassadors')).status).toBe(403);
    const byOwner = await get(owner.client, 'ideas');
    expect(byOwner.status).toBe(200);
    const figure = (body: Dashboard, key: string) => body.figures.find((x) => x.key === key)?.value;
    expect(figure(byOwner.body, 'ideas_submitted')).toBe(2);

    // The administrator is not in the secret space: its ideas count, its name does not show.
    const byAdmin = await get(org.client, 'ideas');
    expect(figure(byAdmin.body, 'ideas_submitted')).toBe(5);
    const bars = (byAdmin.body as Dashboard).charts.find((c) => c.key === 'ideas_by_space');
    expect(bars?.type === 'bar' && bars.bars.map((b) => [b.id, b.label, b.value])).toEqual([
      [own.id, 'Atelier Olga', 2],
      [null, 'other_spaces', 3],
    ]);
    expect(JSON.stringify(byAdmin.body)).not.toContain('Projet Secret');
  });
});

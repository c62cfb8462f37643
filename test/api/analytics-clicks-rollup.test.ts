// The ambassadors dashboard reads clicks from their daily roll-ups for the days the refresh
// has rolled, and the raw clicks after them: a hand-built set of kits, links and clicks over
// five weeks up to now (midnight edges included), and every click figure and chart the
// dashboard draws from them computed again here in plain TypeScript — before any refresh,
// after a refresh that lags two days behind, after one on time (today's clicks, one of them
// through the real redirect, still raw), for everyone, a department (after someone moved)
// and a people cohort; then once a kit is deleted, after a rebuild, and without the state.
import { beforeAll, describe, expect, it } from 'vitest';
import { NETWORKS } from '../../common/ambassadors.ts';
import type { Chart, Dashboard } from '../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../../server/modules/analytics/filters.ts';
import { buildDashboard } from '../../server/modules/analytics/indicators/index.ts';
import { CLICK_TABLES } from '../../server/modules/analytics/rollups/clicks.ts';
import { rebuildRollups, refreshRollups } from '../../server/modules/analytics/rollups/refresh.ts';
import { newId } from '../../server/platform/ids.ts';
import {
  addDays,
  DAY_MS,
  dayOf,
  MINUTE,
  mondayOf,
  random,
  seedAmbassadorOrg,
  startOf,
} from '../helpers/ambassadors-org.ts';
import { useServer } from '../helpers/server.ts';

const MIN_GROUP = 3;

const rnd = random(46);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

// The period is the last 14 days up to today, the previous the 14 before; a week before
// that counts nowhere.
const STARTED = new Date();
const TODAY = dayOf(STARTED);
const PERIOD = { from: addDays(TODAY, -13), to: TODAY };
const PREVIOUS = { from: addDays(TODAY, -27), to: addDays(TODAY, -14) };
const FIRST = addDays(TODAY, -34);

const D1 = newId();
const D2 = newId();
const COHORT = newId();
// Four people in each department, one in none; the cohort spans both departments and none.
const people = [D1, D1, D1, D1, D2, D2, D2, D2, null].map((dept) => ({ id: newId(), dept }));
const deptOf = new Map(people.map((p) => [p.id, p.dept]));
const cohort = new Set([people[0]!.id, people[5]!.id, people[8]!.id]);
const MOVER = people[7]!; // moves from D2 to D1 once clicks are rolled

const KITS = ['Kit A', 'Kit B', 'Kit C'].map((title) => ({ id: newId(), title }));
const links: { code: string; kit: string; network: string; user: string }[] = [];
for (const p of people)
  for (const k of KITS)
    if (rnd() < 0.7) links.push({ code: newId().slice(-12), kit: k.id, network: pick(NETWORKS), user: p.id });
const linkOf = new Map(links.map((l) => [l.code, l]));

const clicks: { code: string; at: Date }[] = [];
for (const l of links)
  for (let day = FIRST; day <= TODAY; day = addDays(day, 1)) {
    const limit = day === TODAY ? Math.floor((STARTED.getTime() - startOf(day).getTime()) / MINUTE) : 1440;
    if (rnd() < 0.35)
      for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--)
        clicks.push({
          code: l.code,
          at: new Date(startOf(day).getTime() + Math.floor(rnd() * limit) * MINUTE),
        });
  }
// The edges of days: the first and the last instant of a day belong to it.
for (const day of [addDays(TODAY, -3), addDays(TODAY, -2), PERIOD.from, PREVIOUS.from]) {
  clicks.push({ code: links[0]!.code, at: startOf(day) });
  clicks.push({ code: links[1]!.code, at: new Date(startOf(day).getTime() - 1) });
}

// ---- The definitions, again -----------------------------------------------------------------

interface Filter {
  departmentId?: string;
  cohort?: boolean;
}
const deleted = new Set<string>();
const inDay = (at: Date, from: string, to: string) =>
  at.getTime() >= startOf(from).getTime() && at.getTime() < startOf(to).getTime() + DAY_MS;

function expectedOf(f: Filter) {
  const matches = (user: string) =>
    (!f.departmentId || deptOf.get(user) === f.departmentId) && (!f.cohort || cohort.has(user));
  const counted = clicks.filter((c) => {
    const l = linkOf.get(c.code)!;
    return !deleted.has(l.kit) && matches(l.user);
  });
  const now = counted.filter((c) => inDay(c.at, PERIOD.from, PERIOD.to));
  const prev = counted.filter((c) => inDay(c.at, PREVIOUS.from, PREVIOUS.to));
  const net = (list: typeof clicks, n: string) =>
    list.filter((c) => linkOf.get(c.code)!.network === n).length;
  const weeks: { x: string; y: number }[] = [];
  for (let w = mondayOf(startOf(PERIOD.from)); w <= PERIOD.to; w = addDays(w, 7))
    weeks.push({ x: w, y: now.filter((c) => mondayOf(c.at) === w).length });
  const kits = KITS.map((k) => [k.title, 0, now.filter((c) => linkOf.get(c.code)!.kit === k.id).length])
    .filter((row) => Number(row[2]) > 0)
    .sort((a, b) => Number(b[2]) - Number(a[2]) || String(a[0]).localeCompare(String(b[0])));
  return {
    clicks: [now.length, prev.length],
    networks: NETWORKS.map((n) => [`network_${n}`, net(now, n), net(prev, n)]),
    kits,
    weeks,
  };
}

function filtersOf(f: Filter): ResolvedFilters {
  return {
    period: PERIOD,
    previous: PREVIOUS,
    departmentId: f.departmentId ?? null,
    siteId: null,
    peopleCohortId: f.cohort ? COHORT : null,
    spaceIds: null,
    minGroup: MIN_GROUP,
  };
}

const chart = <T extends Chart['type']>(d: Dashboard, key: string, type: T) => {
  const c = d.charts.find((x) => x.key === key);
  expect(c?.type, key).toBe(type);
  return c as Extract<Chart, { type: T }>;
};

describe('ambassadors dashboard: clicks from their roll-ups and the raw clicks after them', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;

  /** The click figures and charts of the dashboard, for everyone, D1, D2 and the cohort, as defined. */
  async function expectExact() {
    for (const f of [{}, { departmentId: D1 }, { departmentId: D2 }, { cohort: true }] as Filter[]) {
      const d = await buildDashboard(db(), 'ambassadors', filtersOf(f), null);
      const e = expectedOf(f);
      const label = JSON.stringify(f);
      expect(d.suppressed, label).toBe(false);
      const figure = d.figures.find((x) => x.key === 'ambassador_clicks')!;
      expect([figure.value, figure.previous], label).toEqual(e.clicks);
      expect(
        chart(d, 'clicks_by_network', 'bar').bars.map((b) => [b.label, b.value, b.previous]),
        label,
      ).toEqual(e.networks);
      expect(chart(d, 'top_kits', 'table').rows, label).toEqual(e.kits);
      const weekly = chart(d, 'ambassador_activity_by_week', 'line').lines.find(
        (l) => l.key === 'ambassador_clicks',
      )!;
      expect(weekly.points, label).toEqual(e.weeks);
    }
  }

  const rolledUntil = async () => {
    const row = await db()
      .selectFrom('analytics_state')
      .select('clicks_until')
      .where('name', '=', 'rollups')
      .executeTakeFirst();
    return row?.clicks_until ? new Date(row.clicks_until).toISOString() : null;
  };
  const rolledSum = async (table: (typeof CLICK_TABLES)[number]) => {
    const row = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.sum<string>('n').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  const clicksBefore = (until: string) =>
    clicks.filter((c) => c.at < startOf(until) && !deleted.has(linkOf.get(c.code)!.kit)).length;
  /** Now, or just past today's first 5 minutes (when yesterday closes) if it is earlier. */
  const onTime = () => new Date(Math.max(Date.now(), startOf(TODAY).getTime() + 6 * MINUTE));
  async function snapshot() {
    const out: Record<string, string[]> = {};
    for (const table of CLICK_TABLES)
      out[table] = (await db().selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
    return out;
  }

  beforeAll(async () => {
    const now = new Date();
    await seedAmbassadorOrg(db(), {
      label: 'clicks',
      departments: [
        { id: D1, name: 'Atelier' },
        { id: D2, name: 'Bureau' },
      ],
      people,
      cohortId: COHORT,
      cohort,
      kits: KITS,
      first: FIRST,
      today: TODAY,
    });
    await db()
      .insertInto('ambassador_links')
      .values(
        links.map((l) => ({
          code: l.code,
          kit_id: l.kit,
          network: l.network,
          user_id: l.user,
          shares: 1,
          created_at: now,
        })),
      )
      .execute();
    for (let i = 0; i < clicks.length; i += 500)
      await db()
        .insertInto('ambassador_clicks')
        .values(clicks.slice(i, i + 500))
        .execute();
  });

  it('the dataset has clicks on the days that matter', () => {
    const on = (day: string) => clicks.filter((c) => dayOf(c.at) === day).length;
    for (const day of [TODAY, addDays(TODAY, -1), addDays(TODAY, -2), PERIOD.from, PREVIOUS.from])
      expect(on(day), day).toBeGreaterThan(0);
    expect(clicks.filter((c) => c.at < startOf(PREVIOUS.from)).length).toBeGreaterThan(0);
    for (const k of KITS) expect(links.some((l) => l.kit === k.id)).toBe(true);
  });

  it('before any refresh, every click is read raw', async () => {
    expect(await rolledUntil()).toBeNull();
    await expectExact();
  });

  it('a refresh two days late rolls the days closed then; the two days since are read raw', async () => {
    // 00:02 yesterday: the day before yesterday has not closed yet (the grace after midnight).
    const late = new Date(startOf(addDays(TODAY, -1)).getTime() + 2 * MINUTE);
    const result = await refreshRollups(db(), late);
    const until = addDays(TODAY, -2);
    expect(await rolledUntil()).toBe(startOf(until).toISOString());
    expect(result.clicks).toBe(clicksBefore(until));
    expect(await rolledSum('analytics_click_days')).toBe(clicksBefore(until));
    expect(await rolledSum('analytics_click_person_days')).toBe(clicksBefore(until));
    await expectExact();
  });

  it('a refresh on time rolls up to yesterday; today, a click through the redirect included, is read raw', async () => {
    const result = await refreshRollups(db(), onTime());
    expect(await rolledUntil()).toBe(startOf(TODAY).toISOString());
    expect(result.clicks).toBe(clicksBefore(TODAY) - clicksBefore(addDays(TODAY, -2)));
    expect(await rolledSum('analytics_click_days')).toBe(clicksBefore(TODAY));
    expect(await rolledSum('analytics_click_person_days')).toBe(clicksBefore(TODAY));
    // Nothing more to roll until midnight.
    expect((await refreshRollups(db(), onTime())).clicks).toBe(0);

    const link = links.find((l) => l.user === people[2]!.id)!;
    const res = await fetch(`${t.server.url}/r/${link.code}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    clicks.push({ code: link.code, at: t.server.clock.now() });
    await expectExact();
  });

  it('the department filter follows people as they are now, rolled clicks included', async () => {
    await db().updateTable('users').set({ department_id: D1 }).where('id', '=', MOVER.id).execute();
    deptOf.set(MOVER.id, D1);
    // D2 keeps three people: still above the threshold.
    await db()
      .insertInto('users')
      .values({
        id: newId(),
        email: `clicks-extra-${newId().slice(-12)}@example.test`,
        name: 'Person extra',
        password_hash: null,
        role: 'member',
        status: 'active',
        locale: 'en',
        department_id: D2,
        created_at: new Date(),
        updated_at: new Date(),
      })
      .execute();
    await expectExact();
  });

  it('deleting a kit takes its clicks away, rolled or raw', async () => {
    const gone = KITS[1]!;
    expect(
      await db().selectFrom('analytics_click_days').select('kit_id').where('kit_id', '=', gone.id).execute(),
    ).not.toHaveLength(0);
    await db().deleteFrom('ambassador_kits').where('id', '=', gone.id).execute();
    deleted.add(gone.id);
    for (const table of CLICK_TABLES)
      expect(await db().selectFrom(table).select('kit_id').where('kit_id', '=', gone.id).execute()).toEqual(
        [],
      );
    expect(await rolledSum('analytics_click_days')).toBe(clicksBefore(TODAY));
    await expectExact();
  });

  it('a rebuild rolls the same rows and gives the same figures', async () => {
    const rolled = await snapshot();
    const result = await rebuildRollups(db(), onTime());
    expect(result.clicks).toBe(clicksBefore(TODAY));
    expect(await rolledUntil()).toBe(startOf(TODAY).toISOString());
    expect(await snapshot()).toEqual(rolled);
    await expectExact();
  });

  it('without their position the clicks are read raw, then rolled again from scratch', async () => {
    const rolled = await snapshot();
    const now = onTime();
    await db()
      .updateTable('analytics_state')
      .set({ clicks_until: null })
      .where('name', '=', 'rollups')
      .execute();
    await expectExact();
    await refreshRollups(db(), now);
    expect(await snapshot()).toEqual(rolled);
    // Without the roll-ups' state row, every roll-up is emptied, the clicks' with them.
    await db().deleteFrom('analytics_state').where('name', '=', 'rollups').execute();
    await expectExact();
    await refreshRollups(db(), now);
    expect(await rolledUntil()).toBe(startOf(TODAY).toISOString());
    expect(await snapshot()).toEqual(rolled);
    await expectExact();
  });
});

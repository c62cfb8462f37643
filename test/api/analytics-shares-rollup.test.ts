// The ambassadors dashboard reads shares from their roll-ups (day × kit × network, per
// ambassador, and each sharer's bitmap of days) plus the shares the refresh has not applied
// yet: a hand-built set of shares over five weeks up to now (midnight edges, a kit that no
// longer exists, someone without a department), and every share figure and chart computed
// again here in plain TypeScript — for everyone, each department and a people cohort, before
// any refresh, after refreshes in several batches (one bringing shares dated days ago), after
// someone moved, after an erasure, after a rebuild (the same rows), and without the state.
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { NETWORKS } from '../../common/ambassadors.ts';
import type { Chart, Dashboard } from '../../common/schemas/analytics.ts';
import * as migration from '../../server/db/migrations/2026-12-03-49-analytics-shares.ts';
import type { ResolvedFilters } from '../../server/modules/analytics/filters.ts';
import { forgetPerson } from '../../server/modules/analytics/forget.ts';
import { buildDashboard } from '../../server/modules/analytics/indicators/index.ts';
import { rebuildRollups, refreshRollups } from '../../server/modules/analytics/rollups/refresh.ts';
import { SHARE_TABLES } from '../../server/modules/analytics/rollups/shares.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { newId } from '../../server/platform/ids.ts';
import { inTransaction } from '../../server/platform/transaction.ts';
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

const rnd = random(49);
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
const MOVER = people[7]!; // moves from D2 to D1
const ERASED = people[3]!; // erased from D1 (three stay, the mover among them)
const erased = new Set<string>();

const KITS = ['Kit A', 'Kit B', 'Kit C'].map((title) => ({ id: newId(), title }));
/** A kit deleted since: its shares stay in the log and in the totals, not in the table of kits. */
const GONE = newId();

interface Share {
  actor: string;
  at: Date;
  kit: string;
  network: string;
}
/** Shares in the log so far; more arrive in later batches. */
const shares: Share[] = [];
function sharesOf(from: string, to: string, chance: number, limit = STARTED): Share[] {
  const out: Share[] = [];
  for (const p of people)
    for (let day = from; day <= to; day = addDays(day, 1)) {
      const minutes = Math.min(1440, Math.floor((limit.getTime() - startOf(day).getTime()) / MINUTE));
      if (minutes > 0 && rnd() < chance)
        for (let n = 1 + Math.floor(rnd() * 2); n > 0; n--)
          out.push({
            actor: p.id,
            at: new Date(startOf(day).getTime() + Math.floor(rnd() * minutes) * MINUTE),
            kit: pick([...KITS.map((k) => k.id), GONE]),
            network: pick(NETWORKS),
          });
    }
  return out;
}
// First batch: up to three days ago, with the edges of days.
const FIRST_BATCH = sharesOf(FIRST, addDays(TODAY, -3), 0.3);
for (const day of [PERIOD.from, PREVIOUS.from, addDays(TODAY, -3)]) {
  FIRST_BATCH.push({ actor: people[4]!.id, at: startOf(day), kit: KITS[0]!.id, network: NETWORKS[0]! });
  FIRST_BATCH.push({
    actor: people[8]!.id,
    at: new Date(startOf(day).getTime() - 1),
    kit: KITS[1]!.id,
    network: NETWORKS[1]!,
  });
}
// Later: the last three days, and shares dated days ago arriving late (a day already rolled).
const LATE_BATCH = [
  ...sharesOf(addDays(TODAY, -2), TODAY, 0.4),
  {
    actor: people[4]!.id,
    at: new Date(Math.max(startOf(TODAY).getTime(), STARTED.getTime() - MINUTE)),
    kit: KITS[0]!.id,
    network: NETWORKS[2]!,
  },
  { actor: people[2]!.id, at: startOf(addDays(TODAY, -6)), kit: KITS[2]!.id, network: NETWORKS[2]! },
  {
    actor: people[6]!.id,
    at: new Date(startOf(PREVIOUS.to).getTime() + 5 * MINUTE),
    kit: GONE,
    network: NETWORKS[0]!,
  },
  { actor: people[3]!.id, at: startOf(addDays(PERIOD.from, 2)), kit: KITS[0]!.id, network: NETWORKS[1]! },
];
// Clicks on a few links, so that clicks per share means something.
const LINKS = KITS.map((k, i) => ({
  code: newId().slice(-12),
  kit: k.id,
  network: NETWORKS[i % NETWORKS.length]!,
  user: people[i]!.id,
}));
const clicks = LINKS.flatMap((l, i) =>
  [1, 3, 9, 16, 20].map((ago) => ({
    code: l.code,
    at: new Date(startOf(addDays(TODAY, -ago - i)).getTime() + 3_600_000),
  })),
);

// ---- The definitions, again -----------------------------------------------------------------

interface Filter {
  departmentId?: string;
  cohort?: boolean;
}
const inDay = (at: Date, r: { from: string; to: string }) =>
  at.getTime() >= startOf(r.from).getTime() && at.getTime() < startOf(r.to).getTime() + DAY_MS;

function expectedOf(f: Filter) {
  const filtered = f.departmentId !== undefined || f.cohort === true;
  const matches = (user: string) =>
    !erased.has(user) &&
    (!f.departmentId || deptOf.get(user) === f.departmentId) &&
    (!f.cohort || cohort.has(user));
  const counted = shares.filter((s) => !filtered || matches(s.actor));
  const now = counted.filter((s) => inDay(s.at, PERIOD));
  const prev = counted.filter((s) => inDay(s.at, PREVIOUS));
  const sharers = (list: Share[]) => new Set(list.map((s) => s.actor).filter((a) => !erased.has(a)));
  const clicksIn = (r: { from: string; to: string }) =>
    clicks.filter((c) => inDay(c.at, r) && (!filtered || matches(LINKS.find((l) => l.code === c.code)!.user)))
      .length;
  const net = (list: Share[], n: string) => list.filter((s) => s.network === n).length;
  const weeks: { x: string; y: number }[] = [];
  for (let w = mondayOf(startOf(PERIOD.from)); w <= PERIOD.to; w = addDays(w, 7))
    weeks.push({ x: w, y: now.filter((s) => mondayOf(s.at) === w).length });
  const clicksOfKit = (kit: string) =>
    clicks.filter(
      (c) =>
        inDay(c.at, PERIOD) &&
        LINKS.some((l) => l.code === c.code && l.kit === kit && (!filtered || matches(l.user))),
    ).length;
  const kits = KITS.map((k) => [k.title, now.filter((s) => s.kit === k.id).length, clicksOfKit(k.id)])
    .filter((row) => Number(row[1]) > 0 || Number(row[2]) > 0)
    .sort(
      (a, b) =>
        Number(b[2]) - Number(a[2]) ||
        Number(b[1]) - Number(a[1]) ||
        String(a[0]).localeCompare(String(b[0])),
    );
  const group = people.filter((p) => matches(p.id));
  const departments = [...new Set(group.map((p) => deptOf.get(p.id) ?? null))]
    .map((d) => {
      const size = group.filter((p) => (deptOf.get(p.id) ?? null) === d).length;
      const of = (list: Share[]) => [...sharers(list)].filter((a) => (deptOf.get(a) ?? null) === d).length;
      return size < MIN_GROUP ? [d, null, null] : [d, of(now), of(prev)];
    })
    .sort((a, b) => (a[0] === null ? 1 : b[0] === null ? -1 : a[0] === D1 ? -1 : 1));
  const c = [clicksIn(PERIOD), clicksIn(PREVIOUS)];
  return {
    figures: {
      active_ambassadors: [sharers(now).size, sharers(prev).size],
      ambassador_shares: [now.length, prev.length],
      ambassador_clicks: c,
      clicks_per_share: [
        now.length > 0 ? Math.round((c[0]! / now.length) * 100) / 100 : null,
        prev.length > 0 ? Math.round((c[1]! / prev.length) * 100) / 100 : null,
      ],
    },
    networks: NETWORKS.map((n) => [`network_${n}`, net(now, n), net(prev, n)]),
    kits,
    weeks,
    departments,
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

describe('ambassadors dashboard: shares from their roll-ups and the shares not applied yet', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;

  /** The share figures and charts, for everyone, D1, D2 and the cohort, as defined. */
  async function expectExact() {
    for (const f of [{}, { departmentId: D1 }, { departmentId: D2 }, { cohort: true }] as Filter[]) {
      const d = await buildDashboard(db(), 'ambassadors', filtersOf(f), null);
      const e = expectedOf(f);
      const label = JSON.stringify(f);
      expect(d.suppressed, label).toBe(false);
      for (const [key, values] of Object.entries(e.figures)) {
        const figure = d.figures.find((x) => x.key === key)!;
        expect([figure.value, figure.previous], `${label} ${key}`).toEqual(values);
      }
      expect(
        chart(d, 'shares_by_network', 'bar').bars.map((b) => [b.label, b.value, b.previous]),
        label,
      ).toEqual(e.networks);
      expect(chart(d, 'top_kits', 'table').rows, label).toEqual(e.kits);
      const weekly = chart(d, 'ambassador_activity_by_week', 'line').lines.find(
        (l) => l.key === 'ambassador_shares',
      )!;
      expect(weekly.points, label).toEqual(e.weeks);
      expect(
        chart(d, 'ambassadors_by_department', 'bar').bars.map((b) => [b.id, b.value, b.previous]),
        label,
      ).toEqual(e.departments);
    }
  }

  async function insertShares(list: Share[]) {
    shares.push(...list);
    const rows = list.map((s) =>
      activityRow({
        actorId: s.actor,
        verb: 'ambassador.shared',
        objectType: 'ambassador_kit',
        objectId: s.kit,
        spaceId: null,
        data: { network: s.network },
        at: s.at,
      }),
    );
    for (let i = 0; i < rows.length; i += 500)
      await db()
        .insertInto('activity_events')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  const rolledSum = async (table: 'analytics_share_days' | 'analytics_share_person_days') => {
    const row = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.sum<string>('n').as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  async function snapshot() {
    const out: Record<string, string[]> = {};
    for (const table of SHARE_TABLES)
      out[table] = (await db().selectFrom(table).selectAll().execute()).map((r) => JSON.stringify(r)).sort();
    return out;
  }

  beforeAll(async () => {
    const now = new Date();
    await seedAmbassadorOrg(db(), {
      label: 'shares',
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
        LINKS.map((l) => ({
          code: l.code,
          kit_id: l.kit,
          network: l.network,
          user_id: l.user,
          shares: 1,
          created_at: now,
        })),
      )
      .execute();
    await db().insertInto('ambassador_clicks').values(clicks).execute();
    await insertShares(FIRST_BATCH);
  });

  it('the dataset has shares on the days that matter', () => {
    const on = (day: string) => [...FIRST_BATCH, ...LATE_BATCH].filter((s) => dayOf(s.at) === day).length;
    for (const day of [TODAY, addDays(TODAY, -1), PERIOD.from, PREVIOUS.from, PREVIOUS.to])
      expect(on(day), day).toBeGreaterThan(0);
    expect(shares.some((s) => s.kit === GONE && inDay(s.at, PERIOD))).toBe(true);
    expect(shares.some((s) => s.at < startOf(PREVIOUS.from))).toBe(true);
  });

  it('before any refresh, every share is read from the log', async () => {
    expect(await rolledSum('analytics_share_days')).toBe(0);
    await expectExact();
  });

  it('refreshes in several batches: the roll-ups hold what was applied, the rest is read from the log', async () => {
    await refreshRollups(db(), new Date());
    expect(await rolledSum('analytics_share_days')).toBe(shares.length);
    expect(await rolledSum('analytics_share_person_days')).toBe(shares.length);
    expect((await db().selectFrom('analytics_sharers').select('user_id').execute()).length).toBe(
      new Set(shares.map((s) => s.actor)).size,
    );
    await expectExact();
    // A later batch, shares dated days ago among it: counted before and after the refresh.
    await insertShares(LATE_BATCH);
    await expectExact();
    await refreshRollups(db(), new Date());
    expect(await rolledSum('analytics_share_days')).toBe(shares.length);
    await expectExact();
    // Today's share through the API-less path of the command: one more event, not applied yet.
    await insertShares([{ actor: people[5]!.id, at: new Date(), kit: KITS[1]!.id, network: NETWORKS[0]! }]);
    await expectExact();
    await refreshRollups(db(), new Date());
    await expectExact();
  });

  it('a share whose id was taken before the watermark but committed after it is read from the log until applied', async () => {
    const top = await db()
      .selectFrom('activity_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const at = (id: number, s: Share) => {
      shares.push(s);
      return sql`INSERT INTO activity_events (id, at, actor_id, verb, object_type, object_id, data)
        OVERRIDING SYSTEM VALUE VALUES (${id}, ${s.at}, ${s.actor}, 'ambassador.shared', 'ambassador_kit', ${s.kit},
          ${JSON.stringify({ network: s.network })}::jsonb)`.execute(db());
    };
    const first = Number(top.id) + 50;
    await at(first, { actor: people[6]!.id, at: new Date(), kit: KITS[2]!.id, network: NETWORKS[4]! });
    await refreshRollups(db(), new Date());
    const pending = await db()
      .selectFrom('analytics_pending_events')
      .select('id')
      .where('id', '=', String(first - 30))
      .execute();
    expect(pending).toHaveLength(1);
    // Dated days ago, in a day the roll-ups hold already.
    await at(first - 30, {
      actor: people[0]!.id,
      at: startOf(addDays(TODAY, -4)),
      kit: KITS[1]!.id,
      network: NETWORKS[0]!,
    });
    await expectExact();
    await refreshRollups(db(), new Date());
    expect(await rolledSum('analytics_share_days')).toBe(shares.length);
    await expectExact();
  });

  it('the department filter follows people as they are now', async () => {
    await db().updateTable('users').set({ department_id: D1 }).where('id', '=', MOVER.id).execute();
    deptOf.set(MOVER.id, D1);
    await expectExact();
  });

  it('after an erasure their shares stay counted, they are no sharer any more', async () => {
    const before = await db().selectFrom('analytics_share_days').selectAll().execute();
    await inTransaction(t.server.ctx, (tx) => forgetPerson(tx, ERASED.id));
    // As the erasure leaves the account: no department any more.
    await db()
      .updateTable('users')
      .set({ erased_at: new Date(), department_id: null })
      .where('id', '=', ERASED.id)
      .execute();
    erased.add(ERASED.id);
    for (const table of ['analytics_share_person_days', 'analytics_sharers'] as const)
      expect(
        await db().selectFrom(table).select('user_id').where('user_id', '=', ERASED.id).execute(),
        table,
      ).toEqual([]);
    expect(await db().selectFrom('analytics_share_days').selectAll().execute()).toEqual(before);
    await expectExact();
    // Their later shares (none: erased) and others' keep flowing.
    await insertShares([{ actor: people[0]!.id, at: new Date(), kit: KITS[2]!.id, network: NETWORKS[1]! }]);
    await expectExact();
    await refreshRollups(db(), new Date());
    await expectExact();
  });

  it('the migration fills, from the log, the rows the refreshes built', async () => {
    const rolled = await snapshot();
    // One share not applied yet: the migration leaves it to the next refresh.
    await insertShares([{ actor: people[2]!.id, at: new Date(), kit: KITS[0]!.id, network: NETWORKS[3]! }]);
    const raw = db() as unknown as Kysely<unknown>;
    await migration.down(raw);
    await migration.up(raw);
    expect(await snapshot()).toEqual(rolled);
    await expectExact();
    await refreshRollups(db(), new Date());
    expect(await rolledSum('analytics_share_days')).toBe(shares.length);
    await expectExact();
  });

  it('a rebuild builds the same rows and gives the same figures', async () => {
    const rolled = await snapshot();
    await rebuildRollups(db(), new Date());
    expect(await snapshot()).toEqual(rolled);
    await expectExact();
  });

  it('without the state row every share is read from the log, then rolled again', async () => {
    const rolled = await snapshot();
    await db().deleteFrom('analytics_state').where('name', '=', 'rollups').execute();
    await expectExact();
    await refreshRollups(db(), new Date());
    expect(await snapshot()).toEqual(rolled);
    await expectExact();
  });
});

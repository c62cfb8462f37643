// Analytics indicators: a hand-built organisation (departments, sites, spaces, a cohort,
// fourteen people) and 60 days of activity written to the log with activityRow (the log of
// record), rolled up by the real refresh. Every expected figure is computed again here, in
// plain TypeScript, straight from the dataset's definition — never from the roll-ups — for
// the whole organisation and for each filter (department, site, space, cohort), over the
// period and the previous one; groups below the threshold are suppressed.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Chart, DASHBOARDS, Dashboard, type Figure } from '../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../../server/modules/analytics/filters.ts';
import { buildDashboard, measuredFigures } from '../../server/modules/analytics/indicators/index.ts';
import { ROI_LINES } from '../../server/modules/analytics/roi.ts';
import { rebuildRollups, refreshRollups } from '../../server/modules/analytics/rollups/refresh.ts';
import { activityRow } from '../../server/platform/activity.ts';
import { newId } from '../../server/platform/ids.ts';
import { useServer } from '../helpers/server.ts';

const MIN_GROUP = 3;
const DAY_MS = 86_400_000;

// ---- The dataset -------------------------------------------------------------------------

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);
const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

/** A small deterministic random generator (mulberry32), so the dataset is the same every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  id: string;
  dept: string | null;
  site: string;
  active: boolean;
  /** Index of the day the account was activated. */
  start: number;
}
interface Ev {
  actor: string;
  verb: string;
  at: Date;
  day: string;
  space: string | null;
  target: string | null;
  objectId: string | null;
  data: Record<string, unknown> | null;
}

const D1 = newId();
const D2 = newId();
const D3 = newId();
const S1 = newId();
const S2 = newId();
const SP1 = newId();
const SP2 = newId();
const COHORT = newId();
const DEPT_NAMES: Record<string, string> = { [D1]: 'Atelier', [D2]: 'Bureau', [D3]: 'Chantier' };

// Fourteen active people and one deactivated: D1 has 6 active, D2 5, D3 2 (below the
// threshold), one person has no department.
const layout: [string | null, string, boolean][] = [
  [D1, S1, true],
  [D1, S1, true],
  [D1, S1, true],
  [D1, S1, true],
  [D1, S2, true],
  [D1, S2, true],
  [D2, S1, true],
  [D2, S1, true],
  [D2, S2, true],
  [D2, S2, true],
  [D2, S2, true],
  [D3, S2, true],
  [D3, S2, true],
  [D1, S1, false],
  [null, S1, true],
];
const people: Person[] = layout.map(([dept, site, active], i) => ({
  id: newId(),
  dept,
  site,
  active,
  start: Math.min(4 * i, 50),
}));
const byId = new Map(people.map((p) => [p.id, p]));
const cohort = new Set([people[0]!.id, people[6]!.id, people[8]!.id, people[11]!.id]);
const members: Record<string, Set<string>> = {
  [SP1]: new Set([0, 1, 2, 3, 4, 6, 7].map((i) => people[i]!.id)),
  [SP2]: new Set([5, 8, 9, 10, 11, 12, 13, 14].map((i) => people[i]!.id)),
};

// 60 days ending 10 days ago; the period is the last 14 of them, the previous the 14 before.
const today = dayOf(new Date());
const LAST = addDays(today, -10);
const FIRST = addDays(LAST, -59);
const PERIOD = { from: addDays(LAST, -13), to: LAST };
const PREVIOUS = { from: addDays(LAST, -27), to: addDays(LAST, -14) };

const CREATE = ['post.created', 'question.asked', 'knowledge.page_created', 'event.created'];
const RESPOND = [
  'comment.created',
  'question.answered',
  'reaction.set',
  'comment_reaction.set',
  'answer.voted',
  'poll.voted',
  'post.shared',
];
const CONTRIBUTE = [
  'post.created',
  'question.asked',
  'comment.created',
  'question.answered',
  'knowledge.page_created',
  'event.created',
  'post.shared',
];
const INTERACT = [
  'comment.created',
  'question.answered',
  'reaction.set',
  'comment_reaction.set',
  'post.shared',
];

function generate(): Ev[] {
  const rnd = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const events: Ev[] = [];
  const posts: { id: string; author: string; space: string | null }[] = [];
  const questions: {
    id: string;
    asker: string;
    space: string | null;
    answers: { id: string; author: string }[];
  }[] = [];
  const pages: { id: string; author: string; space: string }[] = [];
  range(FIRST, LAST).forEach((day, index) => {
    let minute = 8 * 60;
    const emit = (e: Omit<Ev, 'at' | 'day' | 'target'> & { target?: string | null }) => {
      minute += 7;
      const target = e.target && e.target !== e.actor ? e.target : null;
      events.push({ ...e, target, day, at: new Date(Date.parse(`${day}T00:00:00Z`) + minute * 60_000) });
    };
    people.forEach((p, i) => {
      if (index < p.start) return;
      if (index === p.start) {
        const invited = new Date(Date.parse(`${addDays(day, -(i % 4))}T09:00:00Z`));
        emit({
          actor: p.id,
          verb: 'user.activated',
          space: null,
          objectId: p.id,
          data: { invitedAt: invited.toISOString() },
        });
      }
      if (rnd() > Math.min(0.25 + 0.05 * i, 0.9)) return;
      const place = () => pick([SP1, SP2, null]);
      emit({ actor: p.id, verb: 'user.visited', space: null, objectId: p.id, data: null });
      if (rnd() < 0.3) {
        const post = { id: newId(), author: p.id, space: place() };
        posts.push(post);
        emit({ actor: p.id, verb: 'post.created', space: post.space, objectId: post.id, data: null });
      }
      if (rnd() < 0.12) {
        const q = { id: newId(), asker: p.id, space: pick([SP1, SP2]), answers: [] };
        questions.push(q);
        emit({ actor: p.id, verb: 'question.asked', space: q.space, objectId: q.id, data: null });
      }
      if (posts.length > 0 && rnd() < 0.35) {
        const post = pick(posts);
        emit({
          actor: p.id,
          verb: 'comment.created',
          space: post.space,
          objectId: newId(),
          target: post.author,
          data: { postId: post.id },
        });
      }
      if (questions.length > 0 && rnd() < 0.25) {
        const q = pick(questions);
        const answer = { id: newId(), author: p.id };
        q.answers.push(answer);
        emit({
          actor: p.id,
          verb: 'question.answered',
          space: q.space,
          objectId: answer.id,
          target: q.asker,
          data: { postId: q.id },
        });
      }
      if (posts.length > 0 && rnd() < 0.4) {
        const post = pick(posts);
        emit({
          actor: p.id,
          verb: 'reaction.set',
          space: post.space,
          objectId: post.id,
          target: post.author,
          data: { kind: 'like' },
        });
      }
      if (rnd() < 0.15) {
        emit({
          actor: p.id,
          verb: 'comment_reaction.set',
          space: place(),
          objectId: newId(),
          target: pick(people).id,
          data: null,
        });
      }
      if (posts.length > 0 && rnd() < 0.1) {
        const post = pick(posts);
        emit({
          actor: p.id,
          verb: 'post.shared',
          space: place(),
          objectId: newId(),
          target: post.author,
          data: null,
        });
      }
      const answered = questions.filter((q) => q.answers.length > 0);
      if (answered.length > 0 && rnd() < 0.1) {
        const a = pick(pick(answered).answers);
        emit({
          actor: p.id,
          verb: 'answer.voted',
          space: null,
          objectId: a.id,
          target: a.author,
          data: null,
        });
      }
      const own = answered.filter((q) => q.asker === p.id);
      if (own.length > 0 && rnd() < 0.3) {
        const q = pick(own);
        const a = pick(q.answers);
        const undo = rnd() < 0.2;
        emit({
          actor: p.id,
          verb: undo ? 'question.answer_unaccepted' : 'question.answer_accepted',
          space: q.space,
          objectId: q.id,
          target: undo ? null : a.author,
          data: { commentId: undo ? null : a.id },
        });
      }
      if (rnd() < 0.06) {
        const page = { id: newId(), author: p.id, space: pick([SP1, SP2]) };
        pages.push(page);
        emit({
          actor: p.id,
          verb: 'knowledge.page_created',
          space: page.space,
          objectId: page.id,
          data: null,
        });
      }
      const readable = pages.filter((pg) => pg.author !== p.id);
      if (readable.length > 0 && rnd() < 0.3) {
        const page = pick(readable);
        emit({
          actor: p.id,
          verb: 'knowledge.page_read',
          space: page.space,
          objectId: page.id,
          target: page.author,
          data: null,
        });
      }
      if (rnd() < 0.05)
        emit({ actor: p.id, verb: 'event.created', space: place(), objectId: newId(), data: null });
      if (rnd() < 0.3) {
        const terms = pick(['alpha', 'beta', 'gamma lamp', `rare ${i}`]);
        const results = terms === 'alpha' ? 4 : terms === 'beta' ? (rnd() < 0.5 ? 0 : 2) : 0;
        emit({
          actor: p.id,
          verb: 'search.performed',
          space: null,
          objectId: null,
          data: { terms, results },
        });
      }
      if (i === 0 && rnd() < 0.4)
        emit({ actor: p.id, verb: 'invitation.sent', space: null, objectId: newId(), data: null });
    });
  });
  return events;
}

const events = generate();

// ---- The definitions, again, in plain TypeScript ----------------------------------------

interface Filter {
  departmentId?: string;
  siteId?: string;
  cohort?: boolean;
  spaceIds?: string[];
  /** Set with spaceIds holding every space of that type: the roll-ups kept per type are read. */
  spaceType?: 'project';
}
interface Range {
  from: string;
  to: string;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const pct = (part: number, whole: number) => (whole > 0 ? round((part / whole) * 100, 1) : null);
const within = (day: string, r: Range) => day >= r.from && day <= r.to;
function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
/** Gini as the mean absolute difference over twice the mean (equal to the textbook formula). */
function giniOf(xs: number[]): number | null {
  const n = xs.length;
  const total = xs.reduce((s, x) => s + x, 0);
  if (n === 0 || total === 0) return null;
  let diff = 0;
  for (const a of xs) for (const b of xs) diff += Math.abs(a - b);
  return diff / (2 * n * n * (total / n));
}

function reference(f: Filter) {
  const matches = (id: string) => {
    const p = byId.get(id)!;
    return (
      (!f.departmentId || p.dept === f.departmentId) &&
      (!f.siteId || p.site === f.siteId) &&
      (!f.cohort || cohort.has(id))
    );
  };
  const group = people.filter(
    (p) => p.active && matches(p.id) && (!f.spaceIds || f.spaceIds.some((s) => members[s]!.has(p.id))),
  );
  const inPlace = (e: Ev) => !f.spaceIds || (e.space !== null && f.spaceIds.includes(e.space));
  const counted = events.filter((e) => matches(e.actor) && inPlace(e));
  const activeIn = (r: Range) => new Set(counted.filter((e) => within(e.day, r)).map((e) => e.actor));
  const count = (r: Range, verbs: string[], list = counted) =>
    list.filter((e) => within(e.day, r) && verbs.includes(e.verb)).length;

  function adoption(r: Range) {
    const active = activeIn(r);
    const days = daysBetween(r.from, r.to) + 1;
    const firsts = people
      .filter((p) => matches(p.id))
      .map((p) => {
        const activation = events.find((e) => e.actor === p.id && e.verb === 'user.activated')!;
        const first = events.find((e) => e.actor === p.id && CONTRIBUTE.includes(e.verb));
        return { activation, first };
      });
    const delays = firsts
      .filter((x) => x.first && within(x.first.day, r))
      .map((x) => daysBetween(dayOf(new Date(x.activation.data!.invitedAt as string)), x.first!.day));
    const m = median(delays);
    return {
      invited: events.filter((e) => e.verb === 'invitation.sent' && within(e.day, r) && matches(e.actor))
        .length,
      activated: firsts.filter((x) => within(x.activation.day, r)).length,
      dau: round(range(r.from, r.to).reduce((s, d) => s + activeIn({ from: d, to: d }).size, 0) / days, 1),
      wau: activeIn({ from: addDays(r.to, -6), to: r.to }).size,
      mau: activeIn({ from: addDays(r.to, -29), to: r.to }).size,
      active_people: active.size,
      active_rate: pct(group.filter((p) => active.has(p.id)).length, group.length),
      median_days_to_first_contribution: m === null ? null : round(m, 1),
    };
  }

  function contributions(r: Range) {
    return [...activeIn(r)].map((id) => {
      const mine = counted.filter((e) => e.actor === id && within(e.day, r));
      return {
        created: mine.filter((e) => CREATE.includes(e.verb)).length,
        responded: mine.filter((e) => RESPOND.includes(e.verb)).length,
        contributions: mine.filter((e) => CONTRIBUTE.includes(e.verb)).length,
      };
    });
  }
  function participation(r: Range) {
    const list = contributions(r);
    const creators = list.filter((p) => p.created > 0).length;
    const contributors = list.filter((p) => p.created === 0 && p.responded > 0).length;
    const g = giniOf(list.map((p) => p.contributions));
    return {
      active_people: list.length,
      creators_share: pct(creators, list.length),
      contributors_share: pct(contributors, list.length),
      readers_share: pct(list.length - creators - contributors, list.length),
      gini: g === null ? null : round(g, 3),
    };
  }

  const dept = (id: string | null) => (id ? (byId.get(id)?.dept ?? null) : null);
  const interactions = events.filter(
    (e) =>
      INTERACT.includes(e.verb) &&
      e.target !== null &&
      inPlace(e) &&
      (!f.departmentId || dept(e.actor) === f.departmentId || dept(e.target) === f.departmentId),
  );
  function collaboration(r: Range) {
    const list = interactions.filter((e) => within(e.day, r));
    const known = list.filter((e) => dept(e.actor) !== null && dept(e.target) !== null);
    return {
      interactions: list.length,
      cross_department_share: pct(known.filter((e) => dept(e.actor) !== dept(e.target)).length, known.length),
    };
  }

  const questions = events
    .filter((e) => e.verb === 'question.asked')
    .map((e) => {
      const answers = events.filter((a) => a.verb === 'question.answered' && a.data?.postId === e.objectId);
      const decisions = events.filter(
        (a) => a.verb.startsWith('question.answer_') && a.objectId === e.objectId,
      );
      const last = decisions.at(-1);
      return {
        space: e.space,
        asker: e.actor,
        asked: e.at,
        firstAnswer: answers[0]?.at ?? null,
        accepted: last?.verb === 'question.answer_accepted' ? last.at : null,
      };
    })
    .filter((q) => matches(q.asker) && (!f.spaceIds || (q.space !== null && f.spaceIds.includes(q.space))));
  const searches = events.filter((e) => e.verb === 'search.performed' && matches(e.actor));
  function knowledge(r: Range) {
    const inR = (at: Date | null) => at !== null && within(dayOf(at), r);
    const answered = questions.filter((q) => inR(q.firstAnswer));
    const hours = median(answered.map((q) => (q.firstAnswer!.getTime() - q.asked.getTime()) / 3_600_000));
    const s = searches.filter((e) => within(e.day, r));
    return {
      questions_asked: questions.filter((q) => inR(q.asked)).length,
      questions_answered: answered.length,
      answers_accepted: questions.filter((q) => inR(q.accepted)).length,
      median_hours_to_first_answer: hours === null ? null : round(hours, 1),
      pages_created: count(r, ['knowledge.page_created']),
      pages_reused: new Set(
        events
          .filter((e) => e.verb === 'knowledge.page_read' && within(e.day, r) && inPlace(e))
          .map((e) => e.objectId),
      ).size,
      searches: s.length,
      searches_no_result: s.filter((e) => e.data!.results === 0).length,
    };
  }
  function noResultTerms(r: Range) {
    const byTerms = new Map<string, { n: number; who: Set<string> }>();
    for (const e of searches.filter((x) => within(x.day, r) && x.data!.results === 0)) {
      const t = e.data!.terms as string;
      const entry = byTerms.get(t) ?? { n: 0, who: new Set() };
      entry.n++;
      entry.who.add(e.actor);
      byTerms.set(t, entry);
    }
    return [...byTerms.entries()]
      .filter(([, v]) => v.who.size >= MIN_GROUP)
      .map(([t, v]) => [t, v.n, v.who.size] as [string, number, number])
      .sort((a, b) => b[1] - a[1] || b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  }

  const ENGAGE = {
    posts: ['post.created'],
    comments: ['comment.created'],
    reactions: ['reaction.set', 'comment_reaction.set'],
    shares: ['post.shared'],
  };
  function engagement(r: Range) {
    const active = activeIn(r).size;
    const all = count(r, Object.values(ENGAGE).flat());
    return {
      posts: count(r, ENGAGE.posts),
      comments: count(r, ENGAGE.comments),
      reactions: count(r, ENGAGE.reactions),
      shares: count(r, ENGAGE.shares),
      active_people: active,
      per_active_person: active > 0 ? round(all / active, 2) : null,
    };
  }
  const spaceTotals = (r: Range) => {
    const out = new Map<string, number>();
    for (const e of counted)
      if (e.space && within(e.day, r) && Object.values(ENGAGE).flat().includes(e.verb))
        out.set(e.space, (out.get(e.space) ?? 0) + 1);
    return out;
  };

  return {
    group,
    activeIn,
    contributions,
    interactions,
    dept,
    noResultTerms,
    spaceTotals,
    figures: { adoption, participation, collaboration, knowledge, engagement } as Record<
      (typeof DASHBOARDS)[number],
      (r: Range) => Record<string, number | null>
    >,
  };
}

// ---- The tests ---------------------------------------------------------------------------

function filtersOf(f: Filter): ResolvedFilters {
  return {
    period: PERIOD,
    previous: PREVIOUS,
    departmentId: f.departmentId ?? null,
    siteId: f.siteId ?? null,
    peopleCohortId: f.cohort ? COHORT : null,
    spaceIds: f.spaceIds ?? null,
    spaceType: f.spaceType ?? null,
    minGroup: MIN_GROUP,
  };
}

const chart = <T extends Chart['type']>(d: Dashboard, key: string, type: T) => {
  const c = d.charts.find((x) => x.key === key);
  expect(c?.type, key).toBe(type);
  return c as Extract<Chart, { type: T }>;
};

describe('analytics indicators', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;

  beforeAll(async () => {
    const now = new Date();
    await db()
      .insertInto('departments')
      .values(Object.entries(DEPT_NAMES).map(([id, name]) => ({ id, name, created_at: now })))
      .execute();
    await db()
      .insertInto('sites')
      .values([
        { id: S1, name: 'Lyon', created_at: now },
        { id: S2, name: 'Nantes', created_at: now },
      ])
      .execute();
    await db()
      .insertInto('users')
      .values(
        people.map((p, i) => ({
          id: p.id,
          email: `person-${i}-${p.id.slice(-12)}@example.test`,
          name: `Person ${i}`,
          password_hash: null,
          role: 'member' as const,
          status: p.active ? ('active' as const) : ('deactivated' as const),
          locale: 'en' as const,
          department_id: p.dept,
          site_id: p.site,
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
          [SP2, 'Moteurs'],
        ].map(([id, name]) => ({
          id: id!,
          slug: `s-${id!.slice(-12)}`,
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
        Object.entries(members).flatMap(([space, ids]) =>
          [...ids].map((user) => ({
            space_id: space,
            user_id: user,
            role: 'member' as const,
            joined_at: now,
          })),
        ),
      )
      .execute();
    await db()
      .insertInto('analytics_cohorts')
      .values({
        id: COHORT,
        name: 'Pilot people',
        kind: 'people',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .insertInto('analytics_cohort_members')
      .values([...cohort].map((member) => ({ cohort_id: COHORT, member_id: member })))
      .execute();
    const rows = events.map((e) =>
      activityRow({
        actorId: e.actor,
        verb: e.verb,
        objectType: 'test',
        objectId: e.objectId,
        spaceId: e.space,
        data: e.data,
        targetId: e.target,
        at: e.at,
      }),
    );
    for (let i = 0; i < rows.length; i += 500)
      await db()
        .insertInto('activity_events')
        .values(rows.slice(i, i + 500))
        .execute();
    await refreshRollups(db(), now);
  });

  const cases: [string, Filter][] = [
    ['the organisation', {}],
    ['a department', { departmentId: D1 }],
    ['a site', { siteId: S2 }],
    ['a space', { spaceIds: [SP1] }],
    ['a people cohort', { cohort: true }],
    ['a department within a space', { departmentId: D2, spaceIds: [SP1, SP2] }],
    // Both spaces are projects, and the only ones.
    ['a space type', { spaceIds: [SP1, SP2], spaceType: 'project' }],
  ];

  it('the dataset is rich enough to mean something', () => {
    const ref = reference({});
    expect(events.length).toBeGreaterThan(500);
    expect(ref.activeIn(PERIOD).size).toBeGreaterThan(8);
    expect(ref.figures.knowledge!(PERIOD).questions_answered).toBeGreaterThan(3);
    expect(ref.noResultTerms(PERIOD).length).toBeGreaterThan(0);
  });

  for (const [label, f] of cases) {
    it(`every figure, now and before, for ${label}`, async () => {
      const ref = reference(f);
      expect(ref.group.length).toBeGreaterThanOrEqual(MIN_GROUP);
      for (const name of DASHBOARDS) {
        const d = await buildDashboard(db(), name, filtersOf(f), null);
        expect(Dashboard.parse(d)).toEqual(d);
        expect(d).toMatchObject({
          suppressed: false,
          groupSize: ref.group.length,
          minGroup: MIN_GROUP,
          period: PERIOD,
        });
        const now = ref.figures[name]!(PERIOD);
        const before = ref.figures[name]!(PREVIOUS);
        // Medians are rounded to a tenth from floating-point hours: a tenth apart at most.
        const close = (key: string, v: number | null, w: number | null | undefined) =>
          key.startsWith('median_') && v !== null && typeof w === 'number' && Math.abs(v - w) <= 0.1 + 1e-9
            ? w
            : v;
        const got = Object.fromEntries(
          d.figures.map((x: Figure) => [
            x.key,
            [close(x.key, x.value, now[x.key]), close(x.key, x.previous, before[x.key])],
          ]),
        );
        const want = Object.fromEntries(Object.keys(now).map((k) => [k, [now[k], before[k]]]));
        expect(got, `${name} for ${label}`).toEqual(want);
      }
      // The ROI estimate reads its figures alone: the same values as on their dashboards.
      const shown = { ...ref.figures.knowledge!(PERIOD), ...ref.figures.engagement!(PERIOD) };
      const measured = await measuredFigures(db(), filtersOf(f));
      expect(measured, `ROI figures for ${label}`).toEqual(
        Object.fromEntries(ROI_LINES.map((line) => [line.figure, shown[line.figure]])),
      );
    });
  }

  it('charts: daily active people, active rate per department with small departments suppressed', async () => {
    const ref = reference({});
    const d = await buildDashboard(db(), 'adoption', filtersOf({}), null);
    const line = chart(d, 'daily_active_people', 'line');
    expect(line.lines[0]!.points).toEqual(
      range(PERIOD.from, PERIOD.to).map((x) => ({ x, y: ref.activeIn({ from: x, to: x }).size })),
    );
    const bars = chart(d, 'active_rate_by_department', 'bar').bars;
    const active = ref.activeIn(PERIOD);
    const before = ref.activeIn(PREVIOUS);
    const expected = [D1, D2, D3, null].map((id) => {
      const inDept = people.filter((p) => p.active && p.dept === id);
      const hidden = inDept.length < MIN_GROUP;
      return {
        id,
        label: id ? DEPT_NAMES[id] : 'no_department',
        value: hidden ? null : pct(inDept.filter((p) => active.has(p.id)).length, inDept.length),
        previous: hidden ? null : pct(inDept.filter((p) => before.has(p.id)).length, inDept.length),
        suppressed: hidden,
      };
    });
    expect(bars).toEqual(expected);
  });

  /**
   * Periods around the end of the month before LAST's (or an earlier one, not a Sunday): the
   * week holding that day lies in two months, and both periods span two months.
   */
  function acrossMonthEnd(): [Range, Range] {
    let end = addDays(`${LAST.slice(0, 7)}-01`, -1);
    while (new Date(end).getUTCDay() === 0) end = addDays(`${end.slice(0, 7)}-01`, -1);
    return [
      { from: addDays(end, -20), to: addDays(end, 10) },
      { from: addDays(end, -51), to: addDays(end, -21) },
    ];
  }

  /** The participation dashboard over `period` (and `previous`) against the reference. */
  async function checkParticipation(period: Range, previous: Range, f: Filter = {}) {
    const ref = reference(f);
    const d = await buildDashboard(db(), 'participation', { ...filtersOf(f), period, previous }, null);
    const figures = ref.figures.participation!(period);
    const shares = chart(d, 'participation_shares', 'bar').bars;
    expect(shares.map((b) => [b.label, b.value, b.previous])).toEqual([
      ['creators', figures.creators_share, ref.figures.participation!(previous).creators_share],
      ['contributors', figures.contributors_share, ref.figures.participation!(previous).contributors_share],
      ['readers', figures.readers_share, ref.figures.participation!(previous).readers_share],
    ]);
    const curve = chart(d, 'contributions_lorenz', 'lorenz');
    expect(curve.gini).toBe(figures.gini);
    expect(curve.points[0]).toEqual({ x: 0, y: 0 });
    expect(curve.points.at(-1)).toEqual({ x: 1, y: 1 });
    for (let i = 1; i < curve.points.length; i++) {
      expect(curve.points[i]!.x).toBeGreaterThan(curve.points[i - 1]!.x);
      expect(curve.points[i]!.y).toBeGreaterThanOrEqual(curve.points[i - 1]!.y);
      // Least active first: the curve stays under the diagonal.
      expect(curve.points[i]!.y).toBeLessThanOrEqual(curve.points[i]!.x + 1e-9);
    }
    const weekly = chart(d, 'gini_by_week', 'line').lines[0]!.points;
    const monday = (day: string) => addDays(day, -((new Date(day).getUTCDay() + 6) % 7));
    const expected = [];
    for (let w = monday(period.from); w <= period.to; w = addDays(w, 7)) {
      const r = {
        from: w < period.from ? period.from : w,
        to: addDays(w, 6) > period.to ? period.to : addDays(w, 6),
      };
      const g = giniOf(ref.contributions(r).map((c) => c.contributions));
      expected.push({ x: w, y: g === null ? null : round(g, 3) });
    }
    expect(weekly).toEqual(expected);
  }

  it('charts: participation shares, the Lorenz curve and Gini by week', async () => {
    await checkParticipation(PERIOD, PREVIOUS);
  });

  it('participation over periods that cross month ends (weeks split between two months)', async () => {
    await checkParticipation(...acrossMonthEnd());
  });

  // Whole weeks come from the week roll-up, weeks the period cuts short from the month rows:
  // the same Gini by week for a group of people and in a space type as for the organisation
  // above (a list of spaces reads neither).
  for (const [label, f] of cases.filter(([, x]) => Object.keys(x).length > 0 && (!x.spaceIds || x.spaceType)))
    it(`participation by week for ${label}, over a period inside a month and one across a month end`, async () => {
      await checkParticipation(PERIOD, PREVIOUS, f);
      await checkParticipation(...acrossMonthEnd(), f);
    });

  it('charts: the department matrix, suppressed where a department is too small', async () => {
    const ref = reference({});
    const d = await buildDashboard(db(), 'collaboration', filtersOf({}), null);
    const heatmap = chart(d, 'department_interactions', 'heatmap');
    const order = [D1, D2, D3, null];
    expect(heatmap.rows.map((r) => [r.id, r.label, r.suppressed])).toEqual([
      [D1, 'Atelier', false],
      [D2, 'Bureau', false],
      [D3, 'Chantier', true],
      [null, 'no_department', true],
    ]);
    expect(heatmap.columns).toEqual(heatmap.rows);
    const inPeriod = ref.interactions.filter((e) => within(e.day, PERIOD));
    const small = new Set([D3, null]);
    expect(heatmap.cells).toEqual(
      order.map((from) =>
        order.map((to) =>
          small.has(from) || small.has(to)
            ? null
            : inPeriod.filter((e) => ref.dept(e.actor) === from && ref.dept(e.target) === to).length,
        ),
      ),
    );
  });

  it('tables and bars: searches without result (only terms searched by enough people), busiest spaces', async () => {
    const ref = reference({});
    const k = await buildDashboard(db(), 'knowledge', filtersOf({}), null);
    const table = chart(k, 'no_result_terms', 'table');
    expect(table.columns).toEqual(['terms', 'searches', 'people']);
    expect(table.rows).toEqual(ref.noResultTerms(PERIOD));
    expect(table.rows.some((r) => String(r[0]).startsWith('rare'))).toBe(false);

    const e = await buildDashboard(db(), 'engagement', filtersOf({}), null);
    const now = ref.spaceTotals(PERIOD);
    const before = ref.spaceTotals(PREVIOUS);
    const names: Record<string, string> = { [SP1]: 'Lampes', [SP2]: 'Moteurs' };
    const expected = [...now.entries()]
      .sort((a, b) => b[1] - a[1] || (names[a[0]]! < names[b[0]]! ? -1 : 1))
      .map(([id, n]) => ({
        id,
        label: names[id],
        value: n,
        previous: before.get(id) ?? 0,
        suppressed: false,
      }));
    expect(chart(e, 'top_spaces', 'bar').bars).toEqual(expected);
  });

  it('suppresses a whole dashboard when the group is below the threshold', async () => {
    for (const name of DASHBOARDS) {
      const d = await buildDashboard(db(), name, filtersOf({ departmentId: D3 }), null);
      expect(d.suppressed).toBe(true);
      expect(d.groupSize).toBe(2);
      expect(d.charts).toEqual([]);
      expect(d.figures.length).toBeGreaterThan(0);
      expect(d.figures.every((x) => x.value === null && x.previous === null && x.suppressed)).toBe(true);
    }
    const measured = await measuredFigures(db(), filtersOf({ departmentId: D3 }));
    expect(Object.values(measured).every((v) => v === null)).toBe(true);
  });

  it('a rebuild gives the same dashboards as the refresh', async () => {
    const before = await Promise.all(DASHBOARDS.map((n) => buildDashboard(db(), n, filtersOf({}), null)));
    await rebuildRollups(db(), new Date());
    const after = await Promise.all(DASHBOARDS.map((n) => buildDashboard(db(), n, filtersOf({}), null)));
    expect(after).toEqual(before);
  });
});

// Ninety days of activity for the Analytics dashboards, written as the product's log would
// hold it: one `user.visited` per person per active day, and the posts, questions, answers,
// comments, reactions, shares, votes, pages, page reads and searches of those days, each
// naming whose content it was aimed at (target_id). The organisation adopts Trame
// progressively (the first wave from the start, the others growing into it), departments at
// their own pace, the pilot spaces' people more than the rest; a few people create most of
// the content, more contribute, most read. Also the analytics setup an administrator would
// have made: two cohorts, an analyst, one changed ROI assumption.
// Bulk rows only (its own random sequence, so the rest of the demo stays the same).
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { ActivityEventTable } from '../../server/db/schema.ts';
import type { ActivityEvent } from '../../server/platform/activity.ts';
import { DAY, HOUR, MINUTE } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { DEPARTMENTS } from './data.ts';
import { activityRow, insertBatched } from './history.ts';
import type { SeededAccount } from './people.ts';
import { type Random, seededRandom } from './random.ts';

/** Days of history before today (today included). */
export const ANALYTICS_DAYS = 90;
/** People with a history: enough for the demo; large benchmark fixtures stay fast. */
export const MAX_PEOPLE_WITH_HISTORY = 400;
export const SPACES_COHORT = 'Pilote Aurore';
export const PEOPLE_COHORT = 'Vague 1 — déploiement';
/** The spaces of the pilot cohort (their people were the most active from the start). */
export const PILOT_SPACES = ['lancement-aurore', 'pilote-teletravail-nantes', 'qualite-securite-atelier'];
export const WAVE_SIZE = 20;
/** The ROI assumption the administrator changed, and its value. */
export const CHANGED_ASSUMPTION = { key: 'hour_cost', value: 52 };

/**
 * How each department took to Trame: the share of its people who adopted it, and how often
 * those come on a working day.
 */
const DEPARTMENT_ADOPTION: Record<string, { share: number; frequency: number }> = {
  'Direction générale': { share: 0.85, frequency: 0.6 },
  'Ressources humaines': { share: 0.9, frequency: 0.65 },
  Finance: { share: 0.6, frequency: 0.4 },
  Juridique: { share: 0.55, frequency: 0.35 },
  Ventes: { share: 0.65, frequency: 0.45 },
  Marketing: { share: 0.9, frequency: 0.7 },
  'Service client': { share: 0.75, frequency: 0.5 },
  'Recherche et développement': { share: 0.85, frequency: 0.6 },
  Production: { share: 0.3, frequency: 0.3 },
  Logistique: { share: 0.4, frequency: 0.3 },
  'Systèmes d’information': { share: 0.95, frequency: 0.75 },
  Qualité: { share: 0.7, frequency: 0.45 },
};
/** Someone who never took to it still comes now and then. */
const NON_ADOPTER_RATE = 0.005;

/** Departments that work together, beyond their own people (both ways). */
const PARTNERS: [string, string][] = [
  ['Recherche et développement', 'Production'],
  ['Recherche et développement', 'Qualité'],
  ['Recherche et développement', 'Marketing'],
  ['Ventes', 'Service client'],
  ['Ventes', 'Marketing'],
  ['Production', 'Logistique'],
  ['Production', 'Qualité'],
  ['Finance', 'Direction générale'],
  ['Ressources humaines', 'Direction générale'],
  ['Systèmes d’information', 'Ressources humaines'],
];

/** What people look for: French and English, some of which nothing answers yet. */
const SEARCHES: { terms: string; locale: 'fr' | 'en'; weight: number; found: [number, number] }[] = [
  { terms: 'note de frais', locale: 'fr', weight: 6, found: [3, 12] },
  { terms: 'badge parking', locale: 'fr', weight: 2.5, found: [0, 0] },
  { terms: 'mutuelle dentaire', locale: 'fr', weight: 1.5, found: [0, 0] },
  { terms: 'tickets restaurant', locale: 'fr', weight: 1.5, found: [0, 0] },
  { terms: 'vpn', locale: 'fr', weight: 3, found: [2, 5] },
  { terms: 'mot de passe', locale: 'fr', weight: 3, found: [1, 4] },
  { terms: 'congés payés', locale: 'fr', weight: 4, found: [2, 8] },
  { terms: 'aurore', locale: 'fr', weight: 6, found: [8, 30] },
  { terms: 'température de couleur', locale: 'fr', weight: 2, found: [1, 4] },
  { terms: 'habilitation électrique', locale: 'fr', weight: 2, found: [2, 6] },
  { terms: 'salle de visio lyon', locale: 'fr', weight: 3, found: [1, 3] },
  { terms: 'organigramme', locale: 'fr', weight: 2, found: [1, 2] },
  { terms: 'télétravail', locale: 'fr', weight: 4, found: [4, 15] },
  { terms: 'comité social et économique', locale: 'fr', weight: 1, found: [0, 0] },
  { terms: 'remote policy', locale: 'en', weight: 2, found: [0, 0] },
  { terms: 'parental leave', locale: 'en', weight: 1, found: [0, 0] },
  { terms: 'holiday calendar', locale: 'en', weight: 2, found: [1, 2] },
  { terms: 'password reset', locale: 'en', weight: 2, found: [1, 3] },
  { terms: 'expense report', locale: 'en', weight: 3, found: [1, 4] },
  { terms: 'guest wifi', locale: 'en', weight: 1, found: [0, 0] },
  { terms: 'glossary', locale: 'en', weight: 2, found: [1, 2] },
  { terms: 'light + building', locale: 'en', weight: 2, found: [2, 9] },
  { terms: 'photometric data', locale: 'en', weight: 2, found: [1, 3] },
  { terms: 'onboarding checklist', locale: 'en', weight: 2, found: [0, 1] },
];

type Tier = 'creator' | 'contributor' | 'reader';

/** What one active day of each kind of participant holds, on average. */
const PER_ACTIVE_DAY: Record<Tier, Record<string, number>> = {
  creator: {
    post: 0.22,
    question: 0.05,
    comment: 0.5,
    reaction: 1.1,
    share: 0.04,
    vote: 0.08,
    page: 0.03,
    event: 0.012,
    read: 0.25,
    search: 0.3,
  },
  contributor: {
    post: 0.004,
    question: 0.006,
    comment: 0.12,
    reaction: 0.45,
    share: 0.01,
    vote: 0.06,
    page: 0.001,
    event: 0,
    read: 0.18,
    search: 0.28,
  },
  reader: {
    post: 0,
    question: 0,
    comment: 0,
    reaction: 0,
    share: 0,
    vote: 0,
    page: 0,
    event: 0,
    read: 0.12,
    search: 0.22,
  },
};

/** A profile, with what the database says of the person once the rest is seeded. */
interface Person extends Profile {
  id: string;
  locale: 'fr' | 'en';
  guest: boolean;
  /** When they could act: the period's start or their arrival, until they left or now. */
  from: number;
  until: number;
  pilot: boolean;
  /** The spaces they belong to, with the time they could first act there. */
  spaces: { id: string; from: number }[];
}

interface Content {
  id: string;
  authorId: string;
  department: string | null;
  spaceId: string | null;
  at: number;
  poll: boolean;
}

interface Page {
  id: string;
  authorId: string | null;
  spaceId: string;
  at: number;
  /** How often it is looked up: some pages are never read by anyone else. */
  popularity: number;
}

/** How a person uses Trame over the period, decided before any content is written. */
export interface Profile {
  department: string | null;
  adopter: boolean;
  /** Chance of a visit on a working day once adopted (a pilot's people come more). */
  visitRate: number;
  /** When in the period they took to it: 0 from the start, 1 at its very end. */
  adoptsAt: number;
  tier: Tier;
  /** How much a creator or contributor does on an active day (a long tail). */
  intensity: number;
  wave1: boolean;
}

export interface AdoptionPlan {
  profiles: Map<string, Profile>;
  /** The first wave's candidates, best first (the cohort keeps the first WAVE_SIZE still here). */
  wave: string[];
  /** 0 to 1: how likely this person is to be the one who acts (the stream's reactors, voters). */
  engagement: (id: string) => number;
}

/**
 * Who adopts, when and how much: from the accounts alone (its own random sequence), so the
 * conversations written through the commands come from the same people as the history.
 */
export function planAdoption(accounts: SeededAccount[], admin: SeededAccount): AdoptionPlan {
  const random = seededRandom(20261206);
  const colleagues = accounts.filter((a) => a.status === 'active' && a.role !== 'guest');
  // The first wave: colleagues of the Lyon head office (SITES[0]), then others.
  const wave = [
    ...colleagues.filter((a) => a.site === 0 && a.id !== admin.id),
    ...colleagues.filter((a) => a.site !== 0 && a.id !== admin.id),
  ]
    .slice(0, WAVE_SIZE + 5)
    .map((a) => a.id);
  const waveSet = new Set(wave.slice(0, WAVE_SIZE));
  const departmentOf = (a: SeededAccount) =>
    a.role === 'guest' || a.department === null ? null : (DEPARTMENTS[a.department]?.name ?? null);
  // Each department's share of adopters, exactly: the first wave, then people drawn at random.
  const adopters = new Set<string>([admin.id, ...waveSet]);
  const draws = new Map(accounts.map((a) => [a.id, random.next()]));
  const groups = new Map<string | null, SeededAccount[]>();
  for (const a of accounts) {
    const group = groups.get(departmentOf(a));
    if (group) group.push(a);
    else groups.set(departmentOf(a), [a]);
  }
  for (const [department, group] of groups) {
    const share = department === null ? 0.5 : (DEPARTMENT_ADOPTION[department]?.share ?? 0.6);
    const ranked = [...group].sort((a, b) => draws.get(a.id)! - draws.get(b.id)!);
    let quota = Math.round(share * group.length) - group.filter((a) => adopters.has(a.id)).length;
    for (const a of ranked) {
      if (quota <= 0) break;
      if (!adopters.has(a.id)) {
        adopters.add(a.id);
        quota--;
      }
    }
  }
  const profiles = new Map<string, Profile>();
  for (const a of accounts) {
    const department = departmentOf(a);
    const habit = department ? DEPARTMENT_ADOPTION[department] : undefined;
    const guest = a.role === 'guest';
    const wave1 = waveSet.has(a.id);
    const first = a.id === admin.id;
    const adopter = adopters.has(a.id);
    const frequency = guest ? 0.2 : (habit?.frequency ?? 0.5);
    const visitRate =
      first || wave1 ? 0.9 : Math.min(0.95, Math.max(0.08, frequency * (0.4 + 1.2 * random.next())));
    // Most adopted early on; the rest joined them over the period.
    const adoptsAt = first || wave1 ? 0 : random.next() ** 1.6;
    const draw = random.next();
    const tier: Tier =
      first || (wave1 && draw < 0.25) || (adopter && draw < 0.05)
        ? 'creator'
        : wave1 || (adopter && draw < 0.35)
          ? 'contributor'
          : 'reader';
    profiles.set(a.id, {
      department,
      adopter,
      visitRate,
      adoptsAt,
      tier,
      intensity: tier === 'reader' ? 0 : 0.3 + 2.2 * random.next() ** 3,
      wave1,
    });
  }
  return {
    profiles,
    wave,
    engagement: (id) => {
      const p = profiles.get(id);
      // Readers come, but seldom react or write.
      return !p ? 0.5 : !p.adopter ? NON_ADOPTER_RATE : p.tier === 'reader' ? 0.01 : p.visitRate;
    },
  };
}

export interface AnalyticsSeedSummary {
  days: number;
  activityEvents: number;
  visits: number;
  questions: number;
  answered: number;
  searchesWithoutResult: number;
  cohorts: string[];
  analyst: { name: string; email: string } | null;
}

type Row = Insertable<ActivityEventTable> & { at: Date };

export async function seedAnalytics(
  db: Db,
  input: { accounts: SeededAccount[]; admin: SeededAccount; now: Date; plan: AdoptionPlan },
): Promise<AnalyticsSeedSummary> {
  const random = seededRandom(20261203);
  const now = input.now.getTime();
  const today = Date.UTC(input.now.getUTCFullYear(), input.now.getUTCMonth(), input.now.getUTCDate());
  const start = today - (ANALYTICS_DAYS - 1) * DAY;

  // The organisation as the rest of the seed left it (the former employee is gone).
  const users = await db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.status',
      'users.locale',
      'users.site_id',
      'users.created_at',
      'users.deactivated_at',
      'users.erased_at',
      'departments.name as department',
    ])
    .execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  // In a stable order, so the same draws give the same history on every run.
  const spaces = await db
    .selectFrom('spaces')
    .select(['id', 'slug', 'type', 'created_at'])
    .orderBy('slug')
    .execute();
  const spaceOrder = new Map(spaces.map((s, i) => [s.id, i]));
  const spaceFrom = new Map(spaces.map((s) => [s.id, new Date(s.created_at).getTime()]));
  const memberships = await db
    .selectFrom('space_members')
    .select(['space_id', 'user_id', 'joined_at'])
    .execute();
  const spacesOf = new Map<string, { id: string; from: number }[]>();
  for (const m of memberships) {
    const list = spacesOf.get(m.user_id) ?? [];
    list.push({
      id: m.space_id,
      from: Math.max(new Date(m.joined_at).getTime(), spaceFrom.get(m.space_id)!),
    });
    spacesOf.set(m.user_id, list);
  }
  for (const list of spacesOf.values()) list.sort((a, b) => spaceOrder.get(a.id)! - spaceOrder.get(b.id)!);
  const pilotSpaceIds = spaces
    .filter((s) => PILOT_SPACES.includes(s.slug) || s.type === 'pilot')
    .map((s) => s.id);

  const colleagues = input.accounts.filter((a) => {
    const u = byId.get(a.id);
    return u && !u.erased_at && u.status === 'active' && u.role !== 'guest';
  });
  // The first wave, without anyone erased since.
  const wave = input.plan.wave.filter((id) => !byId.get(id)?.erased_at).slice(0, WAVE_SIZE);

  // Everyone with a history, in the order they were seeded (so the cap keeps the same people).
  const span = (ANALYTICS_DAYS - 1) * DAY;
  const people: Person[] = [];
  for (const a of input.accounts.slice(0, MAX_PEOPLE_WITH_HISTORY)) {
    const u = byId.get(a.id);
    const profile = input.plan.profiles.get(a.id);
    if (!u || u.erased_at || !profile) continue;
    const mine = spacesOf.get(a.id) ?? [];
    const pilot = mine.some((s) => pilotSpaceIds.includes(s.id));
    people.push({
      ...profile,
      id: a.id,
      locale: u.locale === 'en' ? 'en' : 'fr',
      guest: u.role === 'guest',
      from: Math.max(start, new Date(u.created_at).getTime()),
      until: u.deactivated_at ? new Date(u.deactivated_at).getTime() : now,
      // Newcomers take to it on arrival; the pilot spaces' people took to it sooner and come
      // more often.
      adoptsAt:
        new Date(u.created_at).getTime() > start ? 0 : pilot ? profile.adoptsAt * 0.3 : profile.adoptsAt,
      visitRate: profile.adopter ? Math.min(0.95, profile.visitRate * (pilot ? 1.3 : 1)) : NON_ADOPTER_RATE,
      pilot,
      spaces: mine,
    });
  }

  const rows: Row[] = [];
  const emit = (row: Row) => {
    rows.push(row);
    return row;
  };

  // What there is to react to: the demo's real posts, then the history's own.
  const contents: Content[] = (
    await db
      .selectFrom('posts')
      .select(['id', 'author_id', 'space_id', 'created_at', 'title'])
      .orderBy('created_at')
      .orderBy('body')
      .execute()
  )
    .filter((p) => p.title === null)
    .map((p) => ({
      id: p.id,
      authorId: p.author_id,
      department: byId.get(p.author_id)?.department ?? null,
      spaceId: p.space_id,
      at: new Date(p.created_at).getTime(),
      poll: false,
    }));
  const polls = new Set(
    (await db.selectFrom('polls').select('post_id').execute()).map((p) => p.post_id as string),
  );
  for (const c of contents) c.poll = polls.has(c.id);
  const pages: Page[] = (
    await db
      .selectFrom('knowledge_pages')
      .select(['id', 'created_by', 'space_id', 'created_at'])
      .orderBy('created_at')
      .orderBy('title')
      .execute()
  ).map((p) => ({
    id: p.id,
    authorId: p.created_by,
    spaceId: p.space_id,
    at: new Date(p.created_at).getTime(),
    popularity: 3 + 6 * random.next(),
  }));

  const canSee = (p: Person, spaceId: string | null, at: number) =>
    spaceId === null ? !p.guest : p.spaces.some((s) => s.id === spaceId && s.from <= at);
  const partnersOf = (department: string | null) =>
    PARTNERS.flatMap(([a, b]) => (a === department ? [b] : b === department ? [a] : []));

  /** Something recent to comment on, react to or share: mostly colleagues', often partners'. */
  const recentContent = (p: Person, at: number): Content | null => {
    const fresh = contents.filter((c) => c.at <= at && c.at > at - 14 * DAY && c.authorId !== p.id);
    if (fresh.length === 0) return null;
    const roll = random.next();
    const partners = partnersOf(p.department);
    const wanted = roll < 0.6 ? [p.department] : roll < 0.85 && partners.length > 0 ? partners : null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const pool = wanted && attempt < 5 ? fresh.filter((c) => wanted.includes(c.department)) : fresh;
      if (pool.length === 0) continue;
      const c = random.pick(pool);
      if (canSee(p, c.spaceId, at)) return c;
    }
    return null;
  };
  /**
   * Where a person writes: a space of theirs open at that time (null: their profile, before
   * the spaces opened; undefined: nowhere, a guest has no profile stream).
   */
  const placeFor = (p: Person, at: number): string | null | undefined => {
    const open = p.spaces.filter((s) => s.from <= at);
    if (open.length === 0) return p.guest ? undefined : null;
    const pilot = open.filter((s) => pilotSpaceIds.includes(s.id));
    if (pilot.length > 0 && random.chance(0.45)) return random.pick(pilot).id;
    return random.pick(open).id;
  };

  /** A count drawn around a mean (Poisson-like, small means). */
  const howMany = (mean: number) => {
    let n = 0;
    let left = mean;
    while (left > 0) {
      if (random.next() < Math.min(1, left)) n++;
      left -= 1;
    }
    return n;
  };
  /** A working moment of the day: mostly office hours (UTC), sometimes early or late. */
  const momentOf = (day: number) =>
    day + (random.chance(0.85) ? random.int(6 * 60, 17 * 60) : random.int(0, 23 * 60 + 59)) * MINUTE;

  const readToday = new Set<string>();
  const welcomed = new Set<string>();
  const comment = (p: Person, at: number) => {
    const c = recentContent(p, at);
    if (!c) return;
    emit(
      row({
        actorId: p.id,
        verb: 'comment.created',
        objectType: 'comment',
        objectId: newId(at),
        spaceId: c.spaceId,
        data: { postId: c.id, reply: random.chance(0.2), held: false },
        at: new Date(at),
        targetId: c.authorId,
      }),
    );
  };
  let questions = 0;
  let answered = 0;
  const spread = { quick: false, slow: false };
  let emptySearches = 0;

  const askQuestion = (p: Person, at: number) => {
    const spaceId = placeFor(p, at);
    if (spaceId === undefined) return;
    const postId = newId(at);
    questions++;
    emit(
      row({
        actorId: p.id,
        verb: 'question.asked',
        objectType: 'post',
        objectId: postId,
        spaceId,
        data: {
          announcement: false,
          poll: false,
          attachments: 0,
          tags: random.int(0, 2),
          mentions: 0,
          held: false,
        },
        at: new Date(at),
      }),
    );
    // Most questions are answered, some within minutes, some after days, a few never.
    if (random.chance(0.14)) return;
    const answerers = people.filter(
      (q) => q.id !== p.id && q.tier !== 'reader' && canSee(q, spaceId, at) && q.from <= at,
    );
    const experts = answerers.filter(
      (q) => q.department === p.department || partnersOf(p.department).includes(q.department ?? ''),
    );
    // The first answered questions show both ends for sure (one answered within the hour, one
    // after two days); the rest follow the drawn delays.
    const delay = !spread.quick
      ? 20 * MINUTE
      : !spread.slow && at + 3 * DAY < now
        ? 50 * HOUR
        : answerDelay(random);
    let when = at + delay;
    const answers: { id: string; authorId: string; at: number }[] = [];
    const count = 1 + howMany(0.7);
    for (let i = 0; i < count && when < now; i++) {
      const pool = experts.length > 0 && random.chance(0.6) ? experts : answerers;
      const by = pool.length > 0 ? random.pick(pool) : null;
      if (!by || by.until < when) break;
      const id = newId(when);
      answers.push({ id, authorId: by.id, at: when });
      emit(
        row({
          actorId: by.id,
          verb: 'question.answered',
          objectType: 'comment',
          objectId: id,
          spaceId,
          data: { postId, reply: false, held: false },
          at: new Date(when),
          targetId: p.id,
        }),
      );
      when += random.int(20, 60 * 30) * MINUTE;
    }
    if (answers.length === 0) return;
    if (delay === 20 * MINUTE) spread.quick = true;
    else if (delay === 50 * HOUR) spread.slow = true;
    answered++;
    const acceptedAt = answers[answers.length - 1]!.at + random.int(30, 60 * 48) * MINUTE;
    if (random.chance(0.55) && acceptedAt < Math.min(now, p.until)) {
      const chosen = random.pick(answers);
      emit(
        row({
          actorId: p.id,
          verb: 'question.answer_accepted',
          objectType: 'post',
          objectId: postId,
          spaceId,
          data: { commentId: chosen.id, answerAuthorId: chosen.authorId },
          at: new Date(acceptedAt),
          targetId: chosen.authorId,
        }),
      );
    }
  };

  for (let day = start; day <= today; day += DAY) {
    const date = new Date(day);
    const weekday = date.getUTCDay();
    const quiet = weekday === 0 || weekday === 6 || isHoliday(date);
    // Adoption grows over the period; the first wave was there from the start.
    const elapsed = (day - start) / span;
    for (const p of people) {
      const adopted = p.adopter && elapsed >= p.adoptsAt;
      const chance = (adopted ? p.visitRate : NON_ADOPTER_RATE) * (quiet ? 0.1 : 1);
      if (!random.chance(chance)) continue;
      const visitAt = momentOf(day);
      if (visitAt < p.from || visitAt >= p.until || visitAt >= now) continue;
      emit(
        row({
          actorId: p.id,
          verb: 'user.visited',
          objectType: 'user',
          objectId: p.id,
          at: new Date(visitAt),
        }),
      );
      // Before they adopted it, people only look around.
      const plan = PER_ACTIVE_DAY[adopted ? p.tier : 'reader'];
      const scale = (kind: string) => plan[kind]! * (kind === 'read' || kind === 'search' ? 1 : p.intensity);
      // The day's actions, a few minutes to a few hours after the visit.
      const later = () =>
        Math.min(visitAt + random.int(1, 240) * MINUTE, now - MINUTE, p.until - MINUTE, day + DAY - MINUTE);
      // A newcomer who took to it answers the welcome in their first days.
      const welcome = adopted && p.from > start && !welcomed.has(p.id) && random.chance(0.6);
      if (adopted && p.from > start) welcomed.add(p.id);
      if (welcome) comment(p, later());
      for (let i = howMany(scale('post')); i > 0; i--) {
        const at = later();
        const spaceId = placeFor(p, at);
        if (spaceId === undefined) continue;
        const poll = random.chance(0.08);
        const id = newId(at);
        contents.push({ id, authorId: p.id, department: p.department, spaceId, at, poll });
        emit(
          row({
            actorId: p.id,
            verb: 'post.created',
            objectType: 'post',
            objectId: id,
            spaceId,
            data: {
              announcement: false,
              poll,
              attachments: random.chance(0.2) ? 1 : 0,
              tags: random.int(0, 2),
              mentions: random.int(0, 1),
              held: false,
            },
            at: new Date(at),
          }),
        );
      }
      for (let i = howMany(scale('question')); i > 0; i--) askQuestion(p, later());
      for (let i = howMany(scale('comment')); i > 0; i--) comment(p, later());
      for (let i = howMany(scale('reaction')); i > 0; i--) {
        const at = later();
        const c = recentContent(p, at);
        if (!c) continue;
        emit(
          row({
            actorId: p.id,
            verb: 'reaction.set',
            objectType: 'post',
            objectId: c.id,
            spaceId: c.spaceId,
            data: { kind: random.pick(['like', 'like', 'like', 'celebrate', 'insightful', 'support']) },
            at: new Date(at),
            targetId: c.authorId,
          }),
        );
      }
      for (let i = howMany(scale('share')); i > 0; i--) {
        const at = later();
        const c = recentContent(p, at);
        const spaceId = placeFor(p, at);
        if (!c || spaceId === undefined) continue;
        emit(
          row({
            actorId: p.id,
            verb: 'post.shared',
            objectType: 'post',
            objectId: newId(at),
            spaceId,
            data: {
              announcement: false,
              poll: false,
              attachments: 0,
              tags: 0,
              mentions: 0,
              held: false,
              sharedPostId: c.id,
            },
            at: new Date(at),
            targetId: c.authorId,
          }),
        );
      }
      for (let i = howMany(scale('vote')); i > 0; i--) {
        const at = later();
        const open = contents.filter(
          (c) =>
            c.poll && c.at <= at && c.at > at - 14 * DAY && c.authorId !== p.id && canSee(p, c.spaceId, at),
        );
        if (open.length === 0) continue;
        const c = random.pick(open);
        emit(
          row({
            actorId: p.id,
            verb: 'poll.voted',
            objectType: 'post',
            objectId: c.id,
            spaceId: c.spaceId,
            data: { options: 1, changed: false },
            at: new Date(at),
            targetId: c.authorId,
          }),
        );
      }
      for (let i = howMany(scale('page')); i > 0; i--) {
        const at = later();
        const spaceId = placeFor(p, at);
        if (!spaceId) continue;
        const id = newId(at);
        pages.push({
          id,
          authorId: p.id,
          spaceId,
          at,
          popularity: random.chance(0.3) ? 0 : 8 * random.next() ** 2,
        });
        emit(
          row({
            actorId: p.id,
            verb: 'knowledge.page_created',
            objectType: 'knowledge_page',
            objectId: id,
            spaceId,
            data: { sourcePostId: null },
            at: new Date(at),
          }),
        );
      }
      for (let i = howMany(scale('event')); i > 0; i--) {
        const at = later();
        const spaceId = placeFor(p, at);
        if (!spaceId) continue;
        emit(
          row({
            actorId: p.id,
            verb: 'event.created',
            objectType: 'event',
            objectId: newId(at),
            spaceId,
            at: new Date(at),
          }),
        );
      }
      for (let i = howMany(scale('read')); i > 0; i--) {
        const at = later();
        const readable = pages.filter(
          (g) => g.at <= at && g.authorId !== p.id && g.popularity > 0 && canSee(p, g.spaceId, at),
        );
        const page = weighted(random, readable, (g) => g.popularity);
        // One read per person, page and day, as the product records them.
        const key = `${p.id}|${page?.id}|${day}`;
        if (!page || readToday.has(key)) continue;
        readToday.add(key);
        emit(
          row({
            actorId: p.id,
            verb: 'knowledge.page_read',
            objectType: 'knowledge_page',
            objectId: page.id,
            spaceId: page.spaceId,
            at: new Date(at),
            targetId: page.authorId,
          }),
        );
      }
      for (let i = howMany(scale('search')); i > 0; i--) {
        const at = later();
        const choices = SEARCHES.filter((s) => (random.chance(0.75) ? s.locale === p.locale : true));
        const search = weighted(random, choices, (s) => s.weight)!;
        const results = random.int(search.found[0], search.found[1]);
        if (results === 0) emptySearches++;
        emit(
          row({
            actorId: p.id,
            verb: 'search.performed',
            objectType: 'search',
            data: { terms: search.terms, results },
            at: new Date(at),
          }),
        );
      }
    }
  }

  // Anyone who did something on a day visited that day, once, first: the content the rest of
  // the seed wrote through the commands (and the answers above, on other days) counts too.
  const earlier = await db
    .selectFrom('activity_events')
    .select(['actor_id', 'at'])
    .where('at', '>=', new Date(start))
    .where('actor_id', 'is not', null)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const firstVisit = new Map<string, Row>();
  for (const r of rows) {
    if (r.verb === 'user.visited') firstVisit.set(`${r.actor_id}|${dayOf(r.at)}`, r);
  }
  for (const r of [...rows, ...earlier.map((e) => ({ actor_id: e.actor_id, at: new Date(e.at) }) as Row)]) {
    if (r.verb === 'user.visited' || !r.actor_id) continue;
    const key = `${r.actor_id}|${dayOf(r.at)}`;
    const visit = firstVisit.get(key);
    const at = new Date(
      Math.max(Math.floor(r.at.getTime() / DAY) * DAY, r.at.getTime() - random.int(1, 20) * MINUTE),
    );
    if (!visit) {
      firstVisit.set(
        key,
        emit(
          row({ actorId: r.actor_id, verb: 'user.visited', objectType: 'user', objectId: r.actor_id, at }),
        ),
      );
    } else if (visit.at > r.at) {
      visit.at = at;
    }
  }

  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  await insertBatched(db, 'activity_events', rows);

  // The roll-ups' bookmark (created by the migration; a --reset wiped it with the rest).
  await db
    .insertInto('analytics_state')
    .values({ name: 'rollups' })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();

  // The setup an administrator made when the rollout started.
  const setupAt = new Date(start - 2 * DAY);
  const cohorts = [
    { id: newId(setupAt.getTime()), name: SPACES_COHORT, kind: 'spaces' as const },
    { id: newId(setupAt.getTime()), name: PEOPLE_COHORT, kind: 'people' as const },
  ];
  await insertBatched(
    db,
    'analytics_cohorts',
    cohorts.map((c) => ({ ...c, created_by: input.admin.id, created_at: setupAt, updated_at: setupAt })),
  );
  await insertBatched(db, 'analytics_cohort_members', [
    ...spaces
      .filter((s) => PILOT_SPACES.includes(s.slug))
      .map((s) => ({ cohort_id: cohorts[0]!.id, member_id: s.id })),
    ...wave.map((id) => ({ cohort_id: cohorts[1]!.id, member_id: id })),
  ]);
  // The analyst: the chief executive's special projects officer, or another colleague of the
  // general management (never an administrator: analysts read, they do not manage).
  const analyst =
    colleagues.find((a) => a.role === 'member' && byId.get(a.id)!.department === 'Direction générale') ??
    colleagues.find((a) => a.role === 'member');
  if (analyst) await db.updateTable('users').set({ analyst: true }).where('id', '=', analyst.id).execute();
  await db
    .insertInto('analytics_assumptions')
    .values({
      key: CHANGED_ASSUMPTION.key,
      value: CHANGED_ASSUMPTION.value,
      updated_by: input.admin.id,
      updated_at: new Date(now - 20 * DAY),
    })
    .execute();

  return {
    days: ANALYTICS_DAYS,
    activityEvents: rows.length,
    visits: rows.filter((r) => r.verb === 'user.visited').length,
    questions,
    answered,
    searchesWithoutResult: emptySearches,
    cohorts: cohorts.map((c) => c.name),
    analyst: analyst ? { name: byId.get(analyst.id)!.name, email: byId.get(analyst.id)!.email } : null,
  };
}

/** An activity row, its time kept as a Date (the rows are sorted and adjusted before insert). */
function row(event: ActivityEvent): Row {
  return { ...activityRow(event), at: event.at };
}

const dayOf = (at: Date) => Math.floor(at.getTime() / DAY);

/** Minutes to days: half the first answers come within about three hours. */
function answerDelay(random: Random): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
  const hours = Math.exp(Math.log(3) + 1.4 * normal);
  return Math.round(Math.min(6 * 24, Math.max(5 / 60, hours)) * HOUR);
}

function weighted<T>(random: Random, items: T[], weight: (item: T) => number): T | null {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  if (total <= 0) return null;
  let left = random.next() * total;
  for (const item of items) {
    left -= weight(item);
    if (left < 0) return item;
  }
  return items[items.length - 1] ?? null;
}

/** French public holidays on fixed dates: a quiet day, like a weekend. */
function isHoliday(date: Date): boolean {
  const md = `${date.getUTCMonth() + 1}-${date.getUTCDate()}`;
  return ['1-1', '5-1', '5-8', '7-14', '8-15', '11-1', '11-11', '12-25'].includes(md);
}

// seedDemo: a realistic organisation for demos, and large fixtures for benchmarks. One
// transaction holds everything — the optional wipe, the people in batched inserts, then the
// conversations through the real commands — so a failure leaves the database as it was.
// Passwords are random on every run and returned once; everything else is reproducible.
import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../../server/context.ts';
import type { Db } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import { rebuildRollups } from '../../server/modules/analytics/rollups/refresh.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import { ChangeFeed } from '../../server/platform/cache/changes.ts';
import type { Bus } from '../../server/platform/realtime/bus.ts';
import { type AmbassadorSeedSummary, seedAmbassadors } from './ambassadors.ts';
import { type AnalyticsSeedSummary, planAdoption, seedAnalytics } from './analytics.ts';
import { type CareSeedSummary, seedCare } from './care.ts';
import { seedContentRules } from './content-rules.ts';
import { DEPARTMENTS, ORGANISATION } from './data.ts';
import { seedExpertise } from './expertise.ts';
import { seedExternal } from './external.ts';
import { insertBatched } from './history.ts';
import { type IdeasSeedSummary, seedIdeas } from './ideas.ts';
import { seedInvitations } from './invitations.ts';
import { seedModeration } from './moderation.ts';
import { emailBook, seedPeople } from './people.ts';
import { seedFormerEmployee } from './privacy.ts';
import { seededRandom } from './random.ts';
import { seedRetention } from './retention.ts';
import { seedStream } from './stream.ts';

export class AlreadySeededError extends Error {}

export interface SeedSummary {
  organisation: string;
  users: number;
  departments: number;
  sites: number;
  /** Every invitation written: pending + expired + accepted. */
  invitations: number;
  invitationsByStatus: { pending: number; expired: number; accepted: number };
  spaces: number;
  posts: number;
  comments: number;
  reactions: number;
  events: number;
  pages: number;
  skills: number;
  endorsements: number;
  /** People who left and were erased, their content kept as a former employee's. */
  formerEmployees: number;
  /** Idea campaigns: an internal one and one in the external space. */
  ideas: IdeasSeedSummary;
  /** Customer care: its channels, conversations and agents. */
  care: CareSeedSummary;
  /** The ambassador programme: its communication manager, kits, ambassadors, shares and clicks. */
  ambassadors: AmbassadorSeedSummary;
  /** The history behind the Analytics dashboards, its cohorts and its analyst. */
  analytics: AnalyticsSeedSummary & { rollupDays: number };
  admin: { email: string; password: string };
  demoPassword: string;
  elapsedMs: number;
}

export interface SeedOptions {
  users: number;
  /** The present of the seeded history; the context's clock by default. */
  now?: Date;
  /** Empty every table first, in the same transaction (demo and benchmark databases only). */
  reset?: boolean;
}

/** 96 random bits, URL-safe: easy to copy from a terminal. */
function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

export async function seedDemo(ctx: AppContext, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const now = options.now ?? ctx.clock.now();
  const random = seededRandom(20261123);
  const adminPassword = newPassword();
  const demoPassword = newPassword();
  // Hashed once each, before the transaction: every demo account shares the second hash.
  const [adminPasswordHash, demoPasswordHash] = await Promise.all([
    hashPassword(adminPassword),
    hashPassword(demoPassword),
  ]);
  const seeded = await ctx.db.transaction().execute(async (trx) => {
    if (options.reset) await wipeTables(trx);
    const existing = await trx.selectFrom('organisation').select('name').executeTakeFirst();
    if (existing) {
      throw new AlreadySeededError(
        `This database already holds the organisation "${existing.name}". Use --reset to wipe it and seed again.`,
      );
    }
    const emails = emailBook();
    const people = await seedPeople(trx, {
      ...options,
      random,
      now,
      adminPasswordHash,
      demoPasswordHash,
      emails,
    });
    const invitations = await seedInvitations(trx, {
      accounts: people.accounts,
      admin: people.admin,
      random,
      now,
      publicUrl: ctx.config.PUBLIC_URL,
      emails,
    });
    // In time order, so the admin audit log (newest id first) reads as history.
    const byTime = (a: { at: Date | string }, b: { at: Date | string }) =>
      new Date(a.at).getTime() - new Date(b.at).getTime();
    await insertBatched(
      trx,
      'audit_log',
      [...people.history.audit, ...invitations.history.audit].sort(byTime),
    );
    await insertBatched(
      trx,
      'activity_events',
      [...people.history.activity, ...invitations.history.activity].sort(byTime),
    );
    // Who took to Trame, when and how much: the conversations below and the analytics
    // history come from the same people.
    const adoption = planAdoption(people.accounts, people.admin);
    const stream = await seedStream(joinTransaction(ctx, trx), {
      people: people.accounts,
      admin: people.admin,
      random,
      now,
      engagement: adoption.engagement,
    });
    const expertise = await seedExpertise(trx, {
      accounts: people.accounts,
      admin: people.admin,
      now,
      engagement: adoption.engagement,
    });
    await seedContentRules(trx, { admin: people.admin, now });
    await seedRetention(joinTransaction(ctx, trx), people.admin);
    const external = await seedExternal(joinTransaction(ctx, trx), {
      people: people.accounts,
      admin: people.admin,
      now,
    });
    const formerEmployees = await seedFormerEmployee(joinTransaction(ctx, trx), {
      accounts: people.accounts,
      admin: people.admin,
    });
    // After the former employee is chosen (the member who wrote the most): these posts must not
    // change who that is.
    await seedModeration(joinTransaction(ctx, trx), { people: people.accounts, now });
    const care = await seedCare(joinTransaction(ctx, trx), {
      accounts: people.accounts,
      admin: people.admin,
      now,
      serviceDepartment: DEPARTMENTS.findIndex((d) => d.name === 'Service client'),
    });
    const ambassadors = await seedAmbassadors(joinTransaction(ctx, trx), { ...people, now });
    const ideas = await seedIdeas(joinTransaction(ctx, trx), {
      people: people.accounts,
      admin: people.admin,
      now,
    });
    // Last: ninety days of activity around the content above, then the roll-ups the
    // dashboards read, so Analytics is full from the first visit.
    const analytics = await seedAnalytics(trx, {
      accounts: people.accounts,
      admin: people.admin,
      now,
      plan: adoption,
    });
    // The roll-ups the dashboards read, rebuilt from the whole log inside this transaction
    // (the rebuild's own transactions join it): a failed seed leaves no figures behind.
    const rollups = await rebuildRollups(joinTransaction(ctx, trx).db, now);
    return {
      analytics: { ...analytics, rollupDays: rollups.days },
      people,
      invitations: invitations.counts,
      stream: { ...stream, ...external },
      expertise,
      formerEmployees,
      care,
      ambassadors,
      ideas,
    };
  });
  const { pending, expired, accepted } = seeded.invitations;
  return {
    organisation: ORGANISATION,
    users: seeded.people.accounts.length,
    departments: seeded.people.departments,
    sites: seeded.people.sites,
    invitations: pending + expired + accepted,
    invitationsByStatus: seeded.invitations,
    ...seeded.stream,
    ...seeded.expertise,
    formerEmployees: seeded.formerEmployees,
    care: seeded.care,
    ambassadors: seeded.ambassadors,
    ideas: seeded.ideas,
    analytics: seeded.analytics,
    admin: { email: seeded.people.admin.email, password: adminPassword },
    demoPassword,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Empties every table of the application. The audit log is append-only for everyone else;
 * wiping a demo database is the one place that lifts it, inside the seed's transaction.
 */
async function wipeTables(trx: Transaction<Database>): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%'`.execute(trx);
  if (tables.rows.length === 0) return;
  // Names come from the catalogue, not from input; TRUNCATE takes no parameters.
  const list = tables.rows.map((t) => `"${t.tablename}"`).join(', ');
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
  await sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`).execute(trx);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
}

/**
 * A context whose database is the seed's open transaction: the commands' own transactions
 * (inTransaction) run inside it instead of beside it. Their live events are dropped: the
 * seeded past is not news, and a receiver could not read rows that are not committed yet.
 */
function joinTransaction(ctx: AppContext, trx: Transaction<Database>): AppContext {
  const db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({ execute: <T>(work: (t: Transaction<Database>) => Promise<T>) => work(target) });
      }
      // Kysely keeps its state in private fields: methods must run with the real object as `this`.
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Db;
  const silent: Bus = {
    publish: async () => {},
    subscribe: (channel, listener) => ctx.bus.subscribe(channel, listener),
    close: async () => {},
  };
  // Nothing commits until the seed does: the commands must not wait to hear their changes
  // back, and no cache may keep what they read (a feed that is never live does both).
  return { ...ctx, db, bus: silent, jobs: null, changes: new ChangeFeed() };
}

// seedDemo: a realistic organisation for demos, and large fixtures for benchmarks.
// Runs in one transaction for the people (all or nothing), then the conversations
// through the real commands. Passwords are random on every run and returned once.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../server/context.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import { ORGANISATION } from './data.ts';
import { seedPeople } from './people.ts';
import { seededRandom } from './random.ts';
import { seedStream } from './stream.ts';

export class AlreadySeededError extends Error {}

export interface SeedSummary {
  organisation: string;
  users: number;
  departments: number;
  sites: number;
  invitations: number;
  spaces: number;
  posts: number;
  comments: number;
  reactions: number;
  admin: { email: string; password: string };
  demoPassword: string;
  elapsedMs: number;
}

/** 96 random bits, URL-safe: easy to copy from a terminal. */
function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

export async function seedDemo(
  ctx: AppContext,
  options: { users: number; now?: Date },
): Promise<SeedSummary> {
  const started = performance.now();
  const existing = await ctx.db.selectFrom('organisation').select('name').executeTakeFirst();
  if (existing) {
    throw new AlreadySeededError(
      `This database already holds the organisation "${existing.name}". Use --reset to wipe it and seed again.`,
    );
  }
  const now = options.now ?? ctx.clock.now();
  const random = seededRandom(20261123);
  const adminPassword = newPassword();
  const demoPassword = newPassword();
  const [adminPasswordHash, demoPasswordHash] = await Promise.all([
    hashPassword(adminPassword),
    hashPassword(demoPassword),
  ]);
  const people = await ctx.db.transaction().execute((trx) =>
    seedPeople(trx, {
      users: options.users,
      publicUrl: ctx.config.PUBLIC_URL,
      now,
      random,
      adminPasswordHash,
      demoPasswordHash,
    }),
  );
  const stream = await seedStream(ctx, { people: people.people, admin: people.admin, random, now });
  return {
    organisation: ORGANISATION,
    users: people.people.length,
    departments: people.departments,
    sites: people.sites,
    invitations: people.invitations,
    ...stream,
    admin: { email: people.admin.email, password: adminPassword },
    demoPassword,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/**
 * Empties every table of the application, in one transaction. The audit log is append-only
 * for everyone else; wiping a demo database is the one place that lifts it, briefly.
 */
export async function wipeDatabase(ctx: AppContext): Promise<void> {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables
    WHERE schemaname = 'public' AND tablename NOT LIKE 'kysely_%'`.execute(ctx.db);
  const list = tables.rows.map((t) => `"${t.tablename}"`).join(', ');
  await ctx.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    await sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`).execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
}

// Factories: build the organisation and people a test needs. The organisation is set up
// through the real API; extra people are inserted directly (fast), with real password hashes.
import { expect } from 'vitest';
import { api } from '../../common/api.ts';
import type { Role, UserStatus } from '../../server/db/schema.ts';
import { hashPassword } from '../../server/platform/auth/passwords.ts';
import { newId } from '../../server/platform/ids.ts';
import type { TestClient } from './client.ts';
import type { TestServer } from './server.ts';

export const PASSWORD = 'correct horse battery staple';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

const hashes = new Map<string, Promise<string>>();
const cachedHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export interface BuiltUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
}

/** Runs first-run setup if needed and returns a client signed in as the first administrator. */
export async function setUpOrganisation(
  server: TestServer,
): Promise<{ admin: BuiltUser; client: TestClient }> {
  const client = server.client();
  const admin: BuiltUser = {
    id: '',
    email: `admin-${unique()}@example.test`,
    name: 'Alice Admin',
    password: PASSWORD,
    role: 'admin',
  };
  const res = await client.call(api.setup, {
    body: {
      organisationName: 'Acme',
      name: admin.name,
      email: admin.email,
      password: admin.password,
      locale: 'en',
    },
  });
  if (res.status === 201) {
    admin.id = res.body.id;
    return { admin, client };
  }
  expect(res.body.error?.code).toBe('already_set_up');
  // Already set up by an earlier test in this file: add another administrator instead.
  const other = await buildUser(server, { role: 'admin' });
  return { admin: other, client: await signIn(server, other) };
}

export async function buildUser(
  server: TestServer,
  overrides: Partial<Omit<BuiltUser, 'id'>> & { status?: UserStatus; locale?: 'fr' | 'en' } = {},
): Promise<BuiltUser> {
  const id = newId();
  const user: BuiltUser = {
    id,
    email: overrides.email ?? `user-${unique()}@example.test`,
    name: overrides.name ?? `User ${unique()}`,
    password: overrides.password ?? PASSWORD,
    role: overrides.role ?? 'member',
  };
  const now = server.clock.now();
  await server.ctx.db
    .insertInto('users')
    .values({
      id,
      email: user.email,
      name: user.name,
      password_hash: await cachedHash(user.password),
      role: user.role,
      status: overrides.status ?? 'active',
      locale: overrides.locale ?? 'en',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return user;
}

export async function signIn(
  server: TestServer,
  user: Pick<BuiltUser, 'email' | 'password'>,
): Promise<TestClient> {
  const client = server.client();
  const res = await client.call(api.signIn, { body: { email: user.email, password: user.password } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return client;
}

/** The token of the newest link of a kind (invitation, password_reset) sent to an address, from the outbox. */
export async function linkTokenFromOutbox(server: TestServer, to: string, kind: string): Promise<string> {
  const row = await server.ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const match = /#token=([A-Za-z0-9_-]+)/.exec(row.text_body);
  if (!match) throw new Error(`No link in the ${kind} mail to ${to}`);
  return match[1]!;
}

/**
 * Waits until every due job has run (mail, reset links) — including one the background
 * worker claimed just before us, which our own pass cannot see (SKIP LOCKED).
 */
export async function drainJobs(server: TestServer, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await server.ctx.jobs?.runDue();
    const due = await server.ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_at', '<=', server.clock.now())
      .execute();
    if (due.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${due.length} jobs still due after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The in-process caches (signed-in sessions, first pages of home feeds) of several Trame
// processes on one PostgreSQL database: a change made through one process must reach what
// the others keep in memory, through the database's change notifications alone (no Redis).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { startServer, type TestServer, testDatabaseKind } from '../helpers/server.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';

const postgres = testDatabaseKind() === 'postgres';

/** The same browser session, talking to another server. */
function sameSessionOn(server: TestServer, client: TestClient): TestClient {
  const other = new TestClient(server.url, { ip: client.ip });
  for (const [name, value] of client.cookies) other.cookies.set(name, value);
  return other;
}

/** Asks until `done` holds, for at most a second (the promise of the live stream too). */
async function withinOneSecond(ask: () => Promise<boolean>): Promise<boolean> {
  const started = Date.now();
  for (;;) {
    if (await ask()) return true;
    if (Date.now() - started > 1000) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!postgres)('in-process caches across processes', () => {
  let a: TestServer;
  let b: TestServer;
  let admin: TestClient;
  let owner: Person;
  let member: Person;

  beforeAll(async () => {
    a = await startServer();
    const url = a.ctx.config.DATABASE_URL;
    if (!url) throw new Error('the first server has no DATABASE_URL');
    b = await startServer({ databaseUrl: url, worker: false });
    admin = (await setUpOrganisation(a)).client;
    owner = await person(a);
    member = await person(a);
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('drops a home page one process keeps when the other removes its reader from the space', async () => {
    const space = await makeSpace(a, { visibility: 'private', owner, members: [member] });
    const secret = await post(owner.client, space.id, 'Budget confidentiel du trimestre');
    const ids = async () =>
      (await member.client.call(api.homeFeed)).body.items.map((p: { id: string }) => p.id);
    expect(await ids()).toContain(secret.id);
    expect(await ids()).toContain(secret.id); // now from server A's memory

    const removed = await sameSessionOn(b, owner.client).call(api.removeSpaceMember, {
      params: { space: space.id, userId: member.id },
    });
    expect(removed.status).toBe(204);
    expect(await withinOneSecond(async () => !(await ids()).includes(secret.id))).toBe(true);
  });

  it('shows on one process a reaction, an edit and a new post made through the other', async () => {
    const space = await makeSpace(a, { visibility: 'open', owner, members: [member] });
    const first = await post(owner.client, space.id, 'Première version');
    const page = async () =>
      (await member.client.call(api.homeFeed)).body.items as {
        id: string;
        body: string;
        reactions: Record<string, number>;
      }[];
    expect((await page())[0]?.id).toBe(first.id);

    const ownerOnB = sameSessionOn(b, owner.client);
    await ownerOnB.call(api.reactToPost, { params: { id: first.id }, body: { kind: 'celebrate' } });
    await ownerOnB.call(api.updatePost, { params: { id: first.id }, body: { body: 'Version corrigée' } });
    expect(
      await withinOneSecond(async () => {
        const top = (await page())[0];
        return top?.body === 'Version corrigée' && top.reactions.celebrate === 1;
      }),
    ).toBe(true);

    const second = await post(ownerOnB, space.id, 'Nouvelle annonce depuis B');
    expect(await withinOneSecond(async () => (await page())[0]?.id === second.id)).toBe(true);
  });

  it('refuses on one process a session whose account the other deactivated', async () => {
    const leaver = await person(a);
    expect((await leaver.client.call(api.getMe)).status).toBe(200);
    expect((await leaver.client.call(api.getMe)).status).toBe(200); // now from server A's memory
    const done = await sameSessionOn(b, admin).call(api.deactivateUser, { params: { id: leaver.id } });
    expect(done.status).toBe(200);
    expect(await withinOneSecond(async () => (await leaver.client.call(api.getMe)).status === 401)).toBe(
      true,
    );
  });

  it('serves from the database while the change notifications are lost, and caches again once back', async () => {
    const reader = await person(a);
    const space = await makeSpace(a, { visibility: 'private', owner, members: [reader] });
    const secret = await post(owner.client, space.id, 'Réunion du comité restreint');
    const ids = async () =>
      (await reader.client.call(api.homeFeed)).body.items.map((p: { id: string }) => p.id);
    expect(await ids()).toContain(secret.id); // cached on A

    // Cut every listening connection to this database: a notification sent now reaches nobody.
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE 'LISTEN%'`.execute(a.ctx.db);
    expect(await withinOneSecond(async () => !a.ctx.changes.live)).toBe(true);
    await sql`DELETE FROM space_members WHERE space_id = ${space.id} AND user_id = ${reader.id}`.execute(
      b.ctx.db,
    );
    expect(await ids()).not.toContain(secret.id);

    // Back within seconds; caching resumes, and hears changes again.
    const deadline = Date.now() + 5000;
    while (!a.ctx.changes.live && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(a.ctx.changes.live).toBe(true);
    await sql`INSERT INTO space_members (space_id, user_id, role, joined_at) VALUES (${space.id}, ${reader.id}, 'member', now())`.execute(
      b.ctx.db,
    );
    expect(await withinOneSecond(async () => (await ids()).includes(secret.id))).toBe(true);
  });
});

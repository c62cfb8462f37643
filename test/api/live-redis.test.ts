// Several Trame processes on one PostgreSQL database deliver each other's events through
// Redis: a post made through one server reaches a browser connected to the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { openLive } from '../helpers/live.ts';
import { startServer, type TestServer, testDatabaseKind } from '../helpers/server.ts';
import { makeSpace, person } from '../helpers/stream-fixtures.ts';

// The embedded database belongs to one process; several processes need PostgreSQL, so this
// suite runs in the api-postgres project (which CI=true never skips).
const postgres = testDatabaseKind() === 'postgres';

describe.skipIf(!postgres)('live updates across processes (Redis)', () => {
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    const prefix = `trame:test:${process.pid}:${Math.random().toString(36).slice(2)}:`;
    const env = { REDIS_URL: 'redis://127.0.0.1:6379' };
    a = await startServer({ env, redisPrefix: prefix });
    const url = a.ctx.config.DATABASE_URL;
    if (!url) throw new Error('the first server has no DATABASE_URL');
    b = await startServer({ env, redisPrefix: prefix, databaseUrl: url });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a post made on one server to a member connected to the other', async () => {
    await setUpOrganisation(a);
    const author = await person(a);
    const member = await person(b);
    const space = await makeSpace(a, { visibility: 'private', owner: author, members: [member] });
    // The member's browser talks to server B; its cookies are B's, its socket is on B.
    const live = await openLive(member.client);
    const post = await author.client.call(api.createPost, { body: { spaceId: space.id, body: 'Depuis A' } });
    const message = await live.next((m) => m.type === 'post' && m.postId === post.body.id);
    expect(message).toMatchObject({ action: 'created', spaceId: space.id });
    live.close();
  });
});

import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { PASSWORD } from '../helpers/factories.ts';
import { startServer, useServer } from '../helpers/server.ts';

const setupBody = {
  organisationName: 'Maison Verel',
  name: 'Claire Dubois',
  email: 'claire@verel.test',
  password: PASSWORD,
  locale: 'fr',
};

describe('first-run setup', () => {
  const t = useServer();

  it('reports that setup is required on a fresh database, and health and readiness', async () => {
    const client = t.server.client();
    const session = await client.call(api.getSession);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      setupRequired: true,
      setupTokenRequired: false,
      organisation: null,
      user: null,
    });
    expect((await client.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await client.get('/readyz')).body).toMatchObject({ status: 'ready' });
  });

  it('refuses to sign anyone in before setup', async () => {
    const res = await t.server
      .client()
      .call(api.signIn, { body: { email: 'x@y.test', password: 'whatever' } });
    expect(res.status).toBe(404);
  });

  it('names every invalid field and creates nothing', async () => {
    const client = t.server.client();
    const res = await client.call(api.setup, {
      body: { organisationName: '', name: 'Claire', email: 'not-an-email', password: 'short', locale: 'de' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.details.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['email', 'locale', 'organisationName', 'password']);
    expect((await client.call(api.getSession)).body.setupRequired).toBe(true);
  });

  it('refuses a password that contains the email name', async () => {
    const res = await t.server.client().call(api.setup, {
      body: { ...setupBody, password: 'claire-is-the-best-admin' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([
      expect.objectContaining({ field: 'password', reason: 'contains_email' }),
    ]);
  });

  it('creates the organisation and its administrator, signed in, audited', async () => {
    const client = t.server.client();
    const res = await client.call(api.setup, { body: setupBody });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'claire@verel.test',
      name: 'Claire Dubois',
      role: 'admin',
      locale: 'fr',
    });

    const session = await client.call(api.getSession);
    expect(session.body).toMatchObject({
      setupRequired: false,
      organisation: { name: 'Maison Verel', defaultLocale: 'fr' },
      user: { email: 'claire@verel.test', role: 'admin' },
    });
    const audit = await client.call(api.listAudit, { query: { action: 'organisation.setup' } });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { id: res.body.id },
      target: { type: 'organisation', label: 'Maison Verel' },
      after: { organisationName: 'Maison Verel', administrator: 'claire@verel.test' },
    });
    expect(audit.body.items[0].ip).toMatch(/^10\./);
  });

  it('cannot be run twice, even by someone else at the same moment', async () => {
    const attempts = await Promise.all(
      [1, 2, 3].map((i) =>
        t.server.client().call(api.setup, {
          body: { ...setupBody, email: `intruder${i}@evil.test`, organisationName: 'Evil' },
        }),
      ),
    );
    for (const res of attempts) {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('already_set_up');
    }
    const count = await t.server.ctx.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('does not pre-create any account', async () => {
    const users = await t.server.ctx.db.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).toEqual(['claire@verel.test']);
  });
});

describe('first-run setup with SETUP_TOKEN', () => {
  it('asks for the token and accepts only the right one', async () => {
    const server = await startServer({ env: { SETUP_TOKEN: 'operator-secret-123' } });
    try {
      const client = server.client();
      expect((await client.call(api.getSession)).body.setupTokenRequired).toBe(true);
      const wrong = await client.call(api.setup, { body: { ...setupBody, setupToken: 'guess-guess-guess' } });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('invalid_setup_token');
      const missing = await client.call(api.setup, { body: setupBody });
      expect(missing.status).toBe(403);
      const right = await client.call(api.setup, {
        body: { ...setupBody, setupToken: 'operator-secret-123' },
      });
      expect(right.status).toBe(201);
    } finally {
      await server.close();
    }
  });
});

describe('first-run setup concurrency on a fresh database', () => {
  it('lets exactly one of several simultaneous setups win', async () => {
    const server = await startServer();
    try {
      const results = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          server.client().call(api.setup, { body: { ...setupBody, email: `admin${i}@verel.test` } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      const admins = await server.ctx.db.selectFrom('users').select('email').execute();
      expect(admins).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

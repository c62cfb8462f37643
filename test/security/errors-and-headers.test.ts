import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { startServer, useServer } from '../helpers/server.ts';

const STACK_MARKERS = [
  /\bat \S+ \(/,
  /node_modules/,
  /\.ts:\d+/,
  /Error:/,
  /stack/i,
  /SELECT|INSERT|relation/i,
];

function expectNoInternals(text: string) {
  for (const marker of STACK_MARKERS) expect(text).not.toMatch(marker);
}

describe('error bodies', () => {
  const t = useServer();

  it('answers every client error as { error: { code, message } } without internals', async () => {
    const { client } = await setUpOrganisation(t.server);
    const cases = [
      await client.request('GET', '/api/v1/does-not-exist'),
      await client.request('POST', api.createInvitation.path, {
        rawBody: '{"email": ',
        headers: { 'content-type': 'application/json' },
      }),
      await client.request('POST', api.createInvitation.path, {
        rawBody: 'email=x',
        headers: { 'content-type': 'text/plain' },
      }),
      await client.request('POST', api.createInvitation.path, {
        rawBody: JSON.stringify({ email: 'a@b.test', locale: 'en', message: 'x'.repeat(300_000) }),
        headers: { 'content-type': 'application/json' },
      }),
      await client.request('POST', api.createInvitation.path, {
        rawBody: '{"email":"a@b.test","locale":"en","__proto__":{"role":"admin"}}',
        headers: { 'content-type': 'application/json' },
      }),
      await client.request('GET', `${api.listUsers.path}?limit=-5`),
      await client.request('GET', '/api/v1/users/not-a-uuid/role'),
      await t.server.client().call(api.getMe),
    ];
    expect(cases.map((c) => c.status)).toEqual([404, 400, 415, 413, 400, 400, 404, 401]);
    for (const res of cases) {
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(Object.keys(res.body)).toEqual(['error']);
      expect(typeof res.body.error.code).toBe('string');
      expect(typeof res.body.error.message).toBe('string');
      expectNoInternals(res.text);
    }
  });
});

describe('unexpected failures', () => {
  it('answer a plain 500 with a reference, and log the cause', async () => {
    const server = await startServer();
    try {
      const client = server.client();
      // Break the database underneath the app: the next query fails in a way no route expects.
      await sql`ALTER TABLE organisation RENAME TO organisation_gone`.execute(server.ctx.db);
      const res = await client.call(api.getSession);
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('internal');
      expect(res.body.error.message).toContain(res.headers.get('x-request-id'));
      expect(res.body.error).not.toHaveProperty('details');
      expectNoInternals(res.text);
      expect((await client.get('/healthz')).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('security headers', () => {
  const t = useServer();

  it('sends a strict Content-Security-Policy and the usual hardening headers', async () => {
    const res = await t.server.client().get('/api/v1/session');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a sane caller-supplied request id and replaces a hostile one', async () => {
    const client = t.server.client();
    const kept = await client.request('GET', '/healthz', { headers: { 'x-request-id': 'lb-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234abcd');
    const replaced = await client.request('GET', '/healthz', {
      headers: { 'x-request-id': 'bad id\twith "quotes"' },
    });
    expect(replaced.headers.get('x-request-id')).not.toContain('quotes');
  });
});

import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import { buildUser, PASSWORD, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { startServer, useServer } from '../helpers/server.ts';

function cookieAttributes(setCookie: string[], name: string): string[] {
  const line = setCookie.find((c) => c.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookie)}`);
  return line.split(';').map((p) => p.trim().toLowerCase());
}

describe('session cookies and CSRF', () => {
  const t = useServer();

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/, with an expiry', async () => {
    await setUpOrganisation(t.server);
    const user = await buildUser(t.server);
    const client = t.server.client();
    const res = await client.call(api.signIn, { body: { email: user.email, password: PASSWORD } });
    const attributes = cookieAttributes(res.setCookies, 'trame_session');
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes.some((a) => a.startsWith('expires='))).toBe(true);
    expect(attributes).not.toContain('secure'); // plain http here; see the https case below
    const csrf = cookieAttributes(res.setCookies, 'trame_csrf');
    expect(csrf).toContain('samesite=strict');
    expect(csrf).not.toContain('httponly');
  });

  it('refuses a state-changing request without the CSRF token, and changes nothing', async () => {
    const { client, admin } = await setUpOrganisation(t.server);
    const without = await client.request('POST', api.createInvitation.path, {
      body: { email: 'csrf-victim@example.test', locale: 'en' },
      csrf: false,
    });
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe('csrf_failed');
    const wrong = await client.request('POST', api.createInvitation.path, {
      body: { email: 'csrf-victim@example.test', locale: 'en' },
      headers: { 'x-csrf-token': 'not-the-token-at-all-000000000000' },
      csrf: false,
    });
    expect(wrong.status).toBe(403);
    const rows = await t.server.ctx.db
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', 'csrf-victim@example.test')
      .execute();
    expect(rows).toEqual([]);
    // Sign-out without the token is refused too (a cross-site page could otherwise log people out).
    const signOut = await client.request('POST', api.signOut.path, { csrf: false });
    expect(signOut.status).toBe(403);
    expect((await client.call(api.getMe)).body.id).toBe(admin.id);
  });

  it('refuses a request the browser marks as cross-site, even with a token', async () => {
    const { client } = await setUpOrganisation(t.server);
    const res = await client.request('POST', api.createInvitation.path, {
      body: { email: 'cross@example.test', locale: 'en' },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_failed');
  });

  it('protects sign-in itself against login CSRF', async () => {
    const user = await buildUser(t.server);
    const client = t.server.client();
    const res = await client.request('POST', api.signIn.path, {
      body: { email: user.email, password: PASSWORD },
      csrf: false,
    });
    expect(res.status).toBe(403);
  });

  it('refuses a deactivated account on its next request', async () => {
    const { client } = await setUpOrganisation(t.server);
    const user = await buildUser(t.server);
    const session = await signIn(t.server, user);
    expect((await session.call(api.getMe)).status).toBe(200);
    await client.call(api.deactivateUser, { params: { id: user.id } });
    const res = await session.call(api.getMe);
    expect(res.status).toBe(401);
    // Even a session row that somehow survived is refused: the account status is checked on every request.
    await t.server.ctx.db.updateTable('users').set({ status: 'active' }).where('id', '=', user.id).execute();
    const fresh = await signIn(t.server, user);
    await t.server.ctx.db
      .updateTable('users')
      .set({ status: 'deactivated' })
      .where('id', '=', user.id)
      .execute();
    // Written straight to the database, not through Trame: it takes effect once the
    // database's change notification has reached the server (see platform/cache).
    await caughtUp(t.server.ctx);
    expect((await fresh.call(api.getMe)).status).toBe(401);
  });

  it('ignores forged and malformed session cookies', async () => {
    const client = t.server.client();
    for (const value of ['x', 'A'.repeat(43), 'A'.repeat(500), '%00%00']) {
      client.cookies.set('trame_session', value);
      const res = await client.call(api.getMe);
      expect(res.status).toBe(401);
    }
  });
});

describe('secure cookies behind https', () => {
  it('uses the __Host- prefix and the Secure flag when PUBLIC_URL is https', async () => {
    const server = await startServer({ env: { PUBLIC_URL: 'https://trame.example' } });
    try {
      const client = server.client();
      const session = await client.call(api.getSession);
      const csrf = cookieAttributes(session.setCookies, '__Host-trame_csrf');
      expect(csrf).toContain('secure');
      const setup = await client.call(api.setup, {
        body: {
          organisationName: 'Acme',
          name: 'Ada',
          email: 'ada@acme.test',
          password: PASSWORD,
          locale: 'en',
        },
      });
      expect(setup.status).toBe(201);
      const cookie = cookieAttributes(setup.setCookies, '__Host-trame_session');
      expect(cookie).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
      expect(cookie.some((a) => a.startsWith('domain='))).toBe(false);
      expect(setup.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await server.close();
    }
  });
});

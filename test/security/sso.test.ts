// Single sign-on against a real OpenID provider on loopback: who gets in, who is matched
// to which account, and every way a sign-in must fail (state, nonce, issuer, audience,
// expiry, signature, PKCE, deactivation). What a user would notice: where the browser is
// sent, whether a session exists, which account it is, what the audit log says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import type { TestClient } from '../helpers/client.ts';
import { buildUser, drainJobs, PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { ssoSettingsFor, ssoSignIn, startIdp, type TestIdp } from '../helpers/oidc-provider.ts';
import { useServer } from '../helpers/server.ts';

describe('single sign-on (OpenID Connect)', () => {
  const t = useServer({ env: { SSO_ALLOW_PRIVATE_ISSUER: 'true' } });
  let idp: TestIdp;
  let admin: TestClient;
  let n = 0;
  const person = (claims: { email_verified?: boolean; name?: string; email?: string } = {}) => {
    const sub = `sub-${++n}-${Math.random().toString(36).slice(2, 8)}`;
    const email = claims.email ?? `${sub}@example.test`;
    idp.people.set(sub, { email, email_verified: true, name: `Person ${n}`, ...claims });
    return { sub, email };
  };
  const settings = (over: Record<string, unknown> = {}) => ssoSettingsFor(idp, over);
  const me = async (client: TestClient) => (await client.call(api.getSession)).body.user;
  const lastFailure = async () =>
    t.server.ctx.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'auth.sign_in_failed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    idp = await startIdp({ redirectUri: () => `${t.server.url}/api/v1/auth/sso/callback` });
    ({ client: admin } = await setUpOrganisation(t.server));
    const saved = await admin.call(api.updateSsoSettings, { body: settings() });
    expect(saved.status, saved.text).toBe(200);
  });
  afterAll(async () => {
    await idp?.close();
  });

  it('keeps the client secret write-only and audits the change without it', async () => {
    const res = await admin.call(api.getSsoSettings);
    expect(res.status).toBe(200);
    expect(res.body.clientSecretSet).toBe(true);
    expect(res.text).not.toContain(idp.clientSecret);
    const record = await t.server.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sso.settings_changed')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(record)).not.toContain(idp.clientSecret);
    const member = await buildUser(t.server);
    const memberClient = t.server.client();
    await memberClient.call(api.signIn, { body: { email: member.email, password: PASSWORD } });
    expect((await memberClient.call(api.getSsoSettings)).status).toBe(403);
    expect((await memberClient.call(api.updateSsoSettings, { body: settings() })).status).toBe(403);
  });

  it('shows the button to everyone and tests the connection', async () => {
    const options = await t.server.client().call(api.getSsoOptions);
    expect(options.body).toEqual({ enabled: true, buttonLabel: 'Acme ID', required: false });
    const test = await admin.call(api.testSsoConnection);
    expect(test.body).toMatchObject({ ok: true, problem: null, issuer: idp.issuer, keyCount: 1 });
    expect(test.body.algorithms).toContain('RS256');
  });

  it('creates a member on first sign-in, then matches them by subject', async () => {
    const { sub, email } = person({ name: 'Zoé Nouvelle' });
    const browser = t.server.client();
    const first = await ssoSignIn(browser, sub);
    expect(first.callback.status).toBe(303);
    expect(first.location).toBe('/');
    const user = await me(browser);
    expect(user).toMatchObject({ email, name: 'Zoé Nouvelle', role: 'member' });
    // The provider now says another address: the subject still finds the same account.
    idp.people.set(sub, { email: `renamed-${email}`, email_verified: true });
    const again = t.server.client();
    await ssoSignIn(again, sub);
    expect((await me(again)).id).toBe(user.id);
    const signIns = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.sign_in')
      .where('target_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(signIns.map((r) => (r.details as { matchedBy: string }).matchedBy)).toEqual([
      'created',
      'subject',
    ]);
    expect((signIns[0]!.details as { method: string }).method).toBe('sso');
  });

  it('links an existing account by verified email, and only a same-origin return path', async () => {
    const existing = await buildUser(t.server);
    const { sub } = person({ email: existing.email });
    const browser = t.server.client();
    const res = await ssoSignIn(browser, sub, '/api/v1/auth/sso/start?returnTo=%2F%2Fevil.example%2Fx');
    expect(res.location).toBe('/');
    expect((await me(browser)).id).toBe(existing.id);
    const other = t.server.client();
    const back = await ssoSignIn(other, sub, '/api/v1/auth/sso/start?returnTo=%2Fspaces%3Fx%3D1');
    expect(back.location).toBe('/spaces?x=1');
  });

  it('never links by an unverified email', async () => {
    const existing = await buildUser(t.server);
    const { sub } = person({ email: existing.email, email_verified: false });
    const browser = t.server.client();
    const res = await ssoSignIn(browser, sub);
    expect(res.location).toBe('/sign-in?sso_error=email_unverified');
    expect(await me(browser)).toBeNull();
    const links = await t.server.ctx.db
      .selectFrom('user_identities')
      .select('id')
      .where('user_id', '=', existing.id)
      .execute();
    expect(links).toEqual([]);
  });

  it('refuses unknown people when creation is off, and deactivated people', async () => {
    await admin.call(api.updateSsoSettings, {
      body: settings({ clientSecret: undefined, allowCreate: false }),
    });
    const stranger = person();
    const browser = t.server.client();
    expect((await ssoSignIn(browser, stranger.sub)).location).toBe('/sign-in?sso_error=no_account');
    await admin.call(api.updateSsoSettings, { body: settings({ clientSecret: undefined }) });

    const leaver = await buildUser(t.server, { status: 'deactivated' });
    const { sub } = person({ email: leaver.email });
    expect((await ssoSignIn(browser, sub)).location).toBe('/sign-in?sso_error=deactivated');
    expect(await me(browser)).toBeNull();
    expect((await lastFailure()).details).toMatchObject({ method: 'sso', reason: 'deactivated' });
  });

  it('refuses a replayed callback, a missing or foreign state, and a callback from another browser', async () => {
    const { sub } = person();
    const browser = t.server.client();
    const first = await ssoSignIn(browser, sub);
    expect(first.location).toBe('/');
    const replay = await t.server.client().get(first.callbackPath!);
    expect(replay.headers.get('location')).toBe('/sign-in?sso_error=bad_state');
    // Same browser, same callback again: the state was consumed.
    const again = await browser.get(first.callbackPath!);
    expect(again.headers.get('location')).toBe('/sign-in?sso_error=bad_state');
    const noState = await browser.get('/api/v1/auth/sso/callback?code=abc');
    expect(noState.headers.get('location')).toBe('/sign-in?sso_error=bad_state');
    // A state started in one browser and completed in another (login CSRF) is refused.
    const victim = t.server.client();
    const attacker = t.server.client();
    const started = await attacker.get('/api/v1/auth/sso/start');
    const state = new URL(started.headers.get('location')!).searchParams.get('state');
    const forged = await victim.get(`/api/v1/auth/sso/callback?code=x&state=${state}`);
    expect(forged.headers.get('location')).toBe('/sign-in?sso_error=bad_state');
    expect(await me(victim)).toBeNull();
    expect((await lastFailure()).details).toMatchObject({ method: 'sso', reason: 'bad_state' });
  });

  it('refuses ID tokens with a wrong issuer, audience, expiry, signature or a replayed nonce', async () => {
    const { sub } = person();
    const cases: [string, TestIdp['tamper']][] = [
      ['issuer', { kind: 'claims', change: (p) => ({ ...p, iss: 'https://evil.example' }) }],
      ['audience', { kind: 'claims', change: (p) => ({ ...p, aud: 'another-client' }) }],
      [
        'expiry',
        {
          kind: 'claims',
          change: (p) => ({ ...p, iat: Number(p.iat) - 7200, exp: Number(p.iat) - 3600 }),
        },
      ],
      ['signature', { kind: 'foreign-key' }],
    ];
    for (const [what, tamper] of cases) {
      idp.tamper = tamper;
      const browser = t.server.client();
      const res = await ssoSignIn(browser, sub);
      expect(res.location, what).toBe('/sign-in?sso_error=bad_token');
      expect(await me(browser), what).toBeNull();
    }
    // A genuine token from an earlier sign-in, handed back for a new one: its nonce is not ours.
    idp.tamper = null;
    await ssoSignIn(t.server.client(), sub);
    idp.tamper = { kind: 'replay', token: idp.issued.at(-1)! };
    const browser = t.server.client();
    const res = await ssoSignIn(browser, sub);
    idp.tamper = null;
    expect(res.location).toBe('/sign-in?sso_error=bad_token');
    expect(await me(browser)).toBeNull();
    expect(JSON.stringify((await lastFailure()).details)).toContain('nonce');
  });

  it('fails when the PKCE verifier does not match what was sent', async () => {
    const { sub } = person();
    const browser = t.server.client();
    const started = await browser.get('/api/v1/auth/sso/start');
    await t.server.ctx.db
      .updateTable('sso_logins')
      .set({ code_verifier: 'x'.repeat(43) })
      .execute();
    const { loginAtProvider } = await import('../helpers/oidc-provider.ts');
    const back = new URL(await loginAtProvider(started.headers.get('location')!, sub));
    const res = await browser.get(back.pathname + back.search);
    expect(res.headers.get('location')).toBe('/sign-in?sso_error=provider_refused');
    expect(await me(browser)).toBeNull();
  });

  it('sends the browser to the provider with PKCE S256, state, nonce and our redirect URI', async () => {
    const res = await t.server.client().get('/api/v1/auth/sso/start');
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('redirect_uri')).toBe(`${t.server.url}/api/v1/auth/sso/callback`);
    const cookie = res.setCookies.find((c) => c.startsWith('trame_sso='))!.toLowerCase();
    expect(cookie).toContain('httponly');
    expect(cookie).toContain('samesite=lax');
  });

  it('when required, refuses passwords to employees but not to guests, after a passed test only', async () => {
    // Changing the issuer drops the passed test: requiring SSO is refused until a new test.
    const changed = await admin.call(api.updateSsoSettings, {
      body: settings({ clientSecret: undefined, issuer: `${idp.issuer}/other`, required: true }),
    });
    expect(changed.status).toBe(409);
    expect(changed.body.error.code).toBe('sso_test_required');
    const required = await admin.call(api.updateSsoSettings, {
      body: settings({ clientSecret: undefined, required: true }),
    });
    expect(required.status, required.text).toBe(200);

    const member = await buildUser(t.server);
    const guest = await buildUser(t.server, { role: 'guest' });
    const memberTry = await t.server
      .client()
      .call(api.signIn, { body: { email: member.email, password: PASSWORD } });
    expect(memberTry.status).toBe(403);
    expect(memberTry.body.error.code).toBe('sso_required');
    const wrong = await t.server
      .client()
      .call(api.signIn, { body: { email: member.email, password: 'nope' } });
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const guestTry = await t.server
      .client()
      .call(api.signIn, { body: { email: guest.email, password: PASSWORD } });
    expect(guestTry.status).toBe(200);
    expect((await t.server.client().call(api.getSsoOptions)).body.required).toBe(true);
    // A reset request answers as always, but only the guest receives a link.
    for (const who of [member, guest]) {
      const asked = await t.server.client().call(api.requestPasswordReset, { body: { email: who.email } });
      expect(asked.status).toBe(202);
    }
    await drainJobs(t.server);
    const links = await t.server.ctx.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('kind', '=', 'password_reset')
      .where('to_address', 'in', [member.email, guest.email])
      .execute();
    expect(links.map((l) => l.to_address)).toEqual([guest.email]);

    await admin.call(api.updateSsoSettings, { body: settings({ clientSecret: undefined }) });
    const after = await t.server
      .client()
      .call(api.signIn, { body: { email: member.email, password: PASSWORD } });
    expect(after.status).toBe(200);
  });

  it('reports what is wrong with a provider that is not there', async () => {
    await admin.call(api.updateSsoSettings, {
      body: settings({ clientSecret: undefined, issuer: 'http://127.0.0.1:9/nothing' }),
    });
    const test = await admin.call(api.testSsoConnection);
    expect(test.body).toMatchObject({ ok: false, problem: 'unreachable' });
    const start = await t.server.client().get('/api/v1/auth/sso/start');
    expect(start.headers.get('location')).toBe('/sign-in?sso_error=provider_unreachable');
    await admin.call(api.updateSsoSettings, { body: settings({ clientSecret: undefined }) });
  });
});

describe('single sign-on and the SSRF guard', () => {
  const t = useServer();
  let idp: TestIdp;
  beforeAll(async () => {
    idp = await startIdp({ redirectUri: () => `${t.server.url}/api/v1/auth/sso/callback` });
  });
  afterAll(async () => {
    await idp?.close();
  });

  it('does not reach a provider on a private address unless the operator allowed it', async () => {
    const { client } = await setUpOrganisation(t.server);
    await client.call(api.updateSsoSettings, {
      body: ssoSettingsFor(idp),
    });
    const test = await client.call(api.testSsoConnection);
    expect(test.body).toMatchObject({ ok: false, problem: 'unreachable' });
    expect(test.body.detail).toContain('does not fetch from');
  });
});

describe('single sign-on break-glass', () => {
  const t = useServer({ env: { SSO_ALLOW_PRIVATE_ISSUER: 'true', SSO_BREAK_GLASS: 'true' } });
  let idp: TestIdp;
  beforeAll(async () => {
    idp = await startIdp({ redirectUri: () => `${t.server.url}/api/v1/auth/sso/callback` });
  });
  afterAll(async () => {
    await idp?.close();
  });

  it('lets employees use their password while SSO_BREAK_GLASS is set', async () => {
    const { client, admin } = await setUpOrganisation(t.server);
    const body = ssoSettingsFor(idp, { allowCreate: false });
    await client.call(api.updateSsoSettings, { body });
    expect((await client.call(api.testSsoConnection)).body.ok).toBe(true);
    expect((await client.call(api.updateSsoSettings, { body: { ...body, required: true } })).status).toBe(
      200,
    );
    const res = await t.server
      .client()
      .call(api.signIn, { body: { email: admin.email, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect((await client.call(api.getSsoSettings)).body.breakGlass).toBe(true);
  });
});

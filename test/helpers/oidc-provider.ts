// A real OpenID provider (the `oidc-provider` package) on loopback, for SSO tests. People
// are a map of subject → claims; its development login form takes any subject with any
// password. A small layer in front of its token endpoint can rewrite the ID token — re-signed
// with the provider's own key, or a stranger's — so the relying party's checks meet real
// signed JWTs with a wrong issuer, audience or expiry, or a token replayed from before.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import Provider from 'oidc-provider';
import type { TestClient } from './client.ts';

export interface IdpPerson {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export type TokenTamper =
  | null
  | { kind: 'claims'; change: (payload: JWTPayload) => JWTPayload }
  | { kind: 'foreign-key' }
  | { kind: 'replay'; token: string };

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, IdpPerson>;
  /** Set to rewrite the next ID tokens the token endpoint hands out. */
  tamper: TokenTamper;
  /** Every ID token the token endpoint handed out, last one last. */
  issued: string[];
  close(): Promise<void>;
}

export async function startIdp(options: { redirectUri: () => string }): Promise<TestIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const stranger = (await generateKeyPair('RS256')).privateKey;
  const people = new Map<string, IdpPerson>();
  const idp: TestIdp = {
    issuer,
    clientId: 'trame-test',
    clientSecret: 'a-client-secret-long-enough-for-tests',
    people,
    tamper: null,
    issued: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: idp.clientId,
        client_secret: idp.clientSecret,
        redirect_uris: [options.redirectUri()],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Claims in the ID token itself, as Google, Entra and Keycloak do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    findAccount: async (_ctx, sub) => {
      const person = people.get(sub);
      if (!person) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...person }) };
    },
    // No consent screen: the organisation's own application is trusted.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path !== '/token' || ctx.status !== 200) return;
    const body = ctx.body as { id_token?: string };
    if (!body?.id_token) return;
    const original = body.id_token;
    const tamper = idp.tamper;
    if (tamper?.kind === 'replay') body.id_token = tamper.token;
    else if (tamper) {
      const payload = tamper.kind === 'claims' ? tamper.change(decodeJwt(original)) : decodeJwt(original);
      body.id_token = await new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .sign(tamper.kind === 'foreign-key' ? stranger : privateKey);
    }
    idp.issued.push(original);
  });
  server.on('request', provider.callback());
  return idp;
}

/** Cookies of the browser at the provider (names are distinct, so paths are ignored). */
class Jar {
  cookies = new Map<string, string>();
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
}

/**
 * Follows the redirects of the provider's side as a browser would, logs in as `subject`
 * on its form and returns the URL it sends the browser back to (our callback).
 */
export async function loginAtProvider(authorizeUrl: string, subject: string): Promise<string> {
  const jar = new Jar();
  let url = authorizeUrl;
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).toString();
      if (!next.startsWith(new URL(authorizeUrl).origin)) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !/name="login"/.test(html))
      throw new Error(`Unexpected provider page: ${html.slice(0, 500)}`);
    url = new URL(action.replaceAll('&amp;', '&'), url).toString();
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ prompt: 'login', login: subject, password: 'anything' }).toString(),
    };
  }
  throw new Error('Too many redirects at the provider.');
}

/** A whole SSO sign-in of `client` as `subject`: start, provider login, callback. */
export async function ssoSignIn(client: TestClient, subject: string, start = '/api/v1/auth/sso/start') {
  const started = await client.get(start);
  if (started.status !== 303) throw new Error(`start answered ${started.status}: ${started.text}`);
  const location = started.headers.get('location')!;
  if (location.startsWith('/')) return { started, callback: started, location };
  const back = await loginAtProvider(location, subject);
  const u = new URL(back);
  const callback = await client.get(u.pathname + u.search);
  return {
    started,
    callback,
    location: callback.headers.get('location') ?? '',
    callbackPath: u.pathname + u.search,
  };
}

/** The admin settings body pointing Trame at this provider. */
export const ssoSettingsFor = (idp: TestIdp, over: Record<string, unknown> = {}) => ({
  issuer: idp.issuer,
  clientId: idp.clientId,
  clientSecret: idp.clientSecret,
  buttonLabel: 'Acme ID',
  allowCreate: true,
  required: false,
  ...over,
});

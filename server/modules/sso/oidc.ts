// The OpenID Connect relying party: discovery, keys, the code exchange and the ID token
// check. Every request goes through the SSRF guard; the configured issuer's host is the
// only private one it may reach, and only when SSO_ALLOW_PRIVATE_ISSUER says so.
import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { type OutboundOptions, outboundFetch } from '../../platform/outbound/fetch.ts';

/** A step of the protocol that failed, with the code the admin page or sign-in page shows. */
export class OidcError extends Error {
  constructor(
    readonly problem:
      | 'unreachable'
      | 'not_json'
      | 'bad_discovery'
      | 'issuer_mismatch'
      | 'bad_jwks'
      | 'token_refused'
      | 'bad_token',
    message: string,
  ) {
    super(message);
  }
}

const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
});
export type Discovery = z.infer<typeof Discovery>;

// Symmetric algorithms would make the client secret a signing key; "none" is no signature.
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/;

export function signingAlgorithms(discovery: Discovery): string[] {
  const listed = discovery.id_token_signing_alg_values_supported ?? ['RS256'];
  return listed.filter((a) => ASYMMETRIC.test(a));
}

function outboundOptions(ctx: AppContext, issuer: string): OutboundOptions {
  const host = new URL(issuer).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return {
    allowHosts: ctx.config.SSO_ALLOW_PRIVATE_ISSUER ? [host] : [],
    maxBytes: 256 * 1024,
    timeoutMs: 5000,
    userAgent: 'Trame-OIDC/1.0',
  };
}

async function fetchJson(ctx: AppContext, issuer: string, url: string, extra: OutboundOptions = {}) {
  let res: Awaited<ReturnType<typeof outboundFetch>>;
  try {
    res = await outboundFetch(url, {
      ...outboundOptions(ctx, issuer),
      headers: { accept: 'application/json' },
      ...extra,
    });
  } catch (err) {
    throw new OidcError('unreachable', `${url}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new OidcError('not_json', `${url} answered ${res.status} without JSON.`);
  }
  return { status: res.status, json };
}

export async function discover(ctx: AppContext, issuer: string): Promise<Discovery> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const { status, json } = await fetchJson(ctx, issuer, url);
  if (status !== 200) throw new OidcError('bad_discovery', `${url} answered ${status}.`);
  const parsed = Discovery.safeParse(json);
  if (!parsed.success) throw new OidcError('bad_discovery', `${url} is not an OpenID discovery document.`);
  // OpenID Connect Discovery §4.3: the document must name exactly the issuer asked for.
  if (parsed.data.issuer !== issuer) {
    throw new OidcError('issuer_mismatch', `The provider calls itself ${parsed.data.issuer}, not ${issuer}.`);
  }
  return parsed.data;
}

export async function fetchKeys(
  ctx: AppContext,
  issuer: string,
  discovery: Discovery,
): Promise<JSONWebKeySet> {
  const { status, json } = await fetchJson(ctx, issuer, discovery.jwks_uri);
  const keys = (json as { keys?: unknown }).keys;
  if (status !== 200 || !Array.isArray(keys) || keys.length === 0) {
    throw new OidcError('bad_jwks', `${discovery.jwks_uri} holds no signing keys.`);
  }
  return { keys: keys as JSONWebKeySet['keys'] };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export async function exchangeCode(
  ctx: AppContext,
  settings: { issuer: string; client_id: string; client_secret: string },
  discovery: Discovery,
  input: { code: string; verifier: string; redirectUri: string },
): Promise<string> {
  // client_secret_basic: both parts form-encoded first (RFC 6749 §2.3.1).
  const basic = Buffer.from(
    `${encodeURIComponent(settings.client_id)}:${encodeURIComponent(settings.client_secret)}`,
  ).toString('base64');
  const { status, json } = await fetchJson(ctx, settings.issuer, discovery.token_endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${basic}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.verifier,
    }).toString(),
  });
  const idToken = (json as { id_token?: unknown }).id_token;
  if (status !== 200 || typeof idToken !== 'string') {
    const error = (json as { error?: unknown }).error;
    throw new OidcError(
      'token_refused',
      `The token endpoint answered ${status} (${String(error ?? 'no ID token')}).`,
    );
  }
  return idToken;
}

export interface IdClaims {
  sub: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  nonce: string;
}

/**
 * Signature against the provider's keys, issuer exact, audience our client id (and azp
 * when several audiences), exp/iat with a minute of tolerance on our clock.
 */
export async function verifyIdToken(
  ctx: AppContext,
  idToken: string,
  expected: { issuer: string; clientId: string; discovery: Discovery; keys: JSONWebKeySet },
): Promise<IdClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, createLocalJWKSet(expected.keys), {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: signingAlgorithms(expected.discovery),
      clockTolerance: 60,
      maxTokenAge: '1h',
      currentDate: ctx.clock.now(),
      requiredClaims: ['sub', 'iat', 'exp', 'nonce'],
    }));
  } catch (err) {
    throw new OidcError('bad_token', `ID token refused: ${(err as Error).message}`);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId) {
    throw new OidcError('bad_token', 'ID token refused: issued to another party (azp).');
  }
  const email = typeof payload.email === 'string' ? payload.email.trim().toLowerCase() : null;
  return {
    sub: String(payload.sub),
    email: email || null,
    emailVerified: payload.email_verified === true,
    name: typeof payload.name === 'string' ? payload.name.trim().slice(0, 120) || null : null,
    nonce: String(payload.nonce),
  };
}

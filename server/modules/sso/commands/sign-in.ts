// Signing in through the OpenID provider: authorization code with PKCE (S256), state and
// nonce. Start keeps a row holding hashes of the state, the nonce and a random token
// given to this browser in a cookie; the callback consumes that row (so a replayed
// callback finds nothing), exchanges the code and verifies the ID token, then matches
// the person by (issuer, subject), else by a verified email, else creates a member if
// allowed. Every refusal is audited with its reason.
import type { SsoFailure } from '../../../../common/schemas/sso.ts';
import type { AppContext } from '../../../context.ts';
import type { UserRow } from '../../../db/schema.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import type { NewSession } from '../../../platform/auth/sessions.ts';
import { MINUTE } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { hashToken, newToken, safeEqual } from '../../../platform/tokens.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { openSession } from '../../auth/commands/sign-in.ts';
import { userLabel } from '../../people/presenters.ts';
import {
  discover,
  exchangeCode,
  fetchKeys,
  type IdClaims,
  OidcError,
  pkcePair,
  verifyIdToken,
} from '../oidc.ts';
import { callbackUrl } from '../presenters.ts';
import { loadSsoSettings, type ReadySso, readySso } from '../queries.ts';
import { ssoLimits } from '../rate-limits.ts';

export const SSO_LOGIN_MINUTES = 10;

/** A sign-in that ends on the sign-in page with a translated reason. */
export class SsoFailed extends Error {
  /** The account concerned, when one was found (for the audit record). */
  user?: Pick<UserRow, 'id' | 'name' | 'email'>;
  constructor(
    readonly reason: SsoFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Only a path on our own origin: "/x", never "//host" or "/\host" (browsers read both as hosts). */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//')) return '/';
  // Backslashes and control characters (tabs, newlines) are dropped by browsers in odd ways.
  if ([...value].some((c) => c === '\\' || c.charCodeAt(0) < 0x20)) return '/';
  return value;
}

async function readyOrFail(ctx: AppContext): Promise<ReadySso> {
  const settings = readySso(await loadSsoSettings(ctx.db));
  if (!settings) throw new SsoFailed('not_configured', 'Single sign-on is not configured.');
  return settings;
}

async function discoverOrFail(ctx: AppContext, issuer: string) {
  try {
    return await discover(ctx, issuer);
  } catch (err) {
    if (err instanceof OidcError) throw new SsoFailed('provider_unreachable', err.message);
    throw err;
  }
}

export async function startSsoSignIn(
  ctx: AppContext,
  input: { returnTo?: string; meta: RequestMeta },
): Promise<{ location: string; browserToken: string }> {
  await enforce(ctx.limiter, [[ssoLimits.startPerIp, input.meta.ip ?? 'unknown']]);
  const settings = await readyOrFail(ctx);
  const discovery = await discoverOrFail(ctx, settings.issuer);
  const state = newToken();
  const nonce = newToken();
  const browserToken = newToken();
  const pkce = pkcePair();
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom('sso_logins').where('expires_at', '<', tx.now).execute();
    await tx.db
      .insertInto('sso_logins')
      .values({
        id: newId(),
        state_hash: hashToken(state),
        browser_hash: hashToken(browserToken),
        nonce_hash: hashToken(nonce),
        code_verifier: pkce.verifier,
        return_to: safeReturnTo(input.returnTo),
        created_at: tx.now,
        expires_at: new Date(tx.now.getTime() + SSO_LOGIN_MINUTES * MINUTE),
      })
      .execute();
  });
  const url = new URL(discovery.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: settings.client_id,
    redirect_uri: callbackUrl(ctx),
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  })) {
    url.searchParams.set(k, v);
  }
  return { location: url.toString(), browserToken };
}

export interface CallbackInput {
  code?: string;
  state?: string;
  error?: string;
  browserToken?: string;
  meta: RequestMeta;
  previousSessionId: string | null;
}

export async function completeSsoSignIn(
  ctx: AppContext,
  input: CallbackInput,
): Promise<{ userId: string; session: NewSession; returnTo: string }> {
  await enforce(ctx.limiter, [[ssoLimits.callbackPerIp, input.meta.ip ?? 'unknown']]);
  try {
    return await callback(ctx, input);
  } catch (err) {
    if (!(err instanceof SsoFailed)) throw err;
    await audit(ctx.db, {
      action: 'auth.sign_in_failed',
      target: err.user ? { type: 'user', id: err.user.id, label: userLabel(err.user) } : null,
      details: { method: 'sso', reason: err.reason, detail: err.message.slice(0, 300) },
      meta: input.meta,
      at: ctx.clock.now(),
    });
    throw err;
  }
}

async function callback(ctx: AppContext, input: CallbackInput) {
  if (!input.state || !input.browserToken)
    throw new SsoFailed('bad_state', 'No sign-in in progress in this browser.');
  // Consumed whatever happens next: a state, its nonce and its verifier serve once.
  const login = await ctx.db
    .deleteFrom('sso_logins')
    .where('state_hash', '=', hashToken(input.state))
    .where('browser_hash', '=', hashToken(input.browserToken))
    .returningAll()
    .executeTakeFirst();
  if (!login || new Date(login.expires_at) <= ctx.clock.now()) {
    throw new SsoFailed('bad_state', 'Unknown, expired or already used sign-in state.');
  }
  if (input.error || !input.code) {
    throw new SsoFailed('provider_refused', `The provider answered ${input.error ?? 'without a code'}.`);
  }
  const settings = await readyOrFail(ctx);
  const discovery = await discoverOrFail(ctx, settings.issuer);
  let claims: IdClaims;
  try {
    const keys = await fetchKeys(ctx, settings.issuer, discovery);
    const idToken = await exchangeCode(ctx, settings, discovery, {
      code: input.code,
      verifier: login.code_verifier,
      redirectUri: callbackUrl(ctx),
    });
    claims = await verifyIdToken(ctx, idToken, {
      issuer: settings.issuer,
      clientId: settings.client_id,
      discovery,
      keys,
    });
  } catch (err) {
    if (!(err instanceof OidcError)) throw err;
    throw new SsoFailed(err.problem === 'bad_token' ? 'bad_token' : 'provider_refused', err.message);
  }
  if (!safeEqual(hashToken(claims.nonce), login.nonce_hash)) {
    throw new SsoFailed('bad_token', 'ID token refused: its nonce is not the one this sign-in sent.');
  }
  const { userId, session } = await inTransaction(ctx, (tx) => signInMatched(tx, settings, claims, input));
  return { userId, session, returnTo: login.return_to };
}

async function findAccount(tx: Tx, settings: ReadySso, claims: IdClaims) {
  const linked = await tx.db
    .selectFrom('user_identities')
    .innerJoin('users', 'users.id', 'user_identities.user_id')
    .selectAll('users')
    .where('user_identities.issuer', '=', settings.issuer)
    .where('user_identities.subject', '=', claims.sub)
    .executeTakeFirst();
  if (linked) return { user: linked, how: 'subject' as const };
  // An address the provider has not verified proves nothing: it is never used to link.
  if (!claims.email || !claims.emailVerified) {
    throw new SsoFailed('email_unverified', 'The provider did not vouch for this email address.');
  }
  const byEmail = await tx.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', claims.email)
    .executeTakeFirst();
  if (byEmail) return { user: byEmail, how: 'email' as const };
  if (!settings.allow_create) throw new SsoFailed('no_account', `No account for ${claims.email}.`);
  const org = await tx.db.selectFrom('organisation').select('default_locale').executeTakeFirstOrThrow();
  const user = await tx.db
    .insertInto('users')
    .values({
      id: newId(),
      email: claims.email,
      name: claims.name ?? claims.email.split('@')[0]!,
      password_hash: null,
      role: 'member',
      status: 'active',
      locale: org.default_locale,
      created_at: tx.now,
      updated_at: tx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, how: 'created' as const };
}

async function signInMatched(tx: Tx, settings: ReadySso, claims: IdClaims, input: CallbackInput) {
  const { user, how } = await findAccount(tx, settings, claims);
  if (user.status !== 'active') {
    const failed = new SsoFailed('deactivated', 'This account is deactivated.');
    failed.user = user;
    throw failed;
  }
  const ref = { id: user.id, label: userLabel(user) };
  if (how !== 'subject') {
    await tx.db
      .insertInto('user_identities')
      .values({
        id: newId(),
        user_id: user.id,
        issuer: settings.issuer,
        subject: claims.sub,
        email: claims.email,
        created_at: tx.now,
        last_used_at: tx.now,
      })
      .execute();
    await audit(tx.db, {
      action: how === 'created' ? 'user.created_by_sso' : 'sso.identity_linked',
      actor: ref,
      target: { type: 'user', id: user.id, label: ref.label },
      details: { issuer: settings.issuer, subject: claims.sub, email: claims.email },
      meta: input.meta,
      at: tx.now,
    });
  } else {
    await tx.db
      .updateTable('user_identities')
      .set({ last_used_at: tx.now, email: claims.email })
      .where('issuer', '=', settings.issuer)
      .where('subject', '=', claims.sub)
      .execute();
  }
  const session = await openSession(
    tx,
    user,
    { method: 'sso', issuer: settings.issuer, matchedBy: how },
    input.meta,
    input.previousSessionId,
  );
  return { userId: user.id, session };
}

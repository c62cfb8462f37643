// Administrators change the SSO settings and test the connection. Requiring SSO is only
// accepted once the current issuer passed a test, so nobody locks everyone out by typo.
import type { z } from 'zod';
import type { SsoSettingsBody, SsoTestResult } from '../../../../common/schemas/sso.ts';
import type { AppContext } from '../../../context.ts';
import type { SsoSettingsRow } from '../../../db/schema.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { enforce } from '../../../platform/rate-limit.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { discover, fetchKeys, OidcError, signingAlgorithms } from '../oidc.ts';
import { loadSsoSettings, readySso } from '../queries.ts';
import { ssoLimits } from '../rate-limits.ts';

type Body = z.output<typeof SsoSettingsBody>;

/** What the audit record shows: everything but the secret, which only says whether it changed. */
const snapshot = (row: SsoSettingsRow | undefined) => ({
  issuer: row?.issuer ?? null,
  clientId: row?.client_id ?? null,
  clientSecretSet: Boolean(row?.client_secret),
  buttonLabel: row?.button_label ?? '',
  allowCreate: row?.allow_create ?? false,
  required: row?.required ?? false,
});

export async function updateSsoSettings(
  ctx: AppContext,
  input: { actor: Actor; body: Body; meta: RequestMeta },
): Promise<void> {
  await enforce(ctx.limiter, [[ssoLimits.settingsPerAccount, input.actor.id]]);
  const { body } = input;
  await inTransaction(ctx, async (tx) => {
    // Lock the row so a concurrent test cannot mark a different issuer as tested.
    const before = await tx.db.selectFrom('sso_settings').selectAll().forUpdate().executeTakeFirst();
    const issuer = body.issuer || null;
    const secret = body.clientSecret ? body.clientSecret : (before?.client_secret ?? null);
    const ready = readySso({
      ...(before as SsoSettingsRow),
      issuer,
      client_id: body.clientId,
      client_secret: secret,
    });
    if (body.required && !(ready && before?.tested_issuer === issuer)) {
      throw new AppError(
        409,
        'sso_test_required',
        'Save the provider settings and pass the connection test before requiring single sign-on.',
      );
    }
    const values = {
      issuer,
      client_id: body.clientId || null,
      client_secret: secret,
      button_label: body.buttonLabel,
      allow_create: body.allowCreate,
      required: body.required,
      updated_at: tx.now,
      updated_by: input.actor.id,
    };
    const after = await tx.db
      .insertInto('sso_settings')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx.db, {
      action: 'sso.settings_changed',
      actor: actorRef(input.actor),
      target: { type: 'sso', id: null, label: issuer },
      before: snapshot(before),
      after: { ...snapshot(after), clientSecretChanged: Boolean(body.clientSecret) },
      meta: input.meta,
      at: tx.now,
    });
  });
}

const emptyResult = (): SsoTestResult => ({
  ok: false,
  problem: null,
  detail: null,
  issuer: null,
  authorizationEndpoint: null,
  tokenEndpoint: null,
  jwksUri: null,
  keyCount: 0,
  algorithms: [],
});

export async function testSsoConnection(
  ctx: AppContext,
  input: { actor: Actor; meta: RequestMeta },
): Promise<SsoTestResult> {
  await enforce(ctx.limiter, [[ssoLimits.settingsPerAccount, input.actor.id]]);
  const settings = readySso(await loadSsoSettings(ctx.db));
  const result = emptyResult();
  if (!settings) return { ...result, problem: 'not_configured' };
  try {
    const discovery = await discover(ctx, settings.issuer);
    Object.assign(result, {
      issuer: discovery.issuer,
      authorizationEndpoint: discovery.authorization_endpoint,
      tokenEndpoint: discovery.token_endpoint,
      jwksUri: discovery.jwks_uri,
      algorithms: signingAlgorithms(discovery),
    });
    result.keyCount = (await fetchKeys(ctx, settings.issuer, discovery)).keys.length;
    result.ok = true;
  } catch (err) {
    if (!(err instanceof OidcError)) throw err;
    result.problem = err.problem as SsoTestResult['problem'];
    result.detail = err.message;
  }
  await inTransaction(ctx, async (tx) => {
    if (result.ok) {
      // Only the issuer that was tested counts: a later change of issuer needs a new test.
      await tx.db
        .updateTable('sso_settings')
        .set({ tested_issuer: settings.issuer, tested_at: tx.now })
        .where('issuer', '=', settings.issuer)
        .execute();
    }
    await audit(tx.db, {
      action: 'sso.connection_tested',
      actor: actorRef(input.actor),
      target: { type: 'sso', id: null, label: settings.issuer },
      details: { ok: result.ok, problem: result.problem, keyCount: result.keyCount },
      meta: input.meta,
      at: tx.now,
    });
  });
  return result;
}

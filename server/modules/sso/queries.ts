// Reading the single sign-on settings and who must use them.
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { Role, SsoSettingsRow } from '../../db/schema.ts';
import type { Tx } from '../../platform/transaction.ts';

export type ReadySso = SsoSettingsRow & { issuer: string; client_id: string; client_secret: string };

export function loadSsoSettings(db: Db | Tx['db']): Promise<SsoSettingsRow | undefined> {
  return db.selectFrom('sso_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Settings complete enough to send someone to the provider. */
export function readySso(settings: SsoSettingsRow | undefined): ReadySso | null {
  if (!settings?.issuer || !settings.client_id || !settings.client_secret) return null;
  return settings as ReadySso;
}

/**
 * Whether a person of this role must sign in through the provider. Guests never do (they
 * are outside the company's directory); SSO_BREAK_GLASS turns the rule off for everyone.
 */
export function ssoRequiredFor(ctx: AppContext, settings: SsoSettingsRow | undefined, role: Role): boolean {
  if (ctx.config.SSO_BREAK_GLASS || role === 'guest') return false;
  return readySso(settings) !== null && settings!.required;
}

export async function mustUseSso(ctx: AppContext, role: Role): Promise<boolean> {
  return ssoRequiredFor(ctx, await loadSsoSettings(ctx.db), role);
}

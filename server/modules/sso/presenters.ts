import type { SsoOptions, SsoSettings } from '../../../common/schemas/sso.ts';
import type { AppContext } from '../../context.ts';
import type { SsoSettingsRow } from '../../db/schema.ts';
import { readySso } from './queries.ts';

export const callbackUrl = (ctx: AppContext) => `${ctx.config.PUBLIC_URL}/api/v1/auth/sso/callback`;

export function presentSsoOptions(ctx: AppContext, row: SsoSettingsRow | undefined): SsoOptions {
  const ready = readySso(row);
  return {
    enabled: ready !== null,
    buttonLabel: ready?.button_label || 'SSO',
    required: Boolean(ready?.required) && !ctx.config.SSO_BREAK_GLASS,
  };
}

/** The settings as administrators see them: never the client secret itself. */
export function presentSsoSettings(ctx: AppContext, row: SsoSettingsRow | undefined): SsoSettings {
  return {
    issuer: row?.issuer ?? '',
    clientId: row?.client_id ?? '',
    clientSecretSet: Boolean(row?.client_secret),
    buttonLabel: row?.button_label ?? '',
    allowCreate: row?.allow_create ?? false,
    required: row?.required ?? false,
    tested: Boolean(row?.issuer && row.tested_issuer === row.issuer),
    testedAt: row?.tested_at ? new Date(row.tested_at).toISOString() : null,
    breakGlass: ctx.config.SSO_BREAK_GLASS,
    redirectUri: callbackUrl(ctx),
  };
}

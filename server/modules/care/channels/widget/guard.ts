// What protects the widget's public endpoints, which customers' sites call from the visitor's
// browser (no Trame session cookie, no CSRF token — see the exemption in platform/http/hooks.ts):
// the channel's origin allow-list (and CORS headers for allowed origins only), rate limits per
// IP and per channel, a honeypot field, and a signed form token that must be at least
// MIN_FILL_MS old when the message comes back.
import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WidgetChannelSettings } from '../../../../../common/schemas/care-channels.ts';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import { AppError, notFound, ValidationError } from '../../../../platform/errors.ts';
import type { Rule } from '../../../../platform/rate-limit.ts';
import { hashToken, newToken, safeEqual } from '../../../../platform/tokens.ts';

/** The route pattern of the widget's CORS preflights (platform/http/hooks.ts lets it through). */
export const WIDGET_PREFLIGHT_PATH = '/api/v1/care/widget/:publicKey/:what';

export const widgetLimits = {
  /** Messages from one visitor's address. */
  messagesPerIp: { name: 'care-widget:ip', limit: 10, windowSeconds: 600 } satisfies Rule,
  /** Messages into one channel, whoever sends them: a flood stays bounded. */
  messagesPerChannel: { name: 'care-widget:channel', limit: 300, windowSeconds: 60 } satisfies Rule,
  /** Configurations (form tokens) handed to one address. */
  configPerIp: { name: 'care-widget:config-ip', limit: 120, windowSeconds: 600 } satisfies Rule,
  /** Reads of conversations from one address (the widget reads every 15 seconds while visible). */
  readsPerIp: { name: 'care-widget:read-ip', limit: 600, windowSeconds: 600 } satisfies Rule,
};

/** A form sent back sooner than this after its token was issued is a robot's. */
export const MIN_FILL_MS = 3_000;
/** A form token older than this is refused (the widget fetches a new one). */
export const MAX_FORM_AGE_MS = 12 * 60 * 60_000;

export interface WidgetChannel {
  row: CareChannelRow;
  settings: WidgetChannelSettings;
  /** The private key that signs form tokens (made on first use for channels created without one). */
  key: string;
}

export const originRefused = () =>
  new AppError(403, 'care_origin_refused', 'This site is not on the widget’s list of allowed origins.');

/**
 * The widget channel addressed by this public key, if the request's Origin is on its
 * allow-list; CORS headers are set for that origin only. Anything else: 404 or 403, no CORS.
 */
export async function allowedWidget(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  publicKey: string,
): Promise<WidgetChannel> {
  reply.header('vary', 'Origin');
  const row = await ctx.db
    .selectFrom('care_channels')
    .selectAll()
    .where('public_key', '=', publicKey)
    .where('kind', '=', 'widget')
    .executeTakeFirst();
  if (!row) throw notFound('Widget');
  const parsed = WidgetChannelSettings.safeParse(row.settings);
  const origin = req.headers.origin;
  if (!parsed.success || typeof origin !== 'string' || !parsed.data.allowedOrigins.includes(origin))
    throw originRefused();
  reply.header('access-control-allow-origin', origin);
  if (!row.enabled)
    throw new AppError(409, 'care_channel_disabled', 'This channel is switched off: it accepts no messages.');
  let key = row.secret;
  if (!key) {
    const made = await ctx.db
      .updateTable('care_channels')
      .set((eb) => ({ secret: eb.fn.coalesce('secret', eb.val(newToken())) }))
      .where('id', '=', row.id)
      .returning('secret')
      .executeTakeFirstOrThrow();
    key = made.secret!;
  }
  return { row, settings: parsed.data, key };
}

/** Answers a CORS preflight: 204 with the allowed method and header for an allowed origin, else 403. */
export async function preflight(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  publicKey: string,
) {
  await allowedWidget(ctx, req, reply, publicKey).catch((error: unknown) => {
    // A switched-off channel still answers its preflight, so the widget can read why.
    if (!(error instanceof AppError && error.code === 'care_channel_disabled')) throw error;
  });
  return reply
    .header('access-control-allow-methods', 'GET, POST')
    .header('access-control-allow-headers', 'content-type')
    .header('access-control-max-age', '600')
    .code(204)
    .send();
}

const sign = (key: string, publicKey: string, session: string, issued: number) =>
  createHmac('sha256', key).update(`form:${publicKey}:${session}:${issued}`).digest('base64url');

export function formToken(widget: WidgetChannel, session: string, now: Date): string {
  const issued = now.getTime();
  return `${issued}.${sign(widget.key, widget.row.public_key ?? '', session, issued)}`;
}

/** Refuses a form token that is forged, for another session, too fresh or too old. */
export function checkFormToken(widget: WidgetChannel, session: string, token: string, now: Date): void {
  const [issuedText, signature] = token.split('.');
  const issued = Number(issuedText);
  const valid =
    Number.isSafeInteger(issued) &&
    typeof signature === 'string' &&
    safeEqual(signature, sign(widget.key, widget.row.public_key ?? '', session, issued));
  const refuse = (message: string) =>
    new ValidationError([{ field: 'formToken', reason: 'invalid', message }], message);
  if (!valid) throw refuse('The form token is not valid: reload the page.');
  const age = now.getTime() - issued;
  if (age < MIN_FILL_MS) throw refuse('The form was sent too fast. Take a moment and send it again.');
  if (age > MAX_FORM_AGE_MS) throw refuse('The form is too old: reload the page.');
}

/** The visitor's thread on the channel: a hash of their session, so stored ids cannot read replies. */
export const visitorThread = (session: string) => `widget:${hashToken(session)}`;

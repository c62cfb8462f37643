// Request hooks that run before any route: who is signing the request (session cookie),
// and whether a state-changing request really comes from our own pages (CSRF).
import type {} from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { careConnectorApi } from '../../../common/api/care-connectors.ts';
import type { AppContext } from '../../context.ts';
import { recordVisit } from '../../modules/analytics/instrument.ts';
// care: channels
import { WIDGET_API_PATH } from '../../modules/care/channels/widget/guard.ts';
import { resolveSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { newToken, safeEqual } from '../tokens.ts';
import { clearSessionCookie, cookieNames, setCsrfCookie } from './cookies.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes a state-changing request reaches without the CSRF token. Each takes no session at
 * all (the cookie is not even read for it: the request has no actor) and authenticates every
 * request itself, so a forged cross-site request gains nothing. Keep this list short.
 */
const CSRF_EXEMPT = new Set<string>([
  // care: feeds — the connector webhook: every request HMAC-signed with the channel's secret.
  `${careConnectorApi.receiveConnectorMessages.method} ${careConnectorApi.receiveConnectorMessages.path}`,
]);

const csrfFailed = () =>
  new AppError(
    403,
    'csrf_failed',
    'Missing or wrong X-CSRF-Token header (it must equal the trame_csrf cookie).',
  );

export function registerRequestHooks(app: FastifyInstance, ctx: AppContext): void {
  const names = cookieNames(ctx.config);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (req, reply) => {
    if (CSRF_EXEMPT.has(`${req.method} ${req.routeOptions.url}`)) return;
    // care: channels — the web widget's API (config, messages) is called from customers' sites,
    // which can hold neither our CSRF cookie nor a session. Those requests skip this hook whole:
    // no CSRF check, no CSRF cookie, and no session is resolved (req.actor stays null even if a
    // Trame cookie came along), so nothing done there acts for a signed-in person. Their
    // protection is the channel's origin allow-list, rate limits and form token (widget/guard.ts).
    if (WIDGET_API_PATH.test(req.url)) return;
    // CSRF: double-submit token, plus the browser's own word that the request is not cross-site.
    const cookieToken = req.cookies[names.csrf];
    if (!SAFE_METHODS.has(req.method)) {
      if (req.headers['sec-fetch-site'] === 'cross-site') throw csrfFailed();
      const header = req.headers['x-csrf-token'];
      if (!cookieToken || typeof header !== 'string' || !safeEqual(cookieToken, header)) throw csrfFailed();
    }
    if (cookieToken && cookieToken.length >= 20 && cookieToken.length <= 100) {
      req.csrfToken = cookieToken;
    } else {
      req.csrfToken = newToken();
      setCsrfCookie(reply, ctx.config, req.csrfToken);
    }

    if (!req.url.startsWith('/api/')) return;
    const sessionToken = req.cookies[names.session];
    if (!sessionToken) return;
    const resolved = await resolveSession(ctx, sessionToken);
    if (!resolved) {
      clearSessionCookie(reply, ctx.config);
      return;
    }
    const { user, session } = resolved;
    req.actor = {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale,
      sessionId: session.id,
    };
    // Analytics: a visit a day (written in the background, once per day in this process).
    recordVisit(ctx, user.id);
  });
}

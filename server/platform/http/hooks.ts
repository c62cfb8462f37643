// Request hooks that run before any route: who is signing the request (session cookie),
// and whether a state-changing request really comes from our own pages (CSRF).
import type {} from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { careChannelsApi } from '../../../common/api/care-channels.ts';
import { careConnectorApi } from '../../../common/api/care-connectors.ts';
import type { AppContext } from '../../context.ts';
import { recordVisit } from '../../modules/analytics/instrument.ts';
import { WIDGET_PREFLIGHT_PATH } from '../../modules/care/channels/widget/guard.ts';
import { resolveSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { newToken, safeEqual } from '../tokens.ts';
import { clearSessionCookie, cookieNames, setCsrfCookie } from './cookies.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes reached from elsewhere than our own pages, matched by route pattern and method. The
 * hook is skipped whole for them: no CSRF check, no CSRF cookie set, and no session resolved
 * (the request has no actor even if a Trame cookie came along), so a forged cross-site
 * request acts for nobody. Each protects itself. Keep this list short.
 */
const CSRF_EXEMPT = new Set<string>(
  [
    // care: feeds — the connector webhook: every request HMAC-signed with the channel's secret.
    careConnectorApi.receiveConnectorMessages,
    // care: channels — the web widget, called from customers' sites, which can hold neither our
    // cookie nor a session: the channel's origin allow-list, form token and rate limits
    // (widget/guard.ts) protect it.
    careChannelsApi.getWidgetConfig,
    careChannelsApi.postWidgetMessage,
    careChannelsApi.listWidgetMessages,
    { method: 'OPTIONS', path: WIDGET_PREFLIGHT_PATH },
  ].map((e) => `${e.method} ${e.path}`),
);

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

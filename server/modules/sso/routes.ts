import type { FastifyInstance, FastifyReply } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import { cookieNames } from '../../platform/http/cookies.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { startSession } from '../auth/routes.ts';
import { testSsoConnection, updateSsoSettings } from './commands/settings.ts';
import { completeSsoSignIn, SSO_LOGIN_MINUTES, SsoFailed, startSsoSignIn } from './commands/sign-in.ts';
import { ssoPolicy } from './policies.ts';
import { presentSsoOptions, presentSsoSettings } from './presenters.ts';
import { loadSsoSettings } from './queries.ts';

const ssoCookie = (ctx: AppContext) => `${cookieNames(ctx.config).session.replace('session', 'sso')}`;

function setSsoCookie(ctx: AppContext, reply: FastifyReply, value: string, maxAge: number) {
  // Lax: the provider sends the browser back with a top-level GET, which Lax cookies ride.
  reply.setCookie(ssoCookie(ctx), value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge,
  });
}

/** Browser navigations get pages, not JSON: failures land on the sign-in page with a reason. */
function toSignInPage(reply: FastifyReply, reason: string) {
  return reply.redirect(`/sign-in?sso_error=${encodeURIComponent(reason)}`, 303);
}

export function registerSsoRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.getSsoOptions, async () => presentSsoOptions(ctx, await loadSsoSettings(ctx.db)));

  route(app, ctx, api.startSso, async ({ query, meta, reply }) => {
    try {
      const { location, browserToken } = await startSsoSignIn(ctx, { returnTo: query.returnTo, meta });
      setSsoCookie(ctx, reply, browserToken, SSO_LOGIN_MINUTES * 60);
      reply.header('cache-control', 'no-store').redirect(location, 303);
    } catch (err) {
      if (err instanceof SsoFailed) return void toSignInPage(reply, err.reason);
      if (err instanceof AppError && err.code === 'rate_limited')
        return void toSignInPage(reply, 'rate_limited');
      throw err;
    }
  });

  route(app, ctx, api.ssoCallback, async ({ query, meta, actor, req, reply }) => {
    const browserToken = req.cookies[ssoCookie(ctx)];
    setSsoCookie(ctx, reply, '', 0);
    reply.header('cache-control', 'no-store');
    try {
      const { userId, session, returnTo } = await completeSsoSignIn(ctx, {
        code: query.code,
        state: query.state,
        error: query.error,
        browserToken,
        meta,
        previousSessionId: actor?.sessionId ?? null,
      });
      await startSession(ctx, req, reply, userId, session);
      reply.redirect(returnTo, 303);
    } catch (err) {
      if (err instanceof SsoFailed) return void toSignInPage(reply, err.reason);
      if (err instanceof AppError && err.code === 'rate_limited')
        return void toSignInPage(reply, 'rate_limited');
      throw err;
    }
  });

  route(app, ctx, api.getSsoSettings, async ({ actor }) => {
    authorize(ssoPolicy.canManage(actor));
    return presentSsoSettings(ctx, await loadSsoSettings(ctx.db));
  });

  route(app, ctx, api.updateSsoSettings, async ({ actor, body, meta }) => {
    authorize(ssoPolicy.canManage(actor));
    await updateSsoSettings(ctx, { actor, body, meta });
    return presentSsoSettings(ctx, await loadSsoSettings(ctx.db));
  });

  route(app, ctx, api.testSsoConnection, async ({ actor, meta }) => {
    authorize(ssoPolicy.canManage(actor));
    return testSsoConnection(ctx, { actor, meta });
  });
}

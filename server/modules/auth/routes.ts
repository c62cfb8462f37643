import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import type { NewSession } from '../../platform/auth/sessions.ts';
import { notFound } from '../../platform/errors.ts';
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from '../../platform/http/cookies.ts';
import { route } from '../../platform/http/route.ts';
import { newToken } from '../../platform/tokens.ts';
import { loadMe } from '../people/me.ts';
import { changePassword, completePasswordReset, requestPasswordReset } from './commands/passwords.ts';
import { isSetUp, setUpOrganisation } from './commands/setup.ts';
import { signIn } from './commands/sign-in.ts';
import { signOut, signOutEverywhere } from './commands/sign-out.ts';

/**
 * Hands a new session to the browser. The CSRF token is rotated with it, so a token
 * planted or seen before sign-in is worthless after.
 */
export async function startSession(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  session: NewSession,
) {
  setSessionCookie(reply, ctx.config, session.token, session.expiresAt);
  req.csrfToken = newToken();
  setCsrfCookie(reply, ctx.config, req.csrfToken);
  const me = await loadMe(ctx.db, userId);
  if (!me) throw notFound('User');
  return me;
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, api.getSession, async ({ actor, req }) => {
    const [organisation, user] = await Promise.all([
      ctx.db.selectFrom('organisation').select(['name', 'default_locale']).executeTakeFirst(),
      actor ? loadMe(ctx.db, actor.id) : undefined,
    ]);
    return {
      setupRequired: !organisation,
      setupTokenRequired: !organisation && ctx.config.SETUP_TOKEN !== undefined,
      organisation: organisation
        ? { name: organisation.name, defaultLocale: organisation.default_locale }
        : null,
      user: user ?? null,
      csrfToken: req.csrfToken,
    };
  });

  route(app, ctx, api.setup, async ({ body, meta, req, reply }) => {
    const { userId, session } = await setUpOrganisation(ctx, body, meta);
    return startSession(ctx, req, reply, userId, session);
  });

  route(app, ctx, api.signIn, async ({ body, meta, actor, req, reply }) => {
    if (!(await isSetUp(ctx))) throw notFound('Organisation');
    const { userId, session } = await signIn(ctx, {
      ...body,
      meta,
      previousSessionId: actor?.sessionId ?? null,
    });
    return startSession(ctx, req, reply, userId, session);
  });

  route(app, ctx, api.signOut, async ({ actor, reply }) => {
    await signOut(ctx, actor);
    clearSessionCookie(reply, ctx.config);
  });

  route(app, ctx, api.signOutEverywhere, async ({ actor, meta, reply }) => {
    await signOutEverywhere(ctx, actor, meta);
    clearSessionCookie(reply, ctx.config);
  });

  route(app, ctx, api.changePassword, async ({ actor, body, meta }) => {
    await changePassword(ctx, { actor, ...body, meta });
  });

  route(app, ctx, api.requestPasswordReset, async ({ body, meta }) => {
    await requestPasswordReset(ctx, body.email, meta);
  });

  route(app, ctx, api.completePasswordReset, async ({ body, meta }) => {
    await completePasswordReset(ctx, { ...body, meta });
  });
}

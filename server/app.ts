// Builds the Fastify app from a context. main.ts and the tests both use it, so what the
// tests exercise is exactly what runs in production.
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import { ping } from './db/database.ts';
import { registerAdminRoutes } from './modules/admin/routes.ts';
// ambassadors
import { registerAmbassadorRoutes } from './modules/ambassadors/routes.ts';
import { registerAnalyticsRoutes } from './modules/analytics/routes.ts';
import { registerAttachmentRoutes } from './modules/attachments/routes.ts';
import { registerAuthRoutes } from './modules/auth/routes.ts';
// care: channels
import { registerCareChannelRoutes } from './modules/care/channel-routes.ts';
// care: feeds
import { registerCareConnectorRoutes } from './modules/care/channels/connector/routes.ts';
import { registerWidgetRoutes } from './modules/care/channels/widget/routes.ts';
// care: inbox
import { registerCareInboxRoutes } from './modules/care/inbox-routes.ts';
// care: insight
import { registerCareInsightRoutes } from './modules/care/insight-routes.ts';
import { registerContentRuleRoutes } from './modules/content-rules/routes.ts';
import { registerEventRoutes } from './modules/events/routes.ts';
import { registerExternalRoutes } from './modules/external/routes.ts';
// ideas
import { registerIdeasRoutes } from './modules/ideas/routes.ts';
import { registerInvitationRoutes } from './modules/invitations/routes.ts';
import { registerKnowledgeRoutes } from './modules/knowledge/routes.ts';
import { registerModerationRoutes } from './modules/moderation/routes.ts';
import { registerNotificationRoutes } from './modules/notifications/routes.ts';
import { registerProfileRoutes } from './modules/people/profile-routes.ts';
import { registerPeopleRoutes } from './modules/people/routes.ts';
import { registerPrivacyRoutes } from './modules/privacy/routes.ts';
import { registerRetentionRoutes } from './modules/retention/routes.ts';
import { registerSearchRoutes } from './modules/search/routes.ts';
import { registerSpaceRoutes } from './modules/spaces/routes.ts';
import { registerSsoRoutes } from './modules/sso/routes.ts';
import { registerQuestionRoutes } from './modules/stream/question-routes.ts';
import { registerStreamRoutes } from './modules/stream/routes.ts';
import { registerErrorHandling } from './platform/http/error-handler.ts';
import { registerRequestHooks } from './platform/http/hooks.ts';
import { registerJsonBodyParser } from './platform/http/json-body.ts';
import { buildOpenApi } from './platform/http/openapi.ts';
import { registeredEndpoints } from './platform/http/route.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { registerLiveRoute } from './platform/realtime/route.ts';
import { VERSION } from './version.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    // Keep a caller's request id (load balancer, client) when it looks like one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });

  // The API speaks JSON only; anything else is 415 rather than a string body to misparse.
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: ctx.config.secureCookies
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  registerErrorHandling(app);
  registerRequestHooks(app, ctx);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    // API answers are personal and live; a file download says its own caching.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await ping(ctx.db);
      return { status: 'ready', database: ctx.dbKind };
    } catch (error) {
      ctx.logger.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', database: ctx.dbKind });
    }
  });

  registerAuthRoutes(app, ctx);
  registerPeopleRoutes(app, ctx);
  registerProfileRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerContentRuleRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);
  registerSpaceRoutes(app, ctx);
  registerExternalRoutes(app, ctx);
  registerStreamRoutes(app, ctx);
  registerQuestionRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerKnowledgeRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerRetentionRoutes(app, ctx);
  registerSsoRoutes(app, ctx);
  registerModerationRoutes(app, ctx);
  registerAnalyticsRoutes(app, ctx);
  registerCareInboxRoutes(app, ctx); // care: inbox
  // care: feeds
  registerCareConnectorRoutes(app, ctx);
  // care: insight
  registerCareInsightRoutes(app, ctx);
  // care: channels
  registerCareChannelRoutes(app, ctx);
  registerWidgetRoutes(app, ctx);
  // ambassadors
  registerAmbassadorRoutes(app, ctx);
  registerIdeasRoutes(app, ctx); // ideas
  await app.register(fastifyMultipart, {
    limits: { fileSize: ctx.config.MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 5, parts: 6 },
  });
  registerAttachmentRoutes(app, ctx);
  await registerLiveRoute(app, ctx);

  let openapi: unknown;
  app.get('/api/openapi.json', async () => {
    openapi ??= buildOpenApi(registeredEndpoints(ctx), {
      version: VERSION,
      serverUrl: ctx.config.PUBLIC_URL,
    });
    return openapi;
  });

  await registerWebApp(app, ctx);
  return app;
}

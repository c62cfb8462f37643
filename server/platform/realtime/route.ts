// GET /api/v1/live: the WebSocket the web app listens on. The upgrade is refused (before
// any socket exists) without a live session, or from a page of another origin — a
// cross-site page could otherwise open it with the person's cookie.
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { LIVE_PATH } from '../../../common/live.ts';
import type { AppContext } from '../../context.ts';
import { AppError, unauthenticated } from '../errors.ts';
import { LiveHub } from './hub.ts';

export async function registerLiveRoute(app: FastifyInstance, ctx: AppContext): Promise<LiveHub> {
  const hub = new LiveHub(ctx);
  await app.register(fastifyWebsocket, { options: { maxPayload: 1024 } });
  app.addHook('onClose', async () => hub.close());
  const allowedOrigin = () => new URL(ctx.config.PUBLIC_URL).origin;
  app.get(
    LIVE_PATH,
    {
      websocket: true,
      preValidation: async (req) => {
        if (req.headers.origin !== allowedOrigin()) {
          throw new AppError(
            403,
            'forbidden',
            `WebSocket connections are accepted from ${allowedOrigin()} only.`,
          );
        }
        if (!req.actor) throw unauthenticated();
      },
    },
    async (socket, req) => {
      const actor = req.actor!;
      await hub.connect(socket, { id: actor.id, role: actor.role }, actor.sessionId);
    },
  );
  return hub;
}

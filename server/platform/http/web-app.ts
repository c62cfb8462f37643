// Serves the built web app: hashed assets cached for a year, index.html never cached,
// and every other GET outside /api answered with index.html (the app routes itself).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { notFound } from '../errors.ts';

export async function registerWebApp(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const dir = ctx.config.WEB_DIST_DIR;
  const indexFile = path.join(dir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: dir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders: (reply, file) => {
        const immutable = file.startsWith(path.join(dir, 'assets') + path.sep);
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    ctx.logger.warn({ dir }, 'web app not built: run `npm run build:web` (npm start does it for you)');
  }

  app.setNotFoundHandler(async (req, reply) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/');
    if (!isPage) throw notFound('Route');
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The Trame web app is not built yet. Run `npm run build:web`, or start with `npm start`.\n');
    }
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(fs.createReadStream(indexFile));
  });
}

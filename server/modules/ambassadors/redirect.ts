// The tracked link /r/{code}: outside /api, public, and fast — one statement finds the link of
// a published, current kit and writes the click. It forwards only to the target the kit's
// manager wrote, with UTM parameters; nothing in the request decides where it goes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { enforce, type Rule } from '../../platform/rate-limit.ts';
import { followLink, linkExists } from './queries.ts';

// Generous for people behind one office address, tight for a script inflating clicks.
export const REDIRECT_LIMIT: Rule = { name: 'ambassador-redirect:ip', limit: 120, windowSeconds: 60 };
const CODE = /^[A-Za-z0-9_-]{6,32}$/;

export function forwardTo(target: string, link: { slug: string; network: string }, code: string): string {
  const url = new URL(target);
  url.searchParams.set('utm_source', link.network);
  url.searchParams.set('utm_medium', 'ambassador');
  url.searchParams.set('utm_campaign', link.slug);
  url.searchParams.set('utm_content', code);
  return url.toString();
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

export function registerRedirectRoute(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Params: { code: string } }>('/r/:code', async (req, reply) => {
    await enforce(ctx.limiter, [[REDIRECT_LIMIT, req.ip]]); // 429 with Retry-After past the budget
    const code = req.params.code;
    const wellFormed = CODE.test(code);
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const link = wellFormed ? await followLink(ctx.db, code, ctx.clock.now()) : undefined;
    if (link) return reply.redirect(forwardTo(link.target_url, link, code), 302);
    if (wellFormed && (await linkExists(ctx.db, code)))
      return reply
        .code(410)
        .type('text/html')
        .send(page('Link expired · Lien expiré', 'This campaign has ended. · Cette campagne est terminée.'));
    return reply
      .code(404)
      .type('text/html')
      .send(page('Link not found · Lien introuvable', 'This link does not exist. · Ce lien n’existe pas.'));
  });
}

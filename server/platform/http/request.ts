// What Trame attaches to each request: the signed-in actor (if any) and the CSRF token.
import type { FastifyRequest } from 'fastify';
import type { Locale, Role } from '../../db/schema.ts';
import type { RequestMeta } from '../audit.ts';

export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string;
  }
}

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

export function actorRef(actor: Actor): { id: string; label: string } {
  return { id: actor.id, label: `${actor.name} <${actor.email}>` };
}

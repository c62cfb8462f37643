// Registers one endpoint of common/api.ts: validates params, query and body with its zod
// schemas (errors name the field), requires a session when the endpoint says so, runs the
// handler and sends its result with the endpoint's status. Handlers stay thin: they call
// a policy, then a command or a query, then a presenter.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { BodyOut, Endpoint, ParamsOut, QueryOut, ResponseOf } from '../../../common/endpoint.ts';
import { toFieldIssues } from '../../../common/validation.ts';
import type { AppContext } from '../../context.ts';
import type { RequestMeta } from '../audit.ts';
import { AppError, unauthenticated, ValidationError } from '../errors.ts';
import { enforce, writeChecks } from '../rate-limit.ts';
import { withReaderLocale } from './reader-locale.ts';
import { type Actor, requestMeta } from './request.ts';

export interface HandlerInput<E extends Endpoint> {
  body: BodyOut<E>;
  query: QueryOut<E>;
  params: ParamsOut<E>;
  actor: E['access'] extends 'signed-in' ? Actor : Actor | null;
  meta: RequestMeta;
  req: FastifyRequest;
  reply: FastifyReply;
}

// A handler of a 204 endpoint simply returns nothing.
type HandlerResult<E extends Endpoint> = E['response'] extends null
  ? // biome-ignore lint/suspicious/noConfusingVoidType: "returns nothing" is exactly void here.
    void
  : ResponseOf<E>;

export type Handler<E extends Endpoint> = (input: HandlerInput<E>) => Promise<HandlerResult<E>>;

// The endpoints each app registered (keyed by its context), for the OpenAPI document.
const registered = new WeakMap<AppContext, Endpoint[]>();
export const registeredEndpoints = (ctx: AppContext): Endpoint[] => registered.get(ctx) ?? [];

/** Where a NUL character hides in a value, if anywhere: PostgreSQL text cannot hold one. */
function nulAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      const found = nulAt(inner, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  return null;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  // Refused here, once, rather than failing deep in the database as a 500.
  const nul = nulAt(value, '');
  if (nul !== null)
    throw new ValidationError([
      { field: nul || where, reason: 'invalid', message: 'Contains a NUL character.' },
    ]);
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    const issues = toFieldIssues(result.error, value);
    throw new ValidationError(
      issues.length > 0 ? issues : [{ field: where, reason: 'invalid', message: 'Invalid request.' }],
    );
  }
  return result.data;
}

export interface RouteOptions<E extends Endpoint> {
  /**
   * Authenticates a request that carries no session (a signed webhook) before its query and
   * body are validated: after the rate limit and the path parameters, so an unsigned request
   * is refused as such (401) whatever its body.
   */
  authenticate?: (req: FastifyRequest, params: ParamsOut<E>) => Promise<void>;
}

export function route<E extends Endpoint>(
  app: FastifyInstance,
  ctx: AppContext,
  endpoint: E,
  handler: Handler<E>,
  options: RouteOptions<E> = {},
): void {
  const list = registered.get(ctx) ?? [];
  registered.set(ctx, [...list, endpoint]);
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    handler: async (req, reply) => {
      if (endpoint.access === 'signed-in' && !req.actor) throw unauthenticated();
      if (endpoint.method !== 'GET')
        await enforce(
          ctx.limiter,
          writeChecks(endpoint.rateLimit, {
            actorId: req.actor?.id ?? null,
            ip: req.ip,
            params: (req.params ?? {}) as Record<string, unknown>,
          }),
        );
      const params = parse(endpoint.params, req.params, 'params') as ParamsOut<E>;
      if (options.authenticate) await options.authenticate(req, params);
      const input = {
        params,
        query: parse(endpoint.query, req.query, 'query'),
        body: parse(endpoint.body, req.body, 'body'),
        actor: req.actor,
        meta: requestMeta(req),
        req,
        reply,
      } as HandlerInput<E>;
      // Presenters read the reader's language (a former employee's name) from here.
      const result = await withReaderLocale(req.actor?.locale ?? 'en', () => handler(input));
      if (endpoint.raw) return reply;
      if (endpoint.response === null) {
        return reply.code(endpoint.status ?? 204).send();
      }
      if (ctx.checkResponses) {
        const checked = endpoint.response.safeParse(result);
        if (!checked.success) {
          throw new AppError(
            500,
            'internal',
            `Response of ${endpoint.operationId} breaks its schema: ${checked.error.message}`,
          );
        }
      }
      return reply.code(endpoint.status ?? 200).send(result);
    },
  });
}

// The OpenAPI 3.1 document, generated from the same endpoint table and zod schemas the
// server validates with, so it cannot drift. Security tests discover routes from it.
import { z } from 'zod';
import type { Endpoint } from '../../../common/endpoint.ts';
import { WRITE_BUDGET } from '../rate-limit.ts';

const toSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
const toOutputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;

const ErrorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const json = toSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function buildOpenApi(endpoints: Endpoint[], info: { version: string; serverUrl: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const path = e.path.replace(/:(\w+)/g, '{$1}');
    const status = String(e.status ?? (e.response ? 200 : 204));
    paths[path] ??= {};
    paths[path][e.method.toLowerCase()] = {
      operationId: e.operationId,
      summary: e.summary,
      tags: e.tags,
      'x-trame-access': e.access,
      // Every write counts against a budget (route.ts): its own when it declares one, else the
      // general write budget; besides any tighter rule of its own.
      ...(e.method === 'GET' ? {} : { 'x-trame-rate-limit': e.rateLimit ?? WRITE_BUDGET }),
      security: e.access === 'public' ? [] : [{ session: [] }],
      parameters: [...parameters(e.params, 'path'), ...parameters(e.query, 'query')],
      ...(e.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(e.body) } } } }
        : {}),
      responses: {
        [status]: e.response
          ? {
              description: 'Success',
              content: { 'application/json': { schema: toOutputSchema(e.response) } },
            }
          : { description: 'Success, no content' },
        default: { description: 'Error', content: { 'application/json': { schema: ErrorSchema } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Trame API',
      version: info.version,
      description:
        'Every state-changing request needs the X-CSRF-Token header, equal to the trame_csrf cookie ' +
        '(GET /api/v1/session sets it and returns it as csrfToken) — except the care connector webhook, ' +
        'which takes no session and is signed instead (x-trame-signature, see docs/care.md).',
    },
    servers: [{ url: info.serverUrl }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'trame_session' } },
    },
    paths,
  };
}

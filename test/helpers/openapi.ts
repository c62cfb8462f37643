// The routes the server documents in /api/openapi.json, for suites that must cover every
// route — including ones added after the suite was written.
import type { RateBudget } from '../../common/endpoint.ts';
import type { TestClient } from './client.ts';

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export type JsonSchema = Record<string, any>;

export interface Operation {
  method: string;
  /** With {name} placeholders for path parameters. */
  path: string;
  operationId: string;
  access: 'public' | 'signed-in';
  parameters: Parameter[];
  body?: JsonSchema;
  /** The write budget it spends (x-trame-rate-limit): its own, or the general one. */
  rateLimit?: RateBudget;
}

export async function operationsOf(client: TestClient): Promise<Operation[]> {
  const doc = (await client.get('/api/openapi.json')).body;
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths))
    for (const [method, op] of Object.entries<any>(methods))
      out.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId,
        access: op['x-trame-access'],
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        rateLimit: op['x-trame-rate-limit'],
      });
  return out;
}

/** The path with each {name} replaced by its value (URL-encoded). */
export const fillPath = (path: string, values: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));

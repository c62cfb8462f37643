// An endpoint is described once — method, path, schemas, who may call it — and used by
// the server (to register, validate and document the route) and by the web client (to call it).
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A write route's own request budget, used instead of the general write budget (600 a minute
 * per account, or per client IP when signed out). `perParam` counts per value of that path
 * parameter (a connector channel) instead, and `perIp` then still bounds each client IP.
 * Published in /api/openapi.json as x-trame-rate-limit.
 */
export interface RateBudget {
  name: string;
  limit: number;
  windowSeconds: number;
  perParam?: string;
  perIp?: number;
}

/** public: anyone; signed-in: any active account (the domain policy then decides). */
export type Access = 'public' | 'signed-in';

export interface Endpoint<
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | null = z.ZodType | null,
  A extends Access = Access,
> {
  method: Method;
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  access: A;
  body?: B;
  query?: Q;
  params?: P;
  /** Schema of the success body, or null for 204 No Content (or a raw reply). */
  response: R;
  /** The handler writes the reply itself (file downloads); response is null. */
  raw?: boolean;
  status?: number;
  /** Writes only: a budget of its own instead of the general write budget. */
  rateLimit?: RateBudget;
}

export function endpoint<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  R extends z.ZodType | null = null,
  A extends Access = Access,
>(e: Endpoint<B, Q, P, R, A>): Endpoint<B, Q, P, R, A> {
  return e;
}

// An absent schema (an optional property left out) reads as never: it means "no input".
type Present<S> = Exclude<S, undefined>;
type In<S> = [Present<S>] extends [never]
  ? undefined
  : Present<S> extends z.ZodType
    ? z.input<Present<S>>
    : undefined;
type Out<S> = [Present<S>] extends [never]
  ? undefined
  : Present<S> extends z.ZodType
    ? z.output<Present<S>>
    : undefined;

export type BodyIn<E extends Endpoint> = In<E['body']>;
export type QueryIn<E extends Endpoint> = In<E['query']>;
export type ParamsIn<E extends Endpoint> = In<E['params']>;
export type BodyOut<E extends Endpoint> = Out<E['body']>;
export type QueryOut<E extends Endpoint> = Out<E['query']>;
export type ParamsOut<E extends Endpoint> = Out<E['params']>;
export type ResponseOf<E extends Endpoint> = E['response'] extends z.ZodType
  ? z.output<E['response']>
  : undefined;

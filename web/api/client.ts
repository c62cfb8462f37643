// The one way the web app talks to the API: typed by the endpoint table in common/api.ts.
// It fills `:id` path parameters, serialises the query string, attaches the CSRF token to
// writes, and turns error answers into ApiError so pages can react by `code`.
import { api } from '../../common/api.ts';
import type { BodyIn, Endpoint, ParamsIn, QueryIn, ResponseOf } from '../../common/endpoint.ts';
import type { ErrorCode, FieldIssue } from '../../common/errors.ts';

/** Codes the API answers with, plus the two the client itself can produce. */
export type ClientErrorCode = ErrorCode | 'network_error' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field issues of a `validation_failed` answer (empty otherwise). */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }

  /** Seconds to wait, for `rate_limited`. */
  get retryAfterSeconds(): number | null {
    const value = (this.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Part<K extends string, T, Optional extends boolean> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T };

export type CallOptions<E extends Endpoint> = Part<'params', ParamsIn<E>, false> &
  Part<'query', QueryIn<E>, true> &
  Part<'body', BodyIn<E>, false> & { signal?: AbortSignal };

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type CallArgs<E extends Endpoint> = [RequiredKeys<CallOptions<E>>] extends [never]
  ? [options?: CallOptions<E>]
  : [options: CallOptions<E>];

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CSRF_COOKIES = ['__Host-trame_csrf', 'trame_csrf'];

let lastCsrfToken: string | null = null;

/** Remember the token the session endpoint echoed, for when the cookie cannot be read. */
export function rememberCsrfToken(token: string): void {
  lastCsrfToken = token;
}

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}

export function csrfToken(): string | null {
  const cookies = typeof document === 'undefined' ? '' : document.cookie;
  for (const name of CSRF_COOKIES) {
    const value = readCookie(cookies, name);
    if (value) return value;
  }
  return lastCsrfToken;
}

/** `/api/v1/users/:id/role` + `{ id }` → `/api/v1/users/<id>/role`. */
export function buildPath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`Missing path parameter "${name}"`);
    return encodeURIComponent(String(value));
  });
}

/** `{ q: 'ada', cursor: undefined }` → `?q=ada`; undefined, null and '' are left out. */
export function buildQuery(query?: Record<string, unknown>): string {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function send(endpoint: Endpoint, options: CallOptions<Endpoint>): Promise<Response> {
  const url =
    buildPath(endpoint.path, options.params as Record<string, unknown> | undefined) +
    buildQuery(options.query as Record<string, unknown> | undefined);
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = options.body !== undefined;
  // No content-type without a body: the server rejects an empty JSON body.
  if (hasBody) headers['content-type'] = 'application/json';
  if (!SAFE_METHODS.has(endpoint.method)) {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  try {
    return await fetch(url, {
      method: endpoint.method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'Network error');
  }
}

export async function readError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): fall through to a generic error.
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      response.status,
      error.code as ClientErrorCode,
      typeof error.message === 'string' ? error.message : response.statusText,
      error.details,
    );
  }
  return new ApiError(
    response.status,
    response.status >= 500 ? 'internal' : 'bad_response',
    `HTTP ${response.status} ${response.statusText}`,
  );
}

/** Call one endpoint of `api`. Resolves with its response body (undefined for 204). */
export async function call<E extends Endpoint>(
  endpoint: E,
  ...[options]: CallArgs<E>
): Promise<ResponseOf<E>> {
  const opts = (options ?? {}) as CallOptions<Endpoint>;
  let response = await send(endpoint, opts);
  if (response.status === 403 && !SAFE_METHODS.has(endpoint.method)) {
    const error = await readError(response.clone());
    if (error.code === 'csrf_failed') {
      // The CSRF cookie may have been missing or rotated: a GET sets a fresh one; retry once.
      await refreshCsrfToken();
      response = await send(endpoint, opts);
    }
  }
  if (!response.ok) throw await readError(response);
  if (response.status === 204) return undefined as ResponseOf<E>;
  const text = await response.text();
  if (!text) return undefined as ResponseOf<E>;
  try {
    return JSON.parse(text) as ResponseOf<E>;
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The server sent a response that is not JSON.');
  }
}

export async function refreshCsrfToken(): Promise<void> {
  try {
    const response = await fetch(api.getSession.path, {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return;
    const body = (await response.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken === 'string') rememberCsrfToken(body.csrfToken);
  } catch {
    // Keep the original error: the retry will report it.
  }
}

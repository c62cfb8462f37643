// An HTTP client that behaves like a browser tab: it keeps cookies, fetches the CSRF
// cookie before its first write and echoes it, and comes from its own (forwarded) IP.
import type { Endpoint } from '../../common/endpoint.ts';

export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  setCookies: string[];
}

let ipCounter = 0;
const nextIp = () => {
  ipCounter++;
  return `10.${(process.pid >> 8) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

export class TestClient {
  readonly cookies = new Map<string, string>();
  ip: string;

  constructor(
    readonly baseUrl: string,
    options: { ip?: string } = {},
  ) {
    this.ip = options.ip ?? nextIp();
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name) ?? this.cookies.get(`__Host-${name}`);
  }

  async request(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<Response> {
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && options.csrf !== false && !this.cookie('trame_csrf'))
      await this.request('GET', '/api/v1/session');
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (unsafe && options.csrf !== false) headers['x-csrf-token'] = this.cookie('trame_csrf') ?? '';
    let body: string | undefined;
    if (options.rawBody !== undefined) body = options.rawBody;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=thu, 01 jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text, setCookies };
  }

  /** Calls an endpoint of common/api.ts by its description. */
  call(
    endpoint: Endpoint,
    input: {
      params?: Record<string, string>;
      query?: Record<string, string | number | undefined>;
      body?: unknown;
    } = {},
  ): Promise<Response> {
    let path = endpoint.path.replace(/:(\w+)/g, (_, name: string) =>
      encodeURIComponent(input.params?.[name] ?? ''),
    );
    const query = Object.entries(input.query ?? {}).filter(([, v]) => v !== undefined);
    if (query.length > 0) path += `?${new URLSearchParams(query.map(([k, v]) => [k, String(v)])).toString()}`;
    return this.request(endpoint.method, path, { body: input.body });
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, { body });
  }
}

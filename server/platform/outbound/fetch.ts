// The only way the server fetches a URL someone gave it (link previews, single sign-on,
// care feeds and connector replies). It resolves the host itself, refuses any non-global
// address (see addresses.ts), then connects to exactly the address it checked — so a DNS
// answer that changes between check and connect cannot smuggle a private address in — and
// does it again for every redirect. Bodies and time are bounded; no cookies, no credentials.
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { isPublicAddress } from './addresses.ts';

export class OutboundRefused extends Error {}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export interface OutboundOptions {
  /** Hosts an operator allowed although private (OUTBOUND_ALLOW_HOSTS). */
  allowHosts?: string[];
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Content types accepted (prefix match); others are refused before the body is read. */
  accept?: string[];
  /** Tests resolve names their own way; production asks the system resolver. */
  resolve?: Resolver;
  /** GET by default; a POST (an OpenID token request) is never redirected. */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  userAgent?: string;
}

export interface OutboundResponse {
  url: string;
  status: number;
  contentType: string;
  /** The final response's headers (a feed's ETag and Last-Modified, for the next conditional GET). */
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
}

const USER_AGENT = 'TrameLinkPreview/1.0 (+https://github.com/trame)';
const systemResolve: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

async function checkedAddress(
  url: URL,
  options: OutboundOptions,
): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new OutboundRefused(`Only http and https links are fetched (${url.protocol}).`);
  }
  if (url.username || url.password) throw new OutboundRefused('Links with credentials are not fetched.');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = options.allowHosts?.includes(host) ?? false;
  const addresses = net.isIP(host)
    ? [{ address: host, family: net.isIP(host) }]
    : await (options.resolve ?? systemResolve)(host).catch(() => {
        throw new OutboundRefused(`${host} does not resolve.`);
      });
  if (addresses.length === 0) throw new OutboundRefused(`${host} does not resolve.`);
  // Every address must be acceptable: the connection could otherwise land on any of them.
  if (!allowed && addresses.some((a) => !isPublicAddress(a.address))) {
    throw new OutboundRefused(`${host} resolves to an address Trame does not fetch from.`);
  }
  return addresses[0]!;
}

function requestOnce(
  url: URL,
  target: { address: string; family: number },
  signal: AbortSignal,
  options: OutboundOptions,
): Promise<http.IncomingMessage> {
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: options.method ?? 'GET',
        signal,
        headers: {
          'user-agent': options.userAgent ?? USER_AGENT,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          ...options.headers,
        },
        // Pin the connection to the address we checked.
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (opts?.all) cb(null, [target]);
          else cb(null, target.address, target.family);
        }) as unknown as typeof import('node:dns').lookup,
        agent: false,
      },
      resolve,
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export async function outboundFetch(input: string, options: OutboundOptions = {}): Promise<OutboundResponse> {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new OutboundRefused('Not a valid URL.');
  }
  for (let hop = 0; ; hop++) {
    const target = await checkedAddress(url, options);
    const res = await requestOnce(url, target, signal, options);
    const location = res.headers.location;
    if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
      res.resume();
      const maxRedirects = options.method === 'POST' ? 0 : (options.maxRedirects ?? 5);
      if (hop >= maxRedirects) throw new OutboundRefused('Too many redirects.');
      url = new URL(location, url);
      continue;
    }
    const contentType = String(res.headers['content-type'] ?? '').toLowerCase();
    if (options.accept && !options.accept.some((t) => contentType.startsWith(t))) {
      res.destroy();
      throw new OutboundRefused(`Not a web page (${contentType || 'no content type'}).`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of res) {
      const buffer = chunk as Buffer;
      if (size + buffer.length > maxBytes) {
        chunks.push(buffer.subarray(0, maxBytes - size));
        truncated = true;
        res.destroy();
        break;
      }
      chunks.push(buffer);
      size += buffer.length;
    }
    return {
      url: url.toString(),
      status: res.statusCode ?? 0,
      contentType,
      headers: res.headers,
      body: Buffer.concat(chunks),
      truncated,
    };
  }
}

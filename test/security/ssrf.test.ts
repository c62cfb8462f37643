// The outbound guard: the server never fetches a private address for anyone — not by
// literal, not by a name resolving to one, not through a redirect — unless an operator
// allowed that host. Every case runs against a web peer on loopback only: an address that
// is not loopback is refused by the guard before any connection (the refusal is its
// decision, OutboundRefused, not a network error), so no traffic leaves the machine.
// Webhooks do not exist yet; when they do, they must go through the same guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundRefused, outboundFetch } from '../../server/platform/outbound/fetch.ts';
import { htmlPage, startWebPeer, type WebPeer } from '../helpers/web-peer.ts';

/** Every spelling of a forbidden address, as a link (port given for loopback ones). */
const FORBIDDEN = (port: string) => [
  // loopback, in decimal, octal, hex, short and mixed forms
  `http://127.1:${port}/page`,
  `http://0177.0.0.1:${port}/page`,
  `http://017700000001:${port}/page`,
  `http://0x7f000001:${port}/page`,
  `http://0x7f.0x0.0x0.0x1:${port}/page`,
  `http://127.0.0.255:${port}/page`,
  `http://0:${port}/page`,
  `http://0.0.0.0:${port}/page`,
  // IPv4-mapped and -embedding IPv6
  `http://[::ffff:7f00:1]:${port}/page`,
  `http://[0:0:0:0:0:ffff:127.0.0.1]:${port}/page`,
  `http://[::127.0.0.1]:${port}/page`,
  `http://[64:ff9b::7f00:1]:${port}/page`,
  `http://[::ffff:a9fe:a9fe]/latest/meta-data/`,
  // cloud metadata, in every spelling
  'http://169.254.169.254/latest/meta-data/',
  'http://2852039166/latest/meta-data/',
  'http://0xa9fea9fe/latest/meta-data/',
  'http://0251.0376.0251.0376/latest/meta-data/',
  'http://169.254.43518/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  // private, link-local, shared and unique-local ranges
  'http://10.1/',
  'http://012.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://0xc0a80101/',
  'http://100.64.0.1/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
];

/** Where the loopback peer redirects to: each must stop the fetch at that hop. */
const REDIRECT_TARGETS: ((port: string) => string)[] = [
  (port) => `http://2130706433:${port}/page`,
  (port) => `http://0x7f.1:${port}/page`,
  (port) => `http://0177.1:${port}/page`,
  (port) => `http://[::ffff:7f00:1]:${port}/page`,
  () => 'http://0xa9fea9fe/latest/meta-data/',
  () => 'http://[::ffff:169.254.169.254]/latest/meta-data/',
  () => 'http://192.168.0.1/',
];

describe('outbound fetch guard', () => {
  let peer: WebPeer;
  let port: string;
  beforeAll(async () => {
    peer = await startWebPeer({
      '/page': htmlPage('<title>Local</title>'),
      '/to-private': (res) => res.writeHead(302, { location: `http://intranet.example:${port}/page` }).end(),
      '/to-metadata': (res) =>
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
      ...Object.fromEntries(
        REDIRECT_TARGETS.map((target, i) => [
          `/hop-${i}`,
          (res: import('node:http').ServerResponse) => res.writeHead(302, { location: target(port) }).end(),
        ]),
      ),
      '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
      '/big': htmlPage(`<title>Big</title>${'x'.repeat(300_000)}`),
      '/file': (res) => res.writeHead(200, { 'content-type': 'application/zip' }).end('PK'),
    });
    port = new URL(peer.url).port;
  });
  afterAll(async () => {
    await peer.close();
  });

  const refused = async (url: string, options = {}) => {
    const before = peer.hits.length;
    await expect(outboundFetch(url, options)).rejects.toBeInstanceOf(OutboundRefused);
    return peer.hits.length - before;
  };

  it('refuses loopback and private literals, in every spelling', async () => {
    for (const url of [
      `${peer.url}/page`,
      `http://localhost:${port}/page`,
      `http://2130706433:${port}/page`,
      `http://0x7f.1:${port}/page`,
      `http://[::ffff:127.0.0.1]:${port}/page`,
      `http://[::1]:${port}/page`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'file:///etc/passwd',
      'gopher://127.0.0.1/',
    ]) {
      expect([url, await refused(url)]).toEqual([url, 0]);
    }
  });

  it('refuses decimal, octal, hex, short, IPv4-mapped and metadata forms, without a connection', async () => {
    for (const url of FORBIDDEN(port)) {
      const before = peer.hits.length;
      const error = await outboundFetch(url).then(
        () => null,
        (e: unknown) => e,
      );
      expect([url, error instanceof OutboundRefused, peer.hits.length - before]).toEqual([url, true, 0]);
      expect((error as Error).message).toMatch(/address Trame does not fetch from/);
    }
  });

  it('refuses a redirect from an allowed loopback page to any of those forms, at that hop', async () => {
    // The operator allowed one name (the peer); an address literal is never that name.
    const allowHosts = ['peer.example'];
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    for (let i = 0; i < REDIRECT_TARGETS.length; i++) {
      const path = `/hop-${i}`;
      const before = peer.hits.filter((h) => h === path).length;
      const all = peer.hits.length;
      const error = await outboundFetch(`http://peer.example:${port}${path}`, { allowHosts, resolve }).then(
        () => null,
        (e: unknown) => e,
      );
      expect([path, error instanceof OutboundRefused]).toEqual([path, true]);
      // The peer saw the first hop only: the redirect target was never asked for.
      expect(peer.hits.filter((h) => h === path).length - before).toBe(1);
      expect(peer.hits.length - all).toBe(1);
    }
  });

  it('refuses a public-looking name that resolves to a private address', async () => {
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    expect(await refused(`http://news.example:${port}/page`, { resolve })).toBe(0);
    const mixed = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.1.2.3', family: 4 },
    ];
    expect(await refused('http://mixed.example/', { resolve: mixed })).toBe(0);
  });

  it('re-checks every redirect, and gives up on loops', async () => {
    const allowHosts = ['127.0.0.1'];
    const resolve = async (host: string) =>
      host === 'intranet.example'
        ? [{ address: '10.0.0.7', family: 4 }]
        : [{ address: '127.0.0.1', family: 4 }];
    expect(await refused(`${peer.url}/to-private`, { allowHosts, resolve })).toBe(1);
    expect(await refused(`${peer.url}/to-metadata`, { allowHosts })).toBe(1);
    expect(await refused(`${peer.url}/loop`, { allowHosts, maxRedirects: 3 })).toBe(4);
  });

  it('fetches an allowed host, bounds the body and refuses other content types', async () => {
    const allowHosts = ['127.0.0.1'];
    const page = await outboundFetch(`${peer.url}/page`, { allowHosts });
    expect(page.body.toString()).toBe('<title>Local</title>');
    const big = await outboundFetch(`${peer.url}/big`, { allowHosts, maxBytes: 1000 });
    expect(big).toMatchObject({ truncated: true });
    expect(big.body.length).toBe(1000);
    await expect(
      outboundFetch(`${peer.url}/file`, { allowHosts, accept: ['text/html'] }),
    ).rejects.toBeInstanceOf(OutboundRefused);
  });
});

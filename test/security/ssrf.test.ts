// The outbound guard: the server never fetches a private address for anyone — not by
// literal, not by a name resolving to one, not through a redirect — unless an operator
// allowed that host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundRefused, outboundFetch } from '../../server/platform/outbound/fetch.ts';
import { htmlPage, startWebPeer, type WebPeer } from '../helpers/web-peer.ts';

describe('outbound fetch guard', () => {
  let peer: WebPeer;
  let port: string;
  beforeAll(async () => {
    peer = await startWebPeer({
      '/page': htmlPage('<title>Local</title>'),
      '/to-private': (res) => res.writeHead(302, { location: `http://intranet.example:${port}/page` }).end(),
      '/to-metadata': (res) =>
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
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

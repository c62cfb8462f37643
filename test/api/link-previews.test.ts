// A link in a post gets a preview card, fetched in the background through the guard:
// plain text only, and never from a private address unless the operator allowed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { drainJobs, setUpOrganisation } from '../helpers/factories.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { person } from '../helpers/stream-fixtures.ts';
import { htmlPage, startWebPeer, type WebPeer } from '../helpers/web-peer.ts';

describe('link previews', () => {
  let peer: WebPeer;
  beforeAll(async () => {
    peer = await startWebPeer({
      '/aurore': htmlPage(`<html><head><title>ignored</title>
        <meta property="og:title" content="Gamme &lt;b&gt;Aurore&lt;/b&gt;<script>alert(1)</script>">
        <meta property="og:description" content="Des luminaires pour l'hôtellerie">
        <meta property="og:image" content="/aurore.png"><meta property="og:site_name" content="Atelier Lumen">
        </head></html>`),
    });
  });
  afterAll(async () => {
    await peer.close();
  });

  async function postWithLink(server: TestServer, url: string) {
    await setUpOrganisation(server);
    const author = await person(server);
    const created = await author.client.call(api.createPost, { body: { body: `À lire : ${url}` } });
    // Fetched in the background: the answer may come before or after the card is ready.
    expect(created.body.link.url).toBe(url);
    await drainJobs(server);
    return (await author.client.call(api.getPost, { params: { id: created.body.id } })).body.link;
  }

  it('turns an allowed page into a card of plain text', async () => {
    const server = await startServer({ env: { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' } });
    try {
      const link = await postWithLink(server, `${peer.url}/aurore`);
      expect(link).toEqual({
        url: `${peer.url}/aurore`,
        status: 'ready',
        title: 'Gamme Aurore alert(1)',
        description: "Des luminaires pour l'hôtellerie",
        imageUrl: `${peer.url}/aurore.png`,
        siteName: 'Atelier Lumen',
      });
    } finally {
      await server.close();
    }
  });

  it('never fetches a private address by default: the card fails, the page is never asked', async () => {
    const server = await startServer();
    try {
      const before = peer.hits.length;
      const link = await postWithLink(server, `${peer.url}/aurore`);
      expect(link).toMatchObject({ status: 'failed', title: null });
      expect(peer.hits.length).toBe(before);
    } finally {
      await server.close();
    }
  });
});

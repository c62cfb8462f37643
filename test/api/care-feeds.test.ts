// Review and mention feeds: a real local web server serves RSS 2.0 and Atom; the background
// job polls each feed when its interval has passed, each entry becomes a conversation once
// (tagged, its HTML stripped), a conditional GET answered 304 changes nothing, new entries
// add only themselves, and a broken feed keeps its error for administrators without
// stopping the others. A feed on a private address is never fetched unless allowed.
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedDriver } from '../../server/modules/care/channels/feed/driver.ts';
import { pollDueFeeds } from '../../server/modules/care/channels/feed/poll.ts';
import { driverFor } from '../../server/modules/care/channels/registry.ts';
import { newId } from '../../server/platform/ids.ts';
import { drainJobs } from '../helpers/factories.ts';
import { type TestServer, useServer } from '../helpers/server.ts';
import { startWebPeer, type WebPeer } from '../helpers/web-peer.ts';

const rssItem = (n: number, extra = '') => `
  <item>
    <title>Avis n° ${n} : lampe Aurore</title>
    <link>https://avis.example/lumen/${n}</link>
    <guid isPermaLink="false">avis-${n}</guid>
    <pubDate>Wed, 02 Dec 2026 0${n}:00:00 GMT</pubDate>
    ${extra}
  </item>`;

const RSS_ITEMS = [
  rssItem(
    1,
    `<dc:creator>Marie L.</dc:creator>
    <description>&lt;p&gt;Très &lt;b&gt;déçu&lt;/b&gt; &amp;amp; fâché&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>`,
  ),
  rssItem(
    2,
    '<description><![CDATA[<p>Livraison rapide, <em>merci</em> !</p><style>p{}</style>]]></description>',
  ),
];

const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Avis Lumen</title><link>https://avis.example/lumen</link>
  ${items.join('')}
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Mentions de Lumen</title>
  <author><name>Veille Lumen</name></author>
  <entry>
    <id>tag:mentions.example,2026:1</id>
    <title type="html">Lumen &amp;lt;3</title>
    <link rel="alternate" href="https://mentions.example/1"/>
    <author><name>Paul</name></author>
    <updated>2026-12-02T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Bon produit, &lt;a href="x"&gt;voir&lt;/a&gt;&lt;/p&gt;</content>
  </entry>
  <entry>
    <id>tag:mentions.example,2026:2</id>
    <title>Question sur la garantie</title>
    <link href="https://mentions.example/2"/>
    <updated>2026-12-02T11:00:00Z</updated>
    <summary>Texte simple &amp; clair</summary>
  </entry>
</feed>`;

describe('care: review and mention feeds', () => {
  const t = useServer({ env: { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' } });
  const db = () => t.server.ctx.db;
  let peer: WebPeer;
  let items = [...RSS_ITEMS];
  let etag = '"v1"';
  const answers: number[] = [];
  const ids = { rss: '', atom: '', broken: '', notXml: '' };

  beforeAll(async () => {
    peer = await startWebPeer({
      '/avis.rss': (res: http.ServerResponse, req: http.IncomingMessage) => {
        if (req.headers['if-none-match'] === etag) {
          answers.push(304);
          return res.writeHead(304, { etag }).end();
        }
        answers.push(200);
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rss(items));
      },
      '/mentions.atom': (res) =>
        res
          .writeHead(200, {
            'content-type': 'application/atom+xml',
            'last-modified': 'Wed, 02 Dec 2026 12:00:00 GMT',
          })
          .end(ATOM),
      '/broken.rss': (res) => res.writeHead(500).end('oops'),
      '/page.html': (res) =>
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><p>no</p></html>'),
    });
    ids.rss = await feedChannel(t.server, `${peer.url}/avis.rss`, 'Avis');
    ids.atom = await feedChannel(t.server, `${peer.url}/mentions.atom`);
    ids.broken = await feedChannel(t.server, `${peer.url}/broken.rss`);
    ids.notXml = await feedChannel(t.server, `${peer.url}/page.html`);
  });
  afterAll(async () => {
    await peer.close();
  });

  /** Moves time past the feeds' interval and lets the recurring job run. */
  async function pollLater(minutes = 6) {
    t.server.clock.offsetMs += minutes * 60_000;
    await drainJobs(t.server);
  }

  const conversations = (channelId: string) =>
    db()
      .selectFrom('care_conversations')
      .innerJoin('care_messages', 'care_messages.conversation_id', 'care_conversations.id')
      .innerJoin('care_customers', 'care_customers.id', 'care_conversations.customer_id')
      .select([
        'care_conversations.subject',
        'care_conversations.tags',
        'care_messages.body',
        'care_messages.external_id',
        'care_customers.display_name',
      ])
      .where('care_conversations.channel_id', '=', channelId)
      .orderBy('care_messages.external_id')
      .execute();

  const channelRow = (id: string) =>
    db().selectFrom('care_channels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('turns each entry of an RSS and an Atom feed into a tagged conversation of plain text', async () => {
    expect(driverFor('feed')).toBe(feedDriver);
    await pollLater();
    expect(await conversations(ids.rss)).toEqual([
      {
        subject: 'Avis n° 1 : lampe Aurore',
        tags: ['avis'],
        body: 'Très déçu & fâché\n\nhttps://avis.example/lumen/1',
        external_id: 'avis-1',
        display_name: 'Marie L.',
      },
      {
        subject: 'Avis n° 2 : lampe Aurore',
        tags: ['avis'],
        body: 'Livraison rapide, merci !\n\nhttps://avis.example/lumen/2',
        external_id: 'avis-2',
        display_name: 'Avis Lumen',
      },
    ]);
    expect(await conversations(ids.atom)).toEqual([
      {
        subject: 'Lumen <3',
        tags: [],
        body: 'Bon produit, voir\n\nhttps://mentions.example/1',
        external_id: 'tag:mentions.example,2026:1',
        display_name: 'Paul',
      },
      {
        subject: 'Question sur la garantie',
        tags: [],
        body: 'Texte simple & clair\n\nhttps://mentions.example/2',
        external_id: 'tag:mentions.example,2026:2',
        display_name: 'Veille Lumen',
      },
    ]);
    const rssChannel = await channelRow(ids.rss);
    expect(rssChannel.last_error).toBeNull();
    expect(rssChannel.poll_state).toMatchObject({ etag: '"v1"' });
    expect((await channelRow(ids.atom)).poll_state).toMatchObject({
      lastModified: 'Wed, 02 Dec 2026 12:00:00 GMT',
    });
  });

  it('keeps a broken feed’s error for administrators, without stopping the others', async () => {
    expect((await channelRow(ids.broken)).last_error).toBe('The feed answered 500.');
    expect((await channelRow(ids.notXml)).last_error).toMatch(/Not an RSS or Atom feed|Not well-formed/);
    expect(await feedDriver.test(t.server.ctx, await channelRow(ids.broken))).toMatchObject({
      ok: false,
      code: 'feed_unreachable',
    });
    expect(await feedDriver.test(t.server.ctx, await channelRow(ids.notXml))).toMatchObject({
      ok: false,
      code: 'feed_invalid',
    });
    expect(await feedDriver.test(t.server.ctx, await channelRow(ids.rss))).toMatchObject({
      ok: true,
      code: 'feed_ok',
      message: 'The feed answered with 2 entries.',
    });
  });

  it('waits for the interval, asks conditionally, and a 304 changes nothing', async () => {
    const hits = peer.hits.length;
    await pollLater(1);
    expect(peer.hits.length).toBe(hits);
    answers.length = 0;
    await pollLater();
    expect(answers).toEqual([304]);
    expect(await conversations(ids.rss)).toHaveLength(2);
    expect((await channelRow(ids.rss)).last_error).toBeNull();
  });

  it('adds only the new entries on the next poll', async () => {
    items = [rssItem(3, '<description>Elle clignote encore.</description>'), ...RSS_ITEMS];
    etag = '"v2"';
    const atomBefore = await conversations(ids.atom);
    await pollLater();
    const after = await conversations(ids.rss);
    expect(after.map((c) => c.external_id)).toEqual(['avis-1', 'avis-2', 'avis-3']);
    expect(after[2]).toMatchObject({
      body: 'Elle clignote encore.\n\nhttps://avis.example/lumen/3',
      tags: ['avis'],
    });
    // The Atom feed, fetched again in full (it gives no ETag), adds nothing.
    expect(await conversations(ids.atom)).toEqual(atomBefore);
    expect((await channelRow(ids.rss)).poll_state).toMatchObject({ etag: '"v2"' });
  });

  it('polls no switched-off feed', async () => {
    await db().updateTable('care_channels').set({ enabled: false }).where('id', '=', ids.rss).execute();
    const hits = peer.hits.filter((h) => h === '/avis.rss').length;
    await pollLater();
    expect(peer.hits.filter((h) => h === '/avis.rss').length).toBe(hits);
  });
});

async function feedChannel(server: TestServer, url: string, tag?: string): Promise<string> {
  const id = newId();
  const now = new Date();
  await server.ctx.db
    .insertInto('care_channels')
    .values({
      id,
      kind: 'feed',
      name: url,
      settings: JSON.stringify({ url, intervalMinutes: 5, ...(tag ? { tag } : {}) }),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

describe('care: feeds on a private address', () => {
  const t = useServer({ worker: false });

  it('are never fetched unless the operator allowed the host: the error says why', async () => {
    const peer = await startWebPeer({ '/avis.rss': (res) => res.writeHead(200).end(rss(RSS_ITEMS)) });
    try {
      const id = await feedChannel(t.server, `${peer.url}/avis.rss`);
      const outcomes = await pollDueFeeds(t.server.ctx);
      expect(outcomes).toMatchObject([{ channelId: id, received: 0 }]);
      const row = await t.server.ctx.db
        .selectFrom('care_channels')
        .select('last_error')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.last_error).toContain('resolves to an address Trame does not fetch from');
      expect(peer.hits).toEqual([]);
    } finally {
      await peer.close();
    }
  });
});

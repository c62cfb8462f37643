// The connector webhook (docs/care.md, "Connector webhook"): a request signed with the
// channel's secret lands — its messages become conversations, threaded by the network's
// thread id — a second delivery counts as duplicates, and a missing, wrong or stale signature
// is refused with 401 and writes nothing. Replies go back to a real local HTTP server playing
// the forum, which checks Trame's signature with its own implementation below.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { connectorDriver } from '../../server/modules/care/channels/connector/driver.ts';
import { driverFor } from '../../server/modules/care/channels/registry.ts';
import { newId } from '../../server/platform/ids.ts';
import { writeChecks } from '../../server/platform/rate-limit.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';

/** The connector's side of the signature, written from the documentation. */
function signed(secret: string, body: string, t = Math.floor(Date.now() / 1000)) {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

interface ForumRequest {
  headers: http.IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

/** A forum bridge on 127.0.0.1: checks each request's signature and answers a post id. */
async function startForum(secret: string) {
  const received: ForumRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const header = String(req.headers['x-trame-signature'] ?? '');
      const t = /(?:^|,)t=(\d+)/.exec(header)?.[1] ?? '';
      const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1] ?? '';
      const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
      const fresh = Math.abs(Date.now() / 1000 - Number(t)) <= 300;
      const verified = v1.length === 64 && fresh && timingSafeEqual(expected, Buffer.from(v1, 'hex'));
      received.push({ headers: req.headers, body, verified });
      if (!verified) return res.writeHead(401).end('{"error":"bad signature"}');
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `forum-post-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('care: the connector webhook', () => {
  const t = useServer({ worker: false, env: { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' } });
  const db = () => t.server.ctx.db;
  const secret = 'forum-secret-0123456789abcdef';
  let forum: Awaited<ReturnType<typeof startForum>>;
  let channelId: string;

  async function connectorChannel(settings: Record<string, unknown>, enabled = true) {
    const id = newId();
    const now = new Date();
    await db()
      .insertInto('care_channels')
      .values({
        id,
        kind: 'connector',
        name: 'Forum',
        enabled,
        settings: JSON.stringify(settings),
        secret,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    forum = await startForum(secret);
    channelId = await connectorChannel({ connector: 'community-forum', replyUrl: `${forum.url}/replies` });
  });
  afterAll(async () => {
    await forum.close();
  });

  const message = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    threadId: 'topic-77',
    threadTitle: 'Lampe Aurore qui clignote',
    author: { id: 'u-42', name: 'Nadia' },
    text: 'Ma lampe Aurore clignote depuis hier.',
    ...extra,
  });

  async function post(
    channel: string,
    body: unknown,
    headers: (raw: string) => Record<string, string> = (raw) => ({
      'x-trame-signature': signed(secret, raw),
    }),
    ip = '198.51.100.7',
  ) {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(`${t.server.url}/api/v1/care/connectors/${channel}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers(raw) },
      body: raw,
    });
    return { status: res.status, body: await res.json(), setCookie: res.headers.get('set-cookie') };
  }

  it('lands a signed request: conversations by thread, the customer namespaced by connector', async () => {
    const res = await post(channelId, {
      messages: [message('m-1'), message('m-2', { text: 'Et maintenant elle ne s’allume plus.' })],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 2, duplicates: 0 });
    expect(res.body.conversations).toHaveLength(1);
    // No session, no CSRF cookie handed out: the webhook is not a browser's.
    expect(res.setCookie).toBeNull();
    const conversation = await db()
      .selectFrom('care_conversations')
      .selectAll()
      .where('id', '=', res.body.conversations[0])
      .executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({
      channel_id: channelId,
      subject: 'Lampe Aurore qui clignote',
      external_thread_id: 'topic-77',
      message_count: 2,
    });
    const identity = await db()
      .selectFrom('care_customer_identities')
      .innerJoin('care_customers', 'care_customers.id', 'care_customer_identities.customer_id')
      .select(['care_customer_identities.value', 'care_customers.display_name'])
      .where('care_customer_identities.customer_id', '=', conversation.customer_id)
      .executeTakeFirstOrThrow();
    expect(identity).toEqual({ value: 'community-forum:u-42', display_name: 'Nadia' });
  });

  it('counts a second delivery as duplicates, and changes nothing', async () => {
    const before = await snapshotTables(db());
    const res = await post(channelId, { messages: [message('m-1'), message('m-2')] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 0, duplicates: 2 });
    expect(changedTables(before, await snapshotTables(db()))).toEqual([]);
  });

  it('refuses a missing, wrong or stale signature with 401, and writes nothing', async () => {
    const body = { messages: [message('m-forged')] };
    const before = await snapshotTables(db());
    const now = Math.floor(Date.now() / 1000);
    const attempts: [string, (raw: string) => Record<string, string>][] = [
      ['missing', () => ({})],
      ['empty', () => ({ 'x-trame-signature': '' })],
      ['wrong secret', (raw) => ({ 'x-trame-signature': signed('not-the-secret', raw) })],
      ['other body', () => ({ 'x-trame-signature': signed(secret, '{"messages":[]}') })],
      ['stale', (raw) => ({ 'x-trame-signature': signed(secret, raw, now - 600) })],
      ['from the future', (raw) => ({ 'x-trame-signature': signed(secret, raw, now + 600) })],
      ['no time', (raw) => ({ 'x-trame-signature': signed(secret, raw).replace(/^t=\d+,/, '') })],
      ['garbage', () => ({ 'x-trame-signature': 't=abc,v1=zz' })],
    ];
    for (const [label, headers] of attempts) {
      const res = await post(channelId, body, headers);
      expect([label, res.status, res.body.error?.code]).toEqual([label, 401, 'care_signature_invalid']);
    }
    // An unknown channel, or one of another kind, answers the same.
    const unknown = await post(newId(), body);
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'care_signature_invalid']);
    // Unsigned and malformed: still the signature that refuses first.
    const malformed = await post(channelId, { messages: 'x' }, () => ({}));
    expect(malformed.status).toBe(401);
    expect(changedTables(before, await snapshotTables(db()))).toEqual([]);
  });

  it('refuses more than 100 messages, or a malformed one, with 400 and writes nothing', async () => {
    const before = await snapshotTables(db());
    const many = Array.from({ length: 101 }, (_, i) => message(`bulk-${i}`));
    const res = await post(channelId, { messages: many });
    expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
    const bad = await post(channelId, { messages: [message('ok-1'), { ...message('bad'), author: {} }] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect(changedTables(before, await snapshotTables(db()))).toEqual([]);
    // A hundred is fine.
    const hundred = await post(channelId, {
      messages: Array.from({ length: 100 }, (_, i) => message(`hundred-${i}`, { threadId: `t-${i % 7}` })),
    });
    expect(hundred.status).toBe(200);
    expect(hundred.body).toMatchObject({ received: 100, duplicates: 0 });
    expect(hundred.body.conversations).toHaveLength(7);
  });

  it('answers 409 for a switched-off channel or one naming no known connector', async () => {
    const off = await connectorChannel({ connector: 'community-forum', replyUrl: `${forum.url}/r` }, false);
    const res = await post(off, { messages: [message('off-1')] });
    expect([res.status, res.body.error.code]).toEqual([409, 'care_channel_disabled']);
    const unknown = await connectorChannel({ connector: 'carrier-pigeon', replyUrl: `${forum.url}/r` });
    const other = await post(unknown, { messages: [message('pigeon-1')] });
    expect([other.status, other.body.error.code]).toEqual([409, 'care_connector_unknown']);
  });

  it('needs no CSRF token, while other public writes still do', async () => {
    const res = await post(channelId, { messages: [message('cross-site-1')] }, (raw) => ({
      'x-trame-signature': signed(secret, raw),
      'sec-fetch-site': 'cross-site',
      cookie: 'trame_csrf=whatever-is-here-12345',
    }));
    expect(res.status).toBe(200);
    const setup = await fetch(`${t.server.url}${api.setup.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(setup.status).toBe(403);
    expect((await setup.json()).error.code).toBe('csrf_failed');
  });

  it('keeps a budget per channel, and one per client IP across channels', async () => {
    const budget = api.receiveConnectorMessages.rateLimit!;
    const other = await connectorChannel({ connector: 'community-forum', replyUrl: `${forum.url}/r` });
    const ip = '198.51.100.99';
    const [channelRule, channelKey] = writeChecks(budget, {
      actorId: null,
      ip,
      params: { channelId: other },
    })[0]!;
    for (let i = 0; i < budget.limit; i++) await t.server.ctx.limiter.hit(channelRule, channelKey);
    const spent = await post(other, { messages: [message('rl-1')] }, undefined, ip);
    expect([spent.status, spent.body.error.code]).toEqual([429, 'rate_limited']);
    // The other channel, from the same address, still lands.
    expect((await post(channelId, { messages: [message('rl-2')] }, undefined, ip)).status).toBe(200);
    // One address spraying channels is held by its own bound.
    const [ipRule, ipKey] = writeChecks(budget, { actorId: null, ip, params: { channelId } })[1]!;
    expect(ipKey).toBe(`ip:${ip}`);
    for (let i = 0; i < budget.perIp!; i++) await t.server.ctx.limiter.hit(ipRule, ipKey);
    expect((await post(channelId, { messages: [message('rl-3')] }, undefined, ip)).status).toBe(429);
    expect((await post(channelId, { messages: [message('rl-4')] }, undefined, '198.51.100.100')).status).toBe(
      200,
    );
  });

  it('sends an agent’s reply back to the forum, signed, and keeps the forum’s id', async () => {
    const org = await setUpOrganisation(t.server);
    const landed = await post(channelId, { messages: [message('m-reply-me', { threadId: 'topic-90' })] });
    const conversationId = landed.body.conversations[0] as string;
    const conversation = await db()
      .selectFrom('care_conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const history = await db()
      .selectFrom('care_messages')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .execute();
    const channel = await db()
      .selectFrom('care_channels')
      .selectAll()
      .where('id', '=', channelId)
      .executeTakeFirstOrThrow();
    const customer = await db()
      .selectFrom('care_customers')
      .selectAll()
      .where('id', '=', conversation.customer_id)
      .executeTakeFirstOrThrow();
    const reply = {
      id: newId(),
      conversation_id: conversationId,
      channel_id: channelId,
      kind: 'outbound' as const,
      author_id: org.admin.id,
      body: 'Bonjour Nadia, nous vous envoyons une lampe neuve.',
      external_id: null,
      sentiment: null,
      sentiment_edited_by: null,
      delivery_status: 'pending' as const,
      delivery_error: null,
      delivered_at: null,
      metadata: {},
      created_at: new Date(),
    };
    expect(driverFor('connector')).toBe(connectorDriver);
    const result = await connectorDriver.deliver(t.server.ctx, {
      channel,
      conversation,
      customer,
      identities: [{ kind: 'connector', value: 'community-forum:u-42' }],
      message: reply,
      history,
    });
    expect(result).toMatchObject({ status: 'sent', externalId: `forum-post-${forum.received.length}` });
    const got = forum.received.at(-1)!;
    expect(got.verified).toBe(true);
    expect(got.headers['x-trame-event']).toBe('reply');
    expect(JSON.parse(got.body)).toEqual({
      threadId: 'topic-90',
      inReplyTo: 'm-reply-me',
      text: 'Bonjour Nadia, nous vous envoyons une lampe neuve.',
      agent: { id: org.admin.id, name: 'Alice Admin' },
    });

    // The settings page's test button: a signed ping the forum verifies.
    const tested = await connectorDriver.test(t.server.ctx, channel);
    expect(tested).toMatchObject({ ok: true, code: 'connector_ok' });
    expect(forum.received.at(-1)).toMatchObject({ verified: true });
    expect(JSON.parse(forum.received.at(-1)!.body)).toEqual({ ping: true });

    // A forum that refuses (here: it cannot verify a wrong secret) makes the delivery fail.
    const wrong = { ...channel, secret: 'another-secret' };
    await expect(
      connectorDriver.deliver(t.server.ctx, {
        channel: wrong,
        conversation,
        customer,
        identities: [],
        message: reply,
        history,
      }),
    ).rejects.toThrow(/answered 401/);
    expect(await connectorDriver.test(t.server.ctx, wrong)).toMatchObject({ ok: false });
  });
});

describe('care: connector replies never reach a private address unless allowed', () => {
  const t = useServer({ worker: false });

  it('refuses a reply URL on 127.0.0.1 by default', async () => {
    const forum = await startForum('s');
    try {
      const now = new Date();
      const channel = {
        id: newId(),
        kind: 'connector' as const,
        name: 'Forum',
        enabled: true,
        settings: { connector: 'community-forum', replyUrl: `${forum.url}/replies` },
        secret: 's',
        public_key: null,
        default_team_id: null,
        polled_at: null,
        poll_state: {},
        last_error: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      };
      const tested = await connectorDriver.test(t.server.ctx, channel);
      expect(tested).toMatchObject({ ok: false, code: 'connector_unreachable' });
      expect(forum.received).toEqual([]);
    } finally {
      await forum.close();
    }
  });
});

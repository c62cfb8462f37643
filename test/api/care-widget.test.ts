// The web widget's public API, as a browser on the company's site calls it: no Trame cookie,
// no CSRF token, an Origin header. A message from an allowed origin lands in a conversation;
// a missing or other origin is refused and writes nothing; the honeypot and a form sent too
// fast are refused; the visitor reads the agent's reply and never another session's.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { widgetLimits } from '../../server/modules/care/channels/widget/guard.ts';
import { newId } from '../../server/platform/ids.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

const SITE = 'https://www.lumen.example';
let ipCounter = 0;

describe('care: the web widget', () => {
  const t = useServer({ worker: false });
  let key: string;
  let channelId: string;
  let adminClient: ReturnType<typeof t.server.client>;

  /** A browser on `origin`: plain fetch, its own address, no cookies. */
  const visitor = (origin: string | null = SITE) => {
    const ip = `198.51.100.${++ipCounter}`;
    const headers = (extra: Record<string, string> = {}) => ({
      'x-forwarded-for': ip,
      ...(origin ? { origin } : {}),
      'sec-fetch-site': 'cross-site',
      ...extra,
    });
    return {
      ip,
      config: async (session?: string) => {
        const res = await fetch(
          `${t.server.url}/api/v1/care/widget/${key}/config${session ? `?session=${session}` : ''}`,
          { headers: headers() },
        );
        return { status: res.status, headers: res.headers, body: await res.json() };
      },
      send: async (body: Record<string, unknown>, path = `/api/v1/care/widget/${key}/messages`) => {
        const res = await fetch(t.server.url + path, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(body),
        });
        return { status: res.status, headers: res.headers, body: await res.json() };
      },
      read: async (session: string) => {
        const res = await fetch(`${t.server.url}/api/v1/care/widget/${key}/messages?session=${session}`, {
          headers: headers(),
        });
        return { status: res.status, headers: res.headers, body: await res.json() };
      },
    };
  };

  /** A configured form, filled in for long enough (the server's clock moves, no waiting). */
  async function readyForm(v: ReturnType<typeof visitor>) {
    const config = await v.config();
    expect(config.status).toBe(200);
    t.server.clock.advance(5_000);
    return { session: config.body.session as string, formToken: config.body.formToken as string };
  }

  const messageCount = async () =>
    (
      await t.server.ctx.db
        .selectFrom('care_messages')
        .select('id')
        .where('channel_id', '=', channelId)
        .execute()
    ).length;

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    adminClient = org.client;
    const res = await adminClient.call(api.createCareChannel, {
      body: {
        kind: 'widget',
        name: 'Site',
        settings: { allowedOrigins: [SITE], greetingFr: 'Bonjour', greetingEn: 'Hello', requireEmail: false },
      },
    });
    key = res.body.publicKey;
    channelId = res.body.id;
  });

  it('takes a message from an allowed origin into a conversation, with CORS for that origin only', async () => {
    const v = visitor();
    const preflight = await fetch(`${t.server.url}/api/v1/care/widget/${key}/messages`, {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('content-type');
    expect(preflight.headers.get('set-cookie')).toBeNull();

    const form = await readyForm(v);
    const res = await v.send({
      name: 'Claire Martin',
      email: 'claire@example.org',
      message: 'Ma lampe ne s’allume plus.',
      website: '',
      ...form,
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(res.headers.get('set-cookie')).toBeNull();
    const conversation = await t.server.ctx.db
      .selectFrom('care_conversations')
      .innerJoin('care_customers', 'care_customers.id', 'care_conversations.customer_id')
      .select(['care_conversations.id', 'subject', 'display_name', 'email', 'external_thread_id'])
      .where('channel_id', '=', channelId)
      .executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({
      subject: 'Ma lampe ne s’allume plus.',
      display_name: 'Claire Martin',
      email: 'claire@example.org',
    });
    // The thread id is a hash of the session: the stored id cannot be used to read replies.
    expect(conversation.external_thread_id).not.toContain(form.session);

    // A second message of the same session joins the conversation.
    const next = await readyForm(v);
    expect(next.session).not.toBe(form.session);
    const again = await v.send({
      message: 'Toujours rien.',
      session: form.session,
      formToken: await (async () => {
        const c = await v.config(form.session);
        t.server.clock.advance(5_000);
        expect(c.body.session).toBe(form.session);
        return c.body.formToken;
      })(),
    });
    expect(again.status).toBe(201);
    const count = await t.server.ctx.db
      .selectFrom('care_conversations')
      .select('message_count')
      .where('id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    expect(count.message_count).toBe(2);
  });

  it('refuses a missing or other origin, with no CORS headers, and writes nothing', async () => {
    const allowed = visitor();
    const form = await readyForm(allowed);
    const before = await messageCount();
    for (const origin of [null, 'https://evil.example', 'http://www.lumen.example', `${SITE}.evil.example`]) {
      const v = visitor(origin);
      const res = await v.send({ message: 'Spam', ...form });
      expect([origin, res.status, res.body.error.code]).toEqual([origin, 403, 'care_origin_refused']);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect((await v.config()).status).toBe(403);
      expect((await v.read(form.session)).status).toBe(403);
    }
    const preflight = await fetch(`${t.server.url}/api/v1/care/widget/${key}/messages`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const unknown = await visitor().send(
      { message: 'x', ...form },
      '/api/v1/care/widget/AAAAAAAAAAAAAAAAAAAA/messages',
    );
    expect(unknown.status).toBe(404);
    expect(await messageCount()).toBe(before);
  });

  it('refuses the honeypot, a form sent too fast, a forged token and a missing required email', async () => {
    const before = await messageCount();
    const v = visitor();
    const form = await readyForm(v);
    const trapped = await v.send({ message: 'Buy now', website: 'http://spam.example', ...form });
    expect([trapped.status, trapped.body.error.details.issues[0].field]).toEqual([400, 'website']);

    const quick = await v.config();
    const fast = await v.send({
      message: 'Vite',
      session: quick.body.session,
      formToken: quick.body.formToken,
    });
    expect([fast.status, fast.body.error.details.issues[0].field]).toEqual([400, 'formToken']);

    const [issued] = form.formToken.split('.');
    const forged = await v.send({ message: 'Faux', session: form.session, formToken: `${issued}.AAAA` });
    expect(forged.status).toBe(400);
    const otherSession = await v.send({
      message: 'Autre',
      session: 'x'.repeat(43),
      formToken: form.formToken,
    });
    expect(otherSession.status).toBe(400);

    await adminClient.call(api.updateCareChannel, {
      params: { id: channelId },
      body: { settings: { allowedOrigins: [SITE], requireEmail: true } },
    });
    const noEmail = await v.send({ message: 'Sans adresse', ...form });
    expect([noEmail.status, noEmail.body.error.details.issues[0].field]).toEqual([400, 'email']);
    await adminClient.call(api.updateCareChannel, {
      params: { id: channelId },
      body: { settings: { allowedOrigins: [SITE], requireEmail: false } },
    });
    expect(await messageCount()).toBe(before);
  });

  it('limits messages per address', async () => {
    const v = visitor();
    const form = await readyForm(v);
    for (let i = 0; i < widgetLimits.messagesPerIp.limit; i++)
      await t.server.ctx.limiter.hit(widgetLimits.messagesPerIp, v.ip);
    const before = await messageCount();
    const res = await v.send({ message: 'Encore', ...form });
    expect([res.status, res.body.error.code]).toEqual([429, 'rate_limited']);
    expect(await messageCount()).toBe(before);
  });

  it('shows the visitor the agent’s reply, never an internal note, never another session’s messages', async () => {
    const alice = visitor();
    const aliceForm = await readyForm(alice);
    expect((await alice.send({ message: 'Question d’Alice', ...aliceForm })).status).toBe(201);
    const bob = visitor();
    const bobForm = await readyForm(bob);
    expect((await bob.send({ message: 'Question de Bob', ...bobForm })).status).toBe(201);

    // An agent answers Alice (written as a reply is: an outbound message), and writes a note.
    const conversation = await t.server.ctx.db
      .selectFrom('care_messages')
      .select('conversation_id')
      .where('body', '=', 'Question d’Alice')
      .executeTakeFirstOrThrow();
    const now = t.server.clock.now();
    for (const [kind, body] of [
      ['outbound', 'Bonjour Alice, voici la réponse.'],
      ['note', 'Note interne : cliente fidèle'],
    ] as const)
      await t.server.ctx.db
        .insertInto('care_messages')
        .values({
          id: newId(),
          conversation_id: conversation.conversation_id,
          channel_id: channelId,
          kind,
          body,
          delivery_status: kind === 'outbound' ? 'sent' : null,
          created_at: new Date(now.getTime() + 1000),
        })
        .execute();

    const thread = await alice.read(aliceForm.session);
    expect(thread.status).toBe(200);
    expect(thread.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(thread.body.items.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['customer', 'Question d’Alice'],
      ['agent', 'Bonjour Alice, voici la réponse.'],
    ]);
    const bobs = await bob.read(bobForm.session);
    expect(bobs.body.items.map((m: { body: string }) => m.body)).toEqual(['Question de Bob']);
    const stranger = await visitor().read('s'.repeat(43));
    expect(stranger.body.items).toEqual([]);
  });

  it('the CSRF exemption is narrow: other writes from another site are still refused, and no session acts', async () => {
    // A cross-site POST to any other route is refused by the CSRF hook.
    const res = await fetch(`${t.server.url}${api.createPost.path}`, {
      method: 'POST',
      headers: { origin: SITE, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: JSON.stringify({ body: 'x' }),
    });
    expect([res.status, (await res.json()).error.code]).toEqual([403, 'csrf_failed']);
    // A path that merely starts like the widget's is not exempt.
    for (const path of [`/api/v1/care/widget/${key}/messages/x`, `/api/v1/care/widget/${key}/messages%3F`]) {
      const lookalike = await fetch(t.server.url + path, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
        body: '{}',
      });
      expect([path, lookalike.status, (await lookalike.json()).error.code]).toEqual([
        path,
        403,
        'csrf_failed',
      ]);
    }
    // A signed-in administrator's cookie sent to the widget does not make them the actor.
    const admin = adminClient;
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const config = await fetch(`${t.server.url}/api/v1/care/widget/${key}/config`, {
      headers: { origin: SITE, cookie },
    });
    expect(config.status).toBe(200);
    expect(config.headers.get('set-cookie')).toBeNull();
    const admins = await fetch(`${t.server.url}${api.listCareChannels.path}`, {
      headers: { origin: SITE },
    });
    expect(admins.status).toBe(401);
  });

  it('serves /widget.js for other sites to load', async () => {
    const res = await fetch(`${t.server.url}/widget.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await res.text()).toContain('/api/v1/care/widget/');
  });

  it('refuses messages when the channel is switched off', async () => {
    const v = visitor();
    const form = await readyForm(v);
    await adminClient.call(api.updateCareChannel, { params: { id: channelId }, body: { enabled: false } });
    const res = await v.send({ message: 'Fermé ?', ...form });
    expect([res.status, res.body.error.code]).toEqual([409, 'care_channel_disabled']);
    await adminClient.call(api.updateCareChannel, { params: { id: channelId }, body: { enabled: true } });
  });
});

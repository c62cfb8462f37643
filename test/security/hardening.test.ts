// Hardening that holds for every route at once: each write route, discovered from the
// OpenAPI document (so a new one is covered without editing this file), has a rate limit
// (the general write budget, or the budget of its own it declares) and answers 429 once spent;
// bodies are bounded in size and nesting and must be valid UTF-8; the web page runs no
// inline script, so its Content-Security-Policy needs no nonce.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { MAX_JSON_DEPTH } from '../../server/platform/http/json-body.ts';
import { writeChecks } from '../../server/platform/rate-limit.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { operationsOf } from '../helpers/openapi.ts';
import { useServer } from '../helpers/server.ts';
import { person } from '../helpers/stream-fixtures.ts';

const ANY_ID = '0190a000-0000-7000-8000-000000000000';
const fill = (path: string) => path.replace(/\{\w+\}/g, ANY_ID);

describe('hardening', () => {
  const t = useServer({ worker: false });

  it('limits every write route: each declares a budget and answers 429 once it is spent', async () => {
    await setUpOrganisation(t.server);
    const writer = await person(t.server);
    const anonymous = t.server.client({ ip: '203.0.113.150' });
    const writes = (await operationsOf(writer.client)).filter((o) => o.method !== 'GET');
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.filter((o) => !o.rateLimit).map((o) => o.operationId)).toEqual([]);

    // Spend each route's declared budget, under the key the server counts it by (the
    // account, the client IP, or the path parameter the budget is kept per).
    const spent = new Set<string>();
    for (const o of writes) {
      const caller =
        o.access === 'public'
          ? { actorId: null, ip: anonymous.ip }
          : { actorId: writer.id, ip: writer.client.ip };
      const params = Object.fromEntries(
        o.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ANY_ID]),
      );
      const [rule, key] = writeChecks(o.rateLimit, { ...caller, params })[0]!;
      if (spent.has(`${rule.name} ${key}`)) continue;
      spent.add(`${rule.name} ${key}`);
      for (let i = 0; i < rule.limit; i++) await t.server.ctx.limiter.hit(rule, key);
    }
    const statuses = await Promise.all(
      writes.map(async (o) => {
        const client = o.access === 'public' ? anonymous : writer.client;
        const res = await client.request(o.method, fill(o.path), { body: {} });
        return [o.operationId, res.status, res.body?.error?.code];
      }),
    );
    expect(statuses.filter(([, status]) => status !== 429)).toEqual([]);
    // Someone else still writes.
    const other = await person(t.server);
    expect((await other.client.call(api.createPost, { body: { body: 'Encore là' } })).status).toBe(201);
  });

  it(`refuses JSON nested deeper than ${MAX_JSON_DEPTH} levels, before reading it`, async () => {
    const writer = await person(t.server);
    const nest = (depth: number) => `{"body":"x","poll":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    for (const depth of [MAX_JSON_DEPTH, 1000, 100_000]) {
      const res = await writer.client.request('POST', api.createPost.path, {
        rawBody: nest(depth),
        headers: { 'content-type': 'application/json' },
      });
      expect([depth, res.status, res.body.error.code]).toEqual([depth, 400, 'validation_failed']);
      expect(res.body.error.message).toContain('nests deeper');
    }
    // Brackets inside strings are text, not nesting.
    const text = await writer.client.call(api.createPost, { body: { body: '['.repeat(200) } });
    expect(text.status).toBe(201);
  });

  it('refuses bodies that are not valid UTF-8, and writes nothing', async () => {
    const writer = await person(t.server);
    const bytes = Buffer.concat([
      Buffer.from('{"body":"caf'),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const res = await fetch(t.server.url + api.createPost.path, {
      method: 'POST',
      body: bytes,
      headers: {
        'content-type': 'application/json',
        cookie: [...writer.client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': writer.client.cookie('trame_csrf') ?? '',
        'x-forwarded-for': writer.client.ip,
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('UTF-8');
    const rows = await t.server.ctx.db
      .selectFrom('posts')
      .select('id')
      .where('author_id', '=', writer.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('refuses bodies over 256 KB and prototype keys', async () => {
    const writer = await person(t.server);
    const big = await writer.client.call(api.createPost, { body: { body: 'x'.repeat(300 * 1024) } });
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
    for (const rawBody of [
      '{"body":"x","__proto__":{"isAnnouncement":true}}',
      '{"body":"x","constructor":{"prototype":{"a":1}}}',
    ]) {
      const res = await writer.client.request('POST', api.createPost.path, {
        rawBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
    }
  });

  it('serves a page with no inline script, so script-src needs no nonce', async () => {
    const pages = ['web/index.html', 'web/dist/index.html'].filter((f) => fs.existsSync(f));
    for (const file of pages) {
      const html = fs.readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, content] of scripts) {
        expect({ file, attributes, content: content!.trim() }).toMatchObject({ content: '' });
        expect(attributes).toMatch(/\bsrc=/);
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    }
    const res = await t.server.client().get('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

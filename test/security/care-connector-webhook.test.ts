// The connector webhook is the one write route reached without a session or a CSRF token:
// the signature is its only proof. Unsigned (or wrongly signed) requests are refused with
// 401 and write nothing — even from a signed-in administrator's browser, whose session
// gives the webhook no authority — and the CSRF exemption covers that route and the web widget's
// message route (customers' sites, no session: see widget/guard.ts) alone.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { newId } from '../../server/platform/ids.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { operationsOf } from '../helpers/openapi.ts';
import { useServer } from '../helpers/server.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';

describe('care: the connector webhook refuses what is not signed', () => {
  const t = useServer({ worker: false });

  it('answers 401 to unsigned requests, whoever sends them, and changes no row', async () => {
    const org = await setUpOrganisation(t.server);
    const channelId = newId();
    const now = new Date();
    await t.server.ctx.db
      .insertInto('care_channels')
      .values({
        id: channelId,
        kind: 'connector',
        name: 'Forum',
        settings: JSON.stringify({ connector: 'community-forum', replyUrl: 'https://forum.example/r' }),
        secret: 'the-channel-secret',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const path = api.receiveConnectorMessages.path.replace(':channelId', channelId);
    const body = JSON.stringify({
      messages: [{ id: 'x1', threadId: 't', author: { id: 'a' }, text: 'Bonjour' }],
    });
    const before = await snapshotTables(t.server.ctx.db);
    // A stranger, with no cookie.
    const anonymous = await fetch(t.server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe('care_signature_invalid');
    // A signed-in administrator's browser, CSRF token and all: the session counts for nothing.
    const admin = await org.client.request('POST', path, {
      rawBody: body,
      headers: { 'content-type': 'application/json' },
    });
    expect([admin.status, admin.body.error.code]).toEqual([401, 'care_signature_invalid']);
    // Signed with something other than the channel's secret.
    const ts = Math.floor(Date.now() / 1000);
    const forged = await fetch(t.server.url + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-trame-signature': `t=${ts},v1=${createHmac('sha256', 'guess').update(`${ts}.${body}`).digest('hex')}`,
      },
      body,
    });
    expect(forged.status).toBe(401);
    expect(changedTables(before, await snapshotTables(t.server.ctx.db))).toEqual([]);
  });

  it('exempts that route and the widget’s message route alone from the CSRF check', async () => {
    const writes = (await operationsOf(t.server.client())).filter((o) => o.method !== 'GET');
    const refusedWithoutToken: string[] = [];
    for (const o of writes) {
      const res = await fetch(t.server.url + o.path.replace(/\{\w+\}/g, newId()), {
        method: o.method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const code = res.status === 403 ? (await res.json()).error.code : null;
      if (code !== 'csrf_failed') refusedWithoutToken.push(o.operationId);
    }
    expect(refusedWithoutToken.sort()).toEqual(['postWidgetMessage', 'receiveConnectorMessages']);
  });
});

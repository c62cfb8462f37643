// Who may see the care inbox: agents (the care grant) and administrators. Guests — even with
// the grant set on their row — members without it, and the signed-out get nothing from any
// inbox route (every one of them, taken from /api/openapi.json so a new route is covered):
// no customer's name, address or words in any answer, and no row written.
import { beforeAll, describe, expect, it } from 'vitest';
import { careInboxApi } from '../../common/api/care-inbox.ts';
import { api } from '../../common/api.ts';
import { careAgent, careChannel, inboundMail, signedIn } from '../helpers/care-inbox.ts';
import type { TestClient } from '../helpers/client.ts';
import { setUpOrganisation } from '../helpers/factories.ts';
import { fillPath, type Operation, operationsOf } from '../helpers/openapi.ts';
import { useServer } from '../helpers/server.ts';
import { changedTables, snapshotTables } from '../helpers/snapshot.ts';

const CANARY_NAME = 'Zéphyrine Canari';
const CANARY_WORDS = 'canari-secret-4821';

/** A body each write accepts, so that only the policy can refuse it. */
const BODIES: Record<string, unknown> = {
  updateCareConversation: { status: 'pending' },
  addCareNote: { body: 'Note' },
  sendCareReply: { body: 'Réponse' },
  touchCarePresence: { composing: false },
  createCareCannedReply: { title: 'Titre', body: 'Corps' },
  updateCareCannedReply: { title: 'Titre', body: 'Corps' },
  createCareView: { name: 'Vue', filters: {} },
  updateCareView: { name: 'Vue' },
};

describe('care inbox access', () => {
  const t = useServer();
  let operations: Operation[];
  let ids: Record<string, string>;
  let agent: TestClient;
  let admin: TestClient;
  let outsiders: [string, TestClient, number[]][];

  /** The id each route's {id} names: a conversation, a canned reply, a view. */
  const idFor = (op: Operation) =>
    op.path.includes('/canned-replies/')
      ? ids.canned!
      : op.path.includes('/views/')
        ? ids.view!
        : ids.conversation!;
  const call = (client: TestClient, op: Operation) =>
    client.request(op.method, fillPath(op.path, { id: idFor(op) }), {
      body: op.method === 'GET' || op.method === 'DELETE' ? undefined : (BODIES[op.operationId] ?? {}),
    });

  beforeAll(async () => {
    ({ client: admin } = await setUpOrganisation(t.server));
    const channel = await careChannel(t.server, 'email');
    const mail = await inboundMail(
      t.server,
      channel,
      { address: 'zephyrine@clients.example', name: CANARY_NAME },
      { subject: `Sujet ${CANARY_WORDS}`, body: `Message ${CANARY_WORDS}` },
    );
    ({ client: agent } = await careAgent(t.server));
    const canned = await agent.call(api.createCareCannedReply, { body: { title: 'T', body: CANARY_WORDS } });
    const view = await agent.call(api.createCareView, {
      body: { name: CANARY_WORDS, filters: {}, shared: true },
    });
    ids = { conversation: mail.conversationId, canned: canned.body.id, view: view.body.id };

    const member = await signedIn(t.server);
    const guest = await signedIn(t.server, { role: 'guest' });
    // A guest never works the inbox, whatever their row says.
    await t.server.ctx.db
      .updateTable('users')
      .set({ care_agent: true })
      .where('id', '=', guest.user.id)
      .execute();
    const withdrawn = await careAgent(t.server);
    await t.server.ctx.db
      .updateTable('users')
      .set({ care_agent: false })
      .where('id', '=', withdrawn.user.id)
      .execute();
    outsiders = [
      ['signed out', t.server.client(), [401]],
      ['a member without the care grant', member.client, [403, 404]],
      ['a guest (even with the grant set)', guest.client, [403, 404]],
      ['an agent whose grant was withdrawn', withdrawn.client, [403, 404]],
    ];
    operations = (await operationsOf(admin)).filter((o) =>
      Object.values(careInboxApi).some((e) => e.operationId === o.operationId),
    );
  });

  it('covers every inbox route', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(
      Object.values(careInboxApi)
        .map((e) => e.operationId)
        .sort(),
    );
  });

  it('refuses every inbox route to guests, members without the grant and the signed-out, writing nothing', async () => {
    // Their visit of the day is recorded by any request: let it be written before counting.
    for (const [, client] of outsiders) await client.call(api.listNotifications);
    const before = await snapshotTables(t.server.ctx.db);
    for (const [who, client, statuses] of outsiders)
      for (const op of operations) {
        const res = await call(client, op);
        expect([who, op.operationId, statuses.includes(res.status)]).toEqual([who, op.operationId, true]);
        expect(res.text).not.toContain(CANARY_WORDS);
        expect(res.text).not.toContain(CANARY_NAME);
      }
    expect(changedTables(before, await snapshotTables(t.server.ctx.db))).toEqual([]);
  });

  it('opens every inbox route to agents and administrators', async () => {
    for (const [who, client] of [
      ['an agent', agent],
      ['an administrator', admin],
    ] as const) {
      const canned = await client.call(api.createCareCannedReply, { body: { title: 'Mien', body: 'x' } });
      const view = await client.call(api.createCareView, { body: { name: 'Mienne', filters: {} } });
      ids.canned = canned.body.id;
      ids.view = view.body.id;
      // Reads first, then writes, deletions last.
      const order = (o: Operation) => (o.method === 'GET' ? 0 : o.method === 'DELETE' ? 2 : 1);
      for (const op of [...operations].sort((a, b) => order(a) - order(b))) {
        const res = await call(client, op);
        expect([who, op.operationId, res.status < 300]).toEqual([who, op.operationId, true]);
      }
    }
    const seen = await admin.call(api.getCareConversation, { params: { id: ids.conversation! } });
    expect(seen.text).toContain(CANARY_NAME);
    expect(seen.text).toContain(CANARY_WORDS);
  });
});

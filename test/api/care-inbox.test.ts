// The care inbox as agents use it: messages arrive through ingestInbound (as a channel hands
// them over); agents list and filter the conversations, page through them, open one (the
// customer across channels, the whole timeline), assign, prioritise, tag, resolve, write
// notes and replies, see who else has it open, keep canned replies and saved views.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { expandCanned } from '../../common/care-canned.ts';
import { newId } from '../../server/platform/ids.ts';
import {
  careAgent,
  careChannel,
  careTarget,
  careTeam,
  inboundMail,
  signedIn,
} from '../helpers/care-inbox.ts';
import type { TestClient } from '../helpers/client.ts';
import { drainJobs, setUpOrganisation } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('care inbox', () => {
  const t = useServer();
  let email: string;
  let widget: string;
  let admin: TestClient;
  let lea: { user: { id: string; name: string }; client: TestClient };
  let marc: { user: { id: string; name: string }; client: TestClient };
  let member: { user: { id: string }; client: TestClient };
  let team: string;

  const activities = (verb: string, objectId: string) =>
    t.server.ctx.db
      .selectFrom('activity_events')
      .select(['actor_id', 'data'])
      .where('verb', '=', verb)
      .where('object_id', '=', objectId)
      .execute();

  const list = (client: TestClient, query: Record<string, string | number | undefined> = {}) =>
    client.call(api.listCareConversations, { query });
  const open = (client: TestClient, id: string) => client.call(api.getCareConversation, { params: { id } });
  const patch = (client: TestClient, id: string, body: unknown) =>
    client.call(api.updateCareConversation, { params: { id }, body });

  beforeAll(async () => {
    ({ client: admin } = await setUpOrganisation(t.server));
    email = await careChannel(t.server, 'email', 'Support mail');
    widget = await careChannel(t.server, 'widget', 'Site widget');
    await careTarget(t.server, 'normal', { first: 60, resolution: 480, warn: 15 });
    await careTarget(t.server, 'urgent', { first: 15, resolution: 120, warn: 5 });
    lea = await careAgent(t.server, 'Léa Agent');
    marc = await careAgent(t.server, 'Marc Agent');
    member = await signedIn(t.server);
    team = await careTeam(t.server, 'Livraisons', [lea.user.id]);
  });

  it('lists conversations newest first, narrowed by status, assignee, tag, channel, priority and words', async () => {
    const a = await inboundMail(
      t.server,
      email,
      { address: 'claire@clients.example', name: 'Claire Martin' },
      {
        subject: 'Colis jamais arrivé',
        body: 'Ma commande 4411 n’est pas arrivée.',
      },
    );
    const b = await inboundMail(
      t.server,
      email,
      { address: 'omar@clients.example', name: 'Omar Benali' },
      {
        subject: 'Facture en double',
        body: 'J’ai été prélevé deux fois.',
      },
    );
    const c = await inboundMail(
      t.server,
      email,
      { address: 'ines@clients.example', name: 'Inès Roux' },
      {
        subject: 'Question garantie',
        body: 'Mon grille-pain est cassé.',
      },
    );
    await patch(lea.client, b.conversationId, {
      assigneeId: lea.user.id,
      tags: ['facturation'],
      priority: 'high',
    });
    await patch(lea.client, c.conversationId, { status: 'resolved' });

    const all = await list(lea.client);
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(c.conversationId)).toBeLessThan(ids.indexOf(b.conversationId));
    expect(ids.indexOf(b.conversationId)).toBeLessThan(ids.indexOf(a.conversationId));
    const row = all.body.items.find((i: { id: string }) => i.id === a.conversationId);
    expect(row).toMatchObject({
      subject: 'Colis jamais arrivé',
      status: 'open',
      priority: 'normal',
      channel: { id: email, kind: 'email', name: 'Support mail' },
      customer: { name: 'Claire Martin', email: 'claire@clients.example' },
      assignee: null,
      excerpt: 'Ma commande 4411 n’est pas arrivée.',
      lastMessageKind: 'inbound',
      messageCount: 1,
      sla: { state: 'ok' },
    });

    const only = async (query: Record<string, string>) =>
      ((await list(lea.client, query)).body.items as { id: string }[]).map((i) => i.id);
    expect(await only({ status: 'resolved' })).toEqual([c.conversationId]);
    expect(await only({ assignee: 'me' })).toEqual([b.conversationId]);
    expect(await only({ assignee: lea.user.id })).toEqual([b.conversationId]);
    expect(await only({ assignee: 'none' })).not.toContain(b.conversationId);
    expect(await only({ tag: '#Facturation' })).toEqual([b.conversationId]);
    expect(await only({ priority: 'high' })).toEqual([b.conversationId]);
    expect(await only({ channel: widget })).toEqual([]);
    expect(await only({ q: 'benali' })).toEqual([b.conversationId]);
    expect(await only({ q: 'GARANTIE' })).toEqual([c.conversationId]);
    expect(await only({ q: 'grille' })).toEqual([c.conversationId]);
    expect(await only({ q: 'prélevé deux' })).toEqual([b.conversationId]);
    expect(await only({ q: 'introuvable' })).toEqual([]);
    expect(await only({ status: 'open', assignee: 'me', tag: 'facturation' })).toEqual([b.conversationId]);

    const bad = await list(lea.client, { status: 'closed' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('status');
  });

  it('pages with a cursor, each conversation once, in a stable order', async () => {
    for (let i = 0; i < 7; i++)
      await inboundMail(t.server, widget, { address: `page${i}@clients.example` }, { subject: `Page ${i}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(lea.client, { channel: widget, limit: 3, cursor });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const whole = await list(lea.client, { channel: widget, limit: 100 });
    expect(whole.body.items.map((i: { id: string }) => i.id)).toEqual(seen);
    expect((await list(lea.client, { cursor: 'nonsense' })).status).toBe(400);
    expect((await list(lea.client, { limit: 101 })).status).toBe(400);
  });

  it('opens a conversation: the customer across channels, the whole timeline with authors and delivery, SLA times', async () => {
    const mail = await inboundMail(
      t.server,
      email,
      { address: 'Nora@Clients.example', name: 'Nora Petit' },
      {
        subject: 'Retour produit',
        body: 'Comment retourner mon article ?',
      },
    );
    // The same person writes through the widget, giving her address: one customer.
    const { ingestInbound } = await import('../../server/modules/care/ingest.ts');
    const chat = await ingestInbound(t.server.ctx, {
      channelId: widget,
      externalId: newId(),
      threadId: `visit-${newId()}`,
      customer: {
        kind: 'widget',
        value: `visitor-${newId()}`,
        displayName: 'Nora',
        email: 'nora@clients.example',
      },
      body: 'Je vous ai écrit par mail aussi.',
    });
    expect(chat.customerId).toBe(mail.customerId);

    const note = await lea.client.call(api.addCareNote, {
      params: { id: mail.conversationId },
      body: { body: 'Client fidèle, accepter le retour.' },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      kind: 'note',
      author: { id: lea.user.id, name: 'Léa Agent' },
      delivery: null,
    });
    const reply = await lea.client.call(api.sendCareReply, {
      params: { id: mail.conversationId },
      body: { body: '  Bonjour Nora, voici l’étiquette de retour.  ' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      kind: 'outbound',
      body: 'Bonjour Nora, voici l’étiquette de retour.',
      author: { id: lea.user.id, name: 'Léa Agent' },
      delivery: { status: 'pending', error: null, deliveredAt: null },
    });

    const detail = await open(marc.client, mail.conversationId);
    expect(detail.status).toBe(200);
    expect(detail.body.customer).toMatchObject({
      id: mail.customerId,
      name: 'Nora Petit',
      email: 'nora@clients.example',
    });
    expect(detail.body.customer.identities).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'nora@clients.example' },
        { kind: 'widget', value: expect.stringMatching(/^visitor-/) },
      ]),
    );
    expect(detail.body.customer.otherConversations).toEqual([
      expect.objectContaining({
        id: chat.conversationId,
        channel: expect.objectContaining({ kind: 'widget' }),
      }),
    ]);
    expect(detail.body.messages.map((m: { kind: string }) => m.kind)).toEqual([
      'inbound',
      'note',
      'outbound',
    ]);
    expect(detail.body.messages[0]).toMatchObject({ author: null, body: 'Comment retourner mon article ?' });
    expect(detail.body.messages[1].author.name).toBe('Léa Agent');
    expect(detail.body.firstResponseAt).not.toBeNull();
    expect(detail.body.sla.firstResponseDueAt).not.toBeNull();
    expect(detail.body.sla.resolutionDueAt).not.toBeNull();
    expect(detail.body.viewers).toEqual([]);

    expect((await open(lea.client, newId())).status).toBe(404);
    expect((await open(lea.client, 'not-an-id')).status).toBe(400);
  });

  it('writes notes: 201, kept from the customer, each an activity', async () => {
    const m = await inboundMail(t.server, email, { address: 'note@clients.example' });
    const res = await marc.client.call(api.addCareNote, {
      params: { id: m.conversationId },
      body: { body: 'À suivre' },
    });
    expect(res.status).toBe(201);
    expect(await activities('care.note_added', m.conversationId)).toEqual([
      { actor_id: marc.user.id, data: { channel: 'email' } },
    ]);
    const empty = await marc.client.call(api.addCareNote, {
      params: { id: m.conversationId },
      body: { body: '   ' },
    });
    expect(empty.status).toBe(400);
    const nowhere = await marc.client.call(api.addCareNote, { params: { id: newId() }, body: { body: 'x' } });
    expect(nowhere.status).toBe(404);
  });

  it('replies: the first sets the first response, each is an activity, and the status may change with it', async () => {
    const m = await inboundMail(t.server, email, { address: 'reply@clients.example' });
    const first = await lea.client.call(api.sendCareReply, {
      params: { id: m.conversationId },
      body: { body: 'Nous regardons.' },
    });
    expect(first.status).toBe(201);
    const second = await lea.client.call(api.sendCareReply, {
      params: { id: m.conversationId },
      body: { body: 'Pouvez-vous confirmer votre adresse ?', status: 'pending' },
    });
    expect(second.status).toBe(201);
    const replied = await activities('care.replied', m.conversationId);
    expect(replied.map((r) => r.data)).toEqual([
      { channel: 'email', first: true, minutes: expect.any(Number) },
      { channel: 'email', first: false, minutes: expect.any(Number) },
    ]);
    const detail = await open(lea.client, m.conversationId);
    expect(detail.body).toMatchObject({ status: 'pending', messageCount: 3 });
    const firstAt = detail.body.firstResponseAt;
    expect(firstAt).toBe(detail.body.messages[1].createdAt);

    const resolved = await lea.client.call(api.sendCareReply, {
      params: { id: m.conversationId },
      body: { body: 'C’est réglé.', status: 'resolved' },
    });
    expect(resolved.status).toBe(201);
    const after = await open(lea.client, m.conversationId);
    expect(after.body.status).toBe('resolved');
    expect(after.body.firstResponseAt).toBe(firstAt);
    expect(await activities('care.resolved', m.conversationId)).toHaveLength(1);

    await t.server.ctx.db
      .updateTable('care_channels')
      .set({ enabled: false })
      .where('id', '=', email)
      .execute();
    try {
      const off = await lea.client.call(api.sendCareReply, {
        params: { id: m.conversationId },
        body: { body: 'x' },
      });
      expect(off.status).toBe(409);
      expect(off.body.error.code).toBe('care_channel_disabled');
    } finally {
      await t.server.ctx.db
        .updateTable('care_channels')
        .set({ enabled: true })
        .where('id', '=', email)
        .execute();
    }
  });

  it('changes status, priority (with new SLA due times), assignee (an agent, told so), team and tags', async () => {
    const m = await inboundMail(
      t.server,
      email,
      { address: 'patch@clients.example' },
      { subject: 'Écran cassé' },
    );
    const before = (await open(lea.client, m.conversationId)).body;
    const dueBefore = Date.parse(before.sla.firstResponseDueAt);

    const urgent = await patch(lea.client, m.conversationId, { priority: 'urgent' });
    expect(urgent.status).toBe(200);
    expect(urgent.body.priority).toBe('urgent');
    // Urgent: 15 minutes instead of 60, from the same start.
    expect(dueBefore - Date.parse(urgent.body.sla.firstResponseDueAt)).toBe(45 * 60_000);
    expect(Date.parse(before.sla.resolutionDueAt) - Date.parse(urgent.body.sla.resolutionDueAt)).toBe(
      360 * 60_000,
    );

    const notAgent = await patch(lea.client, m.conversationId, { assigneeId: member.user.id });
    expect(notAgent.status).toBe(400);
    expect(notAgent.body.error.code).toBe('care_assignee_not_agent');
    const assigned = await patch(lea.client, m.conversationId, { assigneeId: marc.user.id, teamId: team });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee).toEqual({ id: marc.user.id, name: 'Marc Agent' });
    expect(assigned.body.team).toEqual({ id: team, name: 'Livraisons' });
    expect(await activities('care.assigned', m.conversationId)).toEqual([
      { actor_id: lea.user.id, data: { channel: 'email', assigneeId: marc.user.id } },
    ]);
    const told = await marc.client.call(api.listNotifications);
    expect(told.body.items[0]).toMatchObject({
      kind: 'care_assigned',
      actor: { id: lea.user.id },
      care: { conversationId: m.conversationId, subject: 'Écran cassé' },
    });
    // The same value again changes nothing and tells no one.
    await patch(lea.client, m.conversationId, { assigneeId: marc.user.id });
    expect(await activities('care.assigned', m.conversationId)).toHaveLength(1);

    const unknownTeam = await patch(lea.client, m.conversationId, { teamId: newId() });
    expect(unknownTeam.status).toBe(400);
    expect(unknownTeam.body.error.details.issues[0].field).toBe('teamId');

    const tagged = await patch(lea.client, m.conversationId, { tags: ['#Écran', 'sav', 'SAV'] });
    expect(tagged.body.tags).toEqual(['écran', 'sav']);
    expect((await patch(lea.client, m.conversationId, { tags: ['pas un tag'] })).status).toBe(400);

    const resolved = await patch(lea.client, m.conversationId, { status: 'resolved' });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.resolvedAt).not.toBeNull();
    expect((await activities('care.resolved', m.conversationId))[0]!.data).toEqual({
      channel: 'email',
      minutes: expect.any(Number),
    });
    const reopened = await patch(lea.client, m.conversationId, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', resolvedAt: null });

    const unassigned = await patch(lea.client, m.conversationId, { assigneeId: null, teamId: null });
    expect(unassigned.body).toMatchObject({ assignee: null, team: null });
    expect((await patch(lea.client, m.conversationId, {})).status).toBe(400);
    expect((await patch(lea.client, newId(), { status: 'open' })).status).toBe(404);
  });

  it('keeps canned replies that any agent writes, with variables filled from the conversation', async () => {
    const created = await lea.client.call(api.createCareCannedReply, {
      body: {
        title: 'Retour',
        body: 'Bonjour {{customer_name}}, au sujet de « {{conversation_subject}} ». {{agent_name}}',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toEqual({ id: lea.user.id, name: 'Léa Agent' });
    const updated = await marc.client.call(api.updateCareCannedReply, {
      params: { id: created.body.id },
      body: { title: 'Retour produit', body: created.body.body },
    });
    expect(updated.status).toBe(200);
    const all = await marc.client.call(api.listCareCannedReplies);
    const mine = all.body.items.find((c: { id: string }) => c.id === created.body.id);
    expect(mine.title).toBe('Retour produit');
    expect(
      expandCanned(mine.body, { customer_name: 'Nora', conversation_subject: 'Retour', agent_name: 'Marc' }),
    ).toBe('Bonjour Nora, au sujet de « Retour ». Marc');
    expect(
      (await lea.client.call(api.createCareCannedReply, { body: { title: '', body: 'x' } })).status,
    ).toBe(400);
    expect(
      (await lea.client.call(api.deleteCareCannedReply, { params: { id: created.body.id } })).status,
    ).toBe(204);
    expect(
      (await lea.client.call(api.deleteCareCannedReply, { params: { id: created.body.id } })).status,
    ).toBe(404);
    expect(await activities('care.canned_created', created.body.id)).toHaveLength(1);
  });

  it('saves views: one’s own, shared ones read by every agent, changed by their owner only', async () => {
    const tagged = await inboundMail(t.server, email, { address: 'view@clients.example' });
    await patch(lea.client, tagged.conversationId, { tags: ['vip'] });
    const mine = await lea.client.call(api.createCareView, {
      body: { name: 'VIP ouverts', filters: { status: 'open', tag: '#VIP' }, shared: true },
    });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ filters: { status: 'open', tag: 'vip' }, shared: true, mine: true });
    const secret = await lea.client.call(api.createCareView, {
      body: { name: 'Brouillon', filters: { breached: 'true' } },
    });
    expect(secret.body).toMatchObject({ shared: false, filters: { breached: true } });

    const seenByMarc = await marc.client.call(api.listCareViews);
    const names = seenByMarc.body.items.map((v: { name: string }) => v.name);
    expect(names).toContain('VIP ouverts');
    expect(names).not.toContain('Brouillon');
    expect(seenByMarc.body.items.find((v: { id: string }) => v.id === mine.body.id)).toMatchObject({
      mine: false,
      owner: { id: lea.user.id },
    });

    const viaView = await list(marc.client, { view: mine.body.id });
    expect(viaView.body.items.map((i: { id: string }) => i.id)).toEqual([tagged.conversationId]);
    // A filter given with the view overrides the view's own.
    expect((await list(marc.client, { view: mine.body.id, status: 'resolved' })).body.items).toEqual([]);
    expect((await list(marc.client, { view: secret.body.id })).status).toBe(404);

    expect(
      (await marc.client.call(api.updateCareView, { params: { id: mine.body.id }, body: { name: 'À moi' } }))
        .status,
    ).toBe(404);
    expect((await marc.client.call(api.deleteCareView, { params: { id: mine.body.id } })).status).toBe(404);
    const renamed = await lea.client.call(api.updateCareView, {
      params: { id: mine.body.id },
      body: { name: 'VIP', shared: false },
    });
    expect(renamed.body).toMatchObject({ name: 'VIP', shared: false });
    const invalid = await lea.client.call(api.createCareView, {
      body: { name: 'x', filters: { priority: 'huge' } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.issues[0].field).toBe('filters.priority');
    expect((await lea.client.call(api.deleteCareView, { params: { id: mine.body.id } })).status).toBe(204);
  });

  it('shows who else has a conversation open, and whether they are writing, for a minute', async () => {
    const m = await inboundMail(t.server, email, { address: 'presence@clients.example' });
    const beat = await lea.client.call(api.touchCarePresence, {
      params: { id: m.conversationId },
      body: { composing: true },
    });
    expect(beat.status).toBe(200);
    expect(beat.body.viewers).toEqual([]);
    const answer = await marc.client.call(api.touchCarePresence, {
      params: { id: m.conversationId },
      body: {},
    });
    expect(answer.body.viewers).toEqual([
      { agent: { id: lea.user.id, name: 'Léa Agent' }, composing: true, seenAt: expect.any(String) },
    ]);
    expect((await open(marc.client, m.conversationId)).body.viewers).toHaveLength(1);
    expect((await open(lea.client, m.conversationId)).body.viewers[0].agent.id).toBe(marc.user.id);
    t.server.clock.advance(61_000);
    expect((await open(marc.client, m.conversationId)).body.viewers).toEqual([]);
    expect((await lea.client.call(api.touchCarePresence, { params: { id: newId() }, body: {} })).status).toBe(
      404,
    );
  });

  it('lists the agents (with their teams), the teams and the channels for the pickers', async () => {
    const res = await lea.client.call(api.listCareAgents);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((a: { id: string }) => a.id);
    expect(ids).toEqual(expect.arrayContaining([lea.user.id, marc.user.id]));
    expect(ids).not.toContain(member.user.id);
    expect(res.body.items.find((a: { id: string }) => a.id === lea.user.id).teams).toEqual([
      { id: team, name: 'Livraisons' },
    ]);
    expect(res.body.teams).toEqual(expect.arrayContaining([{ id: team, name: 'Livraisons' }]));
    expect(res.body.channels).toEqual(
      expect.arrayContaining([{ id: email, kind: 'email', name: 'Support mail' }]),
    );
    // Administrators may work the inbox too, and are offered.
    expect((await admin.call(api.listCareAgents)).body.items.length).toBe(res.body.items.length);
  });

  it('warns before an SLA target is missed, then marks it missed once, as time passes', async () => {
    const m = await inboundMail(
      t.server,
      email,
      { address: 'late@clients.example' },
      { subject: 'Toujours rien' },
    );
    const quiet = await inboundMail(t.server, email, { address: 'fine@clients.example' });
    await patch(lea.client, m.conversationId, { teamId: team });
    await lea.client.call(api.sendCareReply, {
      params: { id: quiet.conversationId },
      body: { body: 'Réglé' },
    });

    // 50 minutes: the first-response target (60) is 10 minutes away, within the 15-minute warning.
    t.server.clock.advance(50 * 60_000);
    await drainJobs(t.server);
    const warned = (await open(lea.client, m.conversationId)).body;
    expect(warned.sla.state).toBe('warning');
    expect(warned.sla.warnedAt).not.toBeNull();
    // No assignee: the team's agents are told.
    const leaTold = await lea.client.call(api.listNotifications);
    expect(
      leaTold.body.items.find(
        (n: { care: { conversationId: string } | null }) => n.care?.conversationId === m.conversationId,
      ),
    ).toMatchObject({
      kind: 'care_sla_warning',
      care: { conversationId: m.conversationId, subject: 'Toujours rien' },
    });

    t.server.clock.advance(15 * 60_000);
    await drainJobs(t.server);
    const missed = (await open(lea.client, m.conversationId)).body;
    expect(missed.sla.state).toBe('breached');
    expect(missed.sla.firstResponseBreachedAt).not.toBeNull();
    expect(await activities('care.sla_breached', m.conversationId)).toEqual([
      { actor_id: null, data: { target: 'first_response', channel: 'email', teamId: team } },
    ]);
    // The answered one missed nothing.
    expect((await open(lea.client, quiet.conversationId)).body.sla.firstResponseBreachedAt).toBeNull();

    const breached = await list(lea.client, { breached: 'true', status: 'open' });
    const ids = breached.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(m.conversationId);
    expect(ids).not.toContain(quiet.conversationId);

    // Later runs do not count it again.
    t.server.clock.advance(2 * 60_000);
    await drainJobs(t.server);
    expect(await activities('care.sla_breached', m.conversationId)).toHaveLength(1);
  });
  it('tells only people who still work the inbox: a withdrawn grant hides care notifications and the SLA warning goes to the team', async () => {
    const zoe = await careAgent(t.server, 'Zoé Agent');
    const m = await inboundMail(
      t.server,
      email,
      { address: 'partie@clients.example' },
      { subject: 'Colis abîmé' },
    );
    await patch(lea.client, m.conversationId, { assigneeId: zoe.user.id, teamId: team });
    const careItems = async (client: TestClient) => {
      const res = await client.call(api.listNotifications);
      return {
        unread: res.body.unreadCount as number,
        items: res.body.items.filter(
          (n: { care: { conversationId: string } | null }) => n.care?.conversationId === m.conversationId,
        ),
      };
    };
    const assigned = await careItems(zoe.client);
    expect(assigned.items.map((n: { kind: string }) => n.kind)).toEqual(['care_assigned']);

    const withdrawn = await admin.call(api.setCareAgent, {
      params: { id: zoe.user.id },
      body: { agent: false },
    });
    expect(withdrawn.status).toBe(200);
    // The customer's subject is no longer listed, nor counted.
    const hidden = await careItems(zoe.client);
    expect(hidden.items).toEqual([]);
    expect(hidden.unread).toBe(assigned.unread - 1);

    // 50 minutes: the warning skips the former agent and goes to the team (Léa).
    t.server.clock.advance(50 * 60_000);
    await drainJobs(t.server);
    const warnings = await t.server.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'data'])
      .where('kind', '=', 'care_sla_warning')
      .execute();
    const told = warnings.filter((w) => w.data?.conversationId === m.conversationId).map((w) => w.user_id);
    expect(told).toEqual([lea.user.id]);

    // Given the grant again, the assignment she was told about is hers to read again.
    await admin.call(api.setCareAgent, { params: { id: zoe.user.id }, body: { agent: true } });
    expect((await careItems(zoe.client)).items.map((n: { kind: string }) => n.kind)).toEqual([
      'care_assigned',
    ]);
  });
});

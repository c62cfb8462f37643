// Customer-care insight, end to end over HTTP: French and English messages scored with the
// right sign and corrected by an agent; a spike of negative messages raises one alert (not
// two), which an agent acknowledges; an escalation asks a space without the customer's
// personal data unless the agent includes it, a member answers, and the answer comes back as
// a draft reply; someone outside the space never sees the question; product feedback counts
// per tag and week; the care figures; and nobody without the care role sees any of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { ingestInbound } from '../../server/modules/care/ingest.ts';
import { detectNegativeSpikes } from '../../server/modules/care/insight/alerts.ts';
import { newId } from '../../server/platform/ids.ts';
import type { TestClient } from '../helpers/client.ts';
import { type BuiltUser, buildUser, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { useServer } from '../helpers/server.ts';

describe('care insight', () => {
  const t = useServer({ worker: false });
  const db = () => t.server.ctx.db;
  let agent: BuiltUser;
  let agentClient: TestClient;
  let expert: BuiltUser;
  let expertClient: TestClient;
  let outsiderClient: TestClient;
  let outsider: BuiltUser;
  let memberClient: TestClient;
  let email: string;
  let spaceId: string;

  async function channel(kind: 'email' | 'widget', name: string): Promise<string> {
    const id = newId();
    const now = t.server.clock.now();
    await db()
      .insertInto('care_channels')
      .values({ id, kind, name, created_by: null, created_at: now, updated_at: now })
      .execute();
    return id;
  }

  const inbound = (
    channelId: string,
    body: string,
    extra: Partial<Parameters<typeof ingestInbound>[1]> = {},
  ) =>
    ingestInbound(t.server.ctx, {
      channelId,
      externalId: `<${newId()}@example.org>`,
      customer: { kind: 'email', value: 'claire.martin@example.org', displayName: 'Claire Martin' },
      subject: 'Commande 4411',
      body,
      receivedAt: t.server.clock.now(),
      ...extra,
    });

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    agent = await buildUser(t.server, { name: 'Agnès Agent' });
    await db().updateTable('users').set({ care_agent: true }).where('id', '=', agent.id).execute();
    expert = await buildUser(t.server, { name: 'Edgar Expert' });
    outsider = await buildUser(t.server, { name: 'Oscar Outsider' });
    const member = await buildUser(t.server, { name: 'Mona Member' });
    agentClient = await signIn(t.server, agent);
    expertClient = await signIn(t.server, expert);
    outsiderClient = await signIn(t.server, outsider);
    memberClient = await signIn(t.server, member);
    email = await channel('email', 'Support mail');
    const space = await agentClient.call(api.createSpace, {
      body: { name: 'Logistique', type: 'team', visibility: 'secret' },
    });
    expect(space.status, JSON.stringify(space.body)).toBe(201);
    spaceId = space.body.id;
    await db()
      .insertInto('space_members')
      .values({ space_id: spaceId, user_id: expert.id, role: 'member', joined_at: t.server.clock.now() })
      .execute();
  });

  it('scores French and English messages with the right sign; an agent corrects one', async () => {
    const fr = await inbound(
      email,
      'Bonjour, votre service est nul, je suis très déçu : le colis n’est pas arrivé.',
    );
    const en = await inbound(email, 'Thanks a lot, the new version is great and I love it!', {
      customer: { kind: 'email', value: 'sam@example.com', displayName: 'Sam' },
    });
    const scores = await db()
      .selectFrom('care_messages')
      .select(['id', 'sentiment'])
      .where('id', 'in', [fr.messageId, en.messageId])
      .execute();
    const byId = new Map(scores.map((s) => [s.id, s.sentiment]));
    expect(byId.get(fr.messageId)).toBeLessThan(-0.3);
    expect(byId.get(en.messageId)).toBeGreaterThan(0.3);
    const conversation = await db()
      .selectFrom('care_conversations')
      .select('sentiment')
      .where('id', '=', fr.conversationId)
      .executeTakeFirstOrThrow();
    expect(conversation.sentiment).toBe(byId.get(fr.messageId));

    const edited = await agentClient.call(api.setCareMessageSentiment, {
      params: { id: fr.messageId },
      body: { sentiment: -0.1 },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ sentiment: -0.1, edited: true, conversationId: fr.conversationId });
    const after = await db()
      .selectFrom('care_messages')
      .innerJoin('care_conversations as c', 'c.id', 'care_messages.conversation_id')
      .select(['care_messages.sentiment_edited_by', 'c.sentiment'])
      .where('care_messages.id', '=', fr.messageId)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ sentiment_edited_by: agent.id, sentiment: -0.1 });
    const activity = await db()
      .selectFrom('activity_events')
      .select('actor_id')
      .where('verb', '=', 'care.sentiment_edited')
      .where('object_id', '=', fr.conversationId)
      .execute();
    expect(activity.map((a) => a.actor_id)).toEqual([agent.id]);

    const panel = await agentClient.call(api.getCareConversationInsight, {
      params: { id: fr.conversationId },
    });
    expect(panel.body).toMatchObject({
      sentiment: -0.1,
      latestInbound: { id: fr.messageId, sentiment: -0.1, edited: true },
      flagged: false,
    });

    const refused = await memberClient.call(api.setCareMessageSentiment, {
      params: { id: fr.messageId },
      body: { sentiment: 1 },
    });
    expect(refused.status).toBe(403);
    const invalid = await agentClient.call(api.setCareMessageSentiment, {
      params: { id: fr.messageId },
      body: { sentiment: 3 },
    });
    expect(invalid.status).toBe(400);
  });

  it('raises one alert for a spike of negative messages on a channel and a tag, and an agent acknowledges it', async () => {
    const widget = await channel('widget', 'Widget');
    // A quiet baseline: one negative message two days ago.
    await inbound(widget, 'This is terrible.', {
      receivedAt: new Date(t.server.clock.now().getTime() - 2 * 86_400_000),
    });
    for (let i = 0; i < 6; i++) {
      const r = await inbound(widget, `Awful service, I am angry and disappointed (${i}).`, {
        customer: { kind: 'widget', value: `visitor-${i}`, displayName: `Visitor ${i}` },
        receivedAt: new Date(t.server.clock.now().getTime() - i * 60_000),
      });
      await db()
        .updateTable('care_conversations')
        .set({ tags: ['delivery'] })
        .where('id', '=', r.conversationId)
        .execute();
    }
    expect(await detectNegativeSpikes(t.server.ctx)).toBe(2);
    expect(await detectNegativeSpikes(t.server.ctx)).toBe(0);

    const list = await agentClient.call(api.listCareAlerts);
    expect(list.status).toBe(200);
    const alerts = list.body.items as {
      id: string;
      channel: { id: string } | null;
      tag: string | null;
      messageCount: number;
    }[];
    const onChannel = alerts.find((a) => a.channel?.id === widget);
    expect(onChannel?.messageCount).toBe(6);
    expect(alerts.find((a) => a.tag === 'delivery')?.messageCount).toBe(6);

    const notifications = await agentClient.call(api.listNotifications);
    expect(notifications.body.items.filter((n: { kind: string }) => n.kind === 'care_alert')).toHaveLength(2);

    const ack = await agentClient.call(api.acknowledgeCareAlert, { params: { id: onChannel!.id } });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body.acknowledgedAt).not.toBeNull();
    const open = await agentClient.call(api.listCareAlerts);
    expect(open.body.items.map((a: { id: string }) => a.id)).not.toContain(onChannel!.id);
    const audited = await db()
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'care.alert_acknowledged')
      .where('target_id', '=', onChannel!.id)
      .execute();
    expect(audited.map((a) => a.actor_id)).toEqual([agent.id]);
    expect((await memberClient.call(api.listCareAlerts)).status).toBe(403);
  });

  it('asks a space without the customer’s personal data; a member answers; the draft comes back', async () => {
    const r = await inbound(
      email,
      'Hello, I am Claire Martin (claire.martin@example.org, +33 6 12 34 56 78). My parcel 4411 never arrived.',
    );
    const created = await agentClient.call(api.createCareEscalation, {
      params: { id: r.conversationId },
      body: {
        spaceId,
        title: 'Parcel 4411 lost for Claire?',
        text: 'Hello, I am Claire Martin (claire.martin@example.org, +33 6 12 34 56 78). My parcel 4411 never arrived.',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const postId = created.body.postId as string;
    expect(created.body).toMatchObject({ status: 'open', space: { id: spaceId }, draftBody: null });

    const post = await expertClient.call(api.getPost, { params: { id: postId } });
    expect(post.status).toBe(200);
    const text = JSON.stringify(post.body);
    expect(text).toContain('parcel 4411 never arrived');
    expect(text).not.toMatch(/Claire|Martin|claire\.martin|12 34 56/i);
    expect(text).toContain(`/care/conversations/${r.conversationId}`);

    // Someone outside the secret space never sees the question.
    expect((await outsiderClient.call(api.getPost, { params: { id: postId } })).status).toBe(404);

    const answer = await expertClient.call(api.createComment, {
      params: { id: postId },
      body: { body: 'The carrier lost it: we resend it today, tracking follows by email.' },
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const list = await agentClient.call(api.listCareEscalations, { params: { id: r.conversationId } });
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({
      status: 'answered',
      draftBody: 'The carrier lost it: we resend it today, tracking follows by email.',
      answeredBy: { id: expert.id },
    });

    // With the details ticked, the customer's name and address go along (and it is audited).
    const withDetails = await agentClient.call(api.createCareEscalation, {
      params: { id: r.conversationId },
      body: {
        spaceId,
        title: 'Who is this customer?',
        text: 'My parcel never arrived.',
        includeCustomer: true,
      },
    });
    expect(withDetails.status).toBe(201);
    const detailed = await expertClient.call(api.getPost, { params: { id: withDetails.body.postId } });
    expect(JSON.stringify(detailed.body)).toContain('claire.martin@example.org');
    const audited = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'care.escalated')
      .where('target_id', '=', r.conversationId)
      .execute();
    expect(audited.map((a) => (a.details as { includeCustomer: boolean }).includeCustomer).sort()).toEqual([
      false,
      true,
    ]);
  });

  it('asks an expert through a space they can read, and refuses one who cannot read it', async () => {
    const r = await inbound(email, 'Can I return an opened item?');
    const asked = await agentClient.call(api.createCareEscalation, {
      params: { id: r.conversationId },
      body: {
        spaceId,
        expertId: expert.id,
        title: 'Returns of opened items',
        text: 'Can I return an opened item?',
      },
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body.expert).toMatchObject({ id: expert.id });
    const notifications = await expertClient.call(api.listNotifications);
    expect(
      notifications.body.items.some(
        (n: { kind: string; post: { id: string } | null }) =>
          n.kind === 'expert_request' && n.post?.id === asked.body.postId,
      ),
    ).toBe(true);

    const before = await db()
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await agentClient.call(api.createCareEscalation, {
      params: { id: r.conversationId },
      body: { spaceId, expertId: outsider.id, title: 'Returns', text: 'Can I return an opened item?' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.issues[0].field).toBe('expertId');
    const after = await db()
      .selectFrom('posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n)); // nothing half-written

    // An agent who is not a member of the space cannot ask there.
    const otherAgent = await buildUser(t.server);
    await db().updateTable('users').set({ care_agent: true }).where('id', '=', otherAgent.id).execute();
    const other = await signIn(t.server, otherAgent);
    const notMember = await other.call(api.createCareEscalation, {
      params: { id: r.conversationId },
      body: { spaceId, title: 'Returns', text: 'Can I return an opened item?' },
    });
    expect(notMember.status).toBe(404);
    // …and sees the escalations of the conversation without the questions it cannot read.
    const seen = await other.call(api.listCareEscalations, { params: { id: r.conversationId } });
    expect(seen.body.items[0]).toMatchObject({ postId: null, space: null, draftBody: null });
  });

  it('flags a conversation for the product team and counts tags per week', async () => {
    const r = await inbound(email, 'Please add a dark mode to the app.');
    const flagged = await agentClient.call(api.setCareProductFeedback, {
      params: { id: r.conversationId },
      body: { flagged: true },
    });
    expect(flagged.status).toBe(200);
    expect(flagged.body).toMatchObject({ flagged: true, tags: ['product'], ideasAvailable: true });
    const counts = await agentClient.call(api.careTagCounts);
    expect(counts.status).toBe(200);
    expect(counts.body.series[0]).toMatchObject({ tag: 'product', total: 1 });
    expect(counts.body.series[0].counts).toHaveLength(counts.body.weeks.length);
    expect(counts.body.series.find((s: { tag: string }) => s.tag === 'delivery')?.total).toBe(6);
    const unflagged = await agentClient.call(api.setCareProductFeedback, {
      params: { id: r.conversationId },
      body: { flagged: false },
    });
    expect(unflagged.body.tags).toEqual([]);
    const bad = await agentClient.call(api.careTagCounts, {
      query: { from: '2026-12-10', to: '2026-12-01' },
    });
    expect(bad.status).toBe(400);
  });

  it('sums up the care figures per channel and team', async () => {
    const summary = await agentClient.call(api.careInsightSummary);
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    expect(summary.body.figures.conversations).toBeGreaterThanOrEqual(10);
    expect(summary.body.figures.negativeMessages).toBeGreaterThanOrEqual(6);
    expect(summary.body.byChannel.map((c: { name: string }) => c.name).sort()).toEqual([
      'Support mail',
      'Widget',
    ]);
    const widget = summary.body.channels.find((c: { name: string }) => c.name === 'Widget');
    const filtered = await agentClient.call(api.careInsightSummary, { query: { channel: widget.id } });
    expect(filtered.body.byChannel).toHaveLength(1);
    expect(filtered.body.figures.averageSentiment).toBeLessThan(0);
    expect(filtered.body.sentimentTrend.every((p: { channelId: string }) => p.channelId === widget.id)).toBe(
      true,
    );
  });

  it('shows nothing to members without the care role', async () => {
    const someConversation = await db()
      .selectFrom('care_conversations')
      .select('id')
      .executeTakeFirstOrThrow();
    for (const res of [
      await memberClient.call(api.careInsightSummary),
      await memberClient.call(api.careTagCounts),
      await memberClient.call(api.careEscalationTargets),
      await memberClient.call(api.listCareEscalations, { params: { id: someConversation.id } }),
      await memberClient.call(api.getCareConversationInsight, { params: { id: someConversation.id } }),
      await memberClient.call(api.createCareEscalation, {
        params: { id: someConversation.id },
        body: { spaceId, title: 'x', text: 'y' },
      }),
    ])
      expect(res.status).toBe(403);
    expect((await t.server.client().call(api.careInsightSummary)).status).toBe(401);
  });
  it('turns a conversation into an idea of an open campaign, without the customer’s personal data unless asked', async () => {
    const hour = 3_600_000;
    const now = t.server.clock.now().getTime();
    const when = {
      opensAt: new Date(now - hour).toISOString(),
      closesAt: new Date(now + 30 * 24 * hour).toISOString(),
    };
    const campaign = await agentClient.call(api.createCampaign, {
      body: { spaceId, title: 'Livraison', description: 'Vos idées', criteria: [], ...when },
    });
    expect(campaign.status, campaign.text).toBe(201);
    const r = await inbound(
      email,
      'Je suis Claire Martin (claire.martin@example.org). Pourriez-vous prévenir par SMS quand le colis part ?',
    );
    const turn = (client: TestClient, body: Record<string, unknown>) =>
      client.call(api.createCareConversationIdea, { params: { id: r.conversationId }, body: body as never });
    const written = async () => ({
      links: (await db().selectFrom('care_conversation_ideas').select('idea_id').execute()).length,
      ideas: (await db().selectFrom('ideas').select('id').execute()).length,
    });

    const created = await turn(agentClient, {
      campaignId: campaign.body.id,
      title: 'Prévenir Claire Martin par SMS au départ du colis',
      description: 'Je suis Claire Martin (claire.martin@example.org). Pourriez-vous prévenir par SMS ?',
    });
    expect(created.status, created.text).toBe(201);
    const ideaId = created.body.ideaId as string;
    // A member of the campaign's space reads it, without the customer's name or address.
    const read = await expertClient.call(api.getIdea, { params: { id: ideaId } });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toMatch(/Claire|Martin|claire\.martin@example\.org/);
    expect(read.body.idea.title).toBe('Prévenir […] par SMS au départ du colis');
    expect(
      await db()
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'care.idea_created')
        .execute(),
    ).toEqual([{ details: { ideaId, campaignId: campaign.body.id, includeCustomer: false } }]);
    const activity = await db()
      .selectFrom('activity_events')
      .select(['verb', 'object_id'])
      .where('verb', 'in', ['care.idea_created', 'idea.submitted'])
      .execute();
    expect(activity).toEqual(
      expect.arrayContaining([
        { verb: 'care.idea_created', object_id: r.conversationId },
        { verb: 'idea.submitted', object_id: ideaId },
      ]),
    );
    const panel = await agentClient.call(api.getCareConversationInsight, {
      params: { id: r.conversationId },
    });
    expect(panel.body.ideas).toEqual([
      {
        id: ideaId,
        title: 'Prévenir […] par SMS au départ du colis',
        status: 'new',
        campaign: { id: campaign.body.id, title: 'Livraison' },
        createdAt: expect.any(String),
      },
    ]);

    // Ticked: the customer's details stay.
    const withName = await turn(agentClient, {
      campaignId: campaign.body.id,
      title: 'Rappeler Claire Martin',
      includeCustomer: true,
    });
    expect(withName.status).toBe(201);
    expect(
      (await agentClient.call(api.getIdea, { params: { id: withName.body.ideaId } })).body.idea.title,
    ).toBe('Rappeler Claire Martin');

    // An agent who cannot read the campaign's space does not see the ideas on the conversation.
    await db().updateTable('users').set({ care_agent: true }).where('id', '=', outsider.id).execute();
    const other = await outsiderClient.call(api.getCareConversationInsight, {
      params: { id: r.conversationId },
    });
    expect(other.body.ideas).toEqual([]);
    await db().updateTable('users').set({ care_agent: false }).where('id', '=', outsider.id).execute();

    // Refused with nothing written: a campaign out of reach (404), a closed one (409), a non-agent (403), bad input (400).
    const before = await written();
    const elsewhere = await outsiderClient.call(api.createSpace, {
      body: { name: 'Ailleurs', type: 'team', visibility: 'secret' },
    });
    const hidden = await outsiderClient.call(api.createCampaign, {
      body: { spaceId: elsewhere.body.id, title: 'Ailleurs', description: '', criteria: [], ...when },
    });
    expect(hidden.status).toBe(201);
    expect((await turn(agentClient, { campaignId: hidden.body.id, title: 'Une idée' })).status).toBe(404);
    const closed = await agentClient.call(api.createCampaign, {
      body: {
        spaceId,
        title: 'Plus tard',
        description: '',
        criteria: [],
        opensAt: new Date(now + 24 * hour).toISOString(),
        closesAt: new Date(now + 48 * hour).toISOString(),
      },
    });
    const refused = await turn(agentClient, { campaignId: closed.body.id, title: 'Une idée' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'campaign_closed']);
    expect((await turn(memberClient, { campaignId: campaign.body.id, title: 'Une idée' })).status).toBe(403);
    const empty = await turn(agentClient, { campaignId: campaign.body.id, title: '' });
    expect(empty.status).toBe(400);
    expect(
      (
        await agentClient.call(api.createCareConversationIdea, {
          params: { id: newId() },
          body: { campaignId: campaign.body.id, title: 'Une idée' } as never,
        })
      ).status,
    ).toBe(404);
    expect(await written()).toEqual(before);
  });
});

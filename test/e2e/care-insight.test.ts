// Care insight in the browser: an agent sees a negative-spike alert on /care/insight and
// acknowledges it, reads the figures and the tags per week; on a conversation's insight panel
// they correct the sentiment, ask a secret space through the dialog (the customer's name stays
// out), a member of the space answers, and "Use as reply" puts the answer in the reply box;
// they turn the conversation into an idea of a campaign (the name stays out there too).
// A member without the care role is refused; the page works at phone width; axe finds nothing serious.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { ingestInbound } from '../../server/modules/care/ingest.ts';
import { detectNegativeSpikes } from '../../server/modules/care/insight/alerts.ts';
import { newId } from '../../server/platform/ids.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const ANSWER = 'The carrier lost it: we send a new one today.';

describe('care insight', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let agent: Person;
  let expert: Person;
  let member: Person;
  let space: { id: string; name: string };
  let conversationId: string;
  let agentPage: Page;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    agent = await person(t.server, { name: 'Agnès Agent' });
    expert = await person(t.server, { name: 'Edgar Expert' });
    member = await person(t.server, { name: 'Mona Member' });
    await t.server.ctx.db.updateTable('users').set({ care_agent: true }).where('id', '=', agent.id).execute();
    space = await makeSpace(t.server, {
      visibility: 'secret',
      name: 'Logistique',
      owner: agent,
      members: [expert],
    });
    const channelId = newId();
    const now = t.server.clock.now();
    await t.server.ctx.db
      .insertInto('care_channels')
      .values({
        id: channelId,
        kind: 'email',
        name: 'Support mail',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (let i = 0; i < 5; i++) {
      await ingestInbound(t.server.ctx, {
        channelId,
        externalId: `<spike-${i}@example.org>`,
        customer: { kind: 'email', value: `angry-${i}@example.org` },
        body: `Terrible service, I am angry and disappointed (${i}).`,
        receivedAt: now,
      });
    }
    const claire = await ingestInbound(t.server.ctx, {
      channelId,
      externalId: '<claire-1@example.org>',
      customer: { kind: 'email', value: 'claire.martin@example.org', displayName: 'Claire Martin' },
      subject: 'Parcel 4411',
      body: 'Hello, Claire Martin here. My parcel 4411 never arrived, this is awful.',
      receivedAt: now,
    });
    conversationId = claire.conversationId;
    await t.server.ctx.db
      .updateTable('care_conversations')
      .set({ tags: ['delivery'] })
      .where('id', '=', conversationId)
      .execute();
    expect(await detectNegativeSpikes(t.server.ctx)).toBe(1);
    agentPage = await pageSignedInAs(await b.newContext(), agent, PASSWORD);
  });

  test('the agent acknowledges the alert and reads the figures and tags', async () => {
    await agentPage.goto('/care/insight');
    await agentPage.getByRole('heading', { name: 'Care insight', level: 2 }).waitFor();
    const alert = agentPage.getByTestId('care-alert');
    await alert.getByText('6 negative messages in an hour on Support mail').waitFor();
    await agentPage.getByTestId('care-figure-conversations').getByText('6').waitFor();
    await agentPage.getByTestId('tag-row-delivery').waitFor();
    const violations = await seriousViolations(agentPage);
    expect(violations, violations.join('\n')).toEqual([]);
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await agentPage.getByText('Alert acknowledged.').waitFor();
    expect(await agentPage.getByTestId('care-alert').count()).toBe(0);
  });

  test('the agent corrects the sentiment, asks a space, and uses the answer as a reply', async () => {
    await agentPage.goto(`/care/conversations/${conversationId}`);
    const badge = agentPage.getByTestId('sentiment-badge');
    await badge.getByText(/^Negative/).waitFor();
    await badge.getByRole('button', { name: 'Correct sentiment' }).click();
    await badge.getByLabel('Sentiment of this message').selectOption('neutral');
    await badge.getByRole('button', { name: 'Save' }).click();
    await badge.getByText('corrected by an agent').waitFor();
    await badge.getByText(/^Neutral/).waitFor();

    await agentPage.getByRole('button', { name: 'Ask inside the company' }).click();
    const dialog = agentPage.getByRole('dialog', { name: 'Ask a space or an expert' });
    await dialog.getByLabel('Space', { exact: true }).selectOption({ label: space.name });
    expect(await dialog.getByLabel('Question').inputValue()).toBe('Parcel 4411');
    expect(await dialog.getByLabel('Include customer details (name and email address)').isChecked()).toBe(
      false,
    );
    const violations = await seriousViolations(agentPage);
    expect(violations, violations.join('\n')).toEqual([]);
    await dialog.getByRole('button', { name: 'Ask', exact: true }).click();
    await agentPage.getByText('Question asked. The answer will come back here as a draft reply.').waitFor();
    await agentPage.getByTestId('escalation').getByText('Waiting for an answer').waitFor();

    const escalation = await t.server.ctx.db
      .selectFrom('care_escalations')
      .innerJoin('posts', 'posts.id', 'care_escalations.post_id')
      .select(['posts.id', 'posts.body', 'posts.title'])
      .where('conversation_id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(`${escalation.title} ${escalation.body}`).not.toMatch(/Claire|Martin|claire\.martin/);
    expect(escalation.body).toContain('My parcel 4411 never arrived');
    // Someone outside the secret space does not see the question.
    expect((await member.client.call(api.getPost, { params: { id: escalation.id } })).status).toBe(404);
    const answered = await expert.client.call(api.createComment, {
      params: { id: escalation.id },
      body: { body: ANSWER },
    });
    expect(answered.status).toBe(201);

    await agentPage.reload();
    const item = agentPage.getByTestId('escalation');
    await item.getByText('Answered', { exact: true }).waitFor();
    await item.getByRole('button', { name: 'Use as reply' }).click();
    // The reply box takes the draft in an effect, after the click's render.
    await expect.poll(() => agentPage.getByLabel('Your reply').inputValue()).toBe(ANSWER);
  });

  test('the agent turns the conversation into an idea, without the customer’s name', async () => {
    const hour = 3_600_000;
    const now = t.server.clock.now().getTime();
    const campaign = await agent.client.call(api.createCampaign, {
      body: {
        spaceId: space.id,
        title: 'Delivery ideas',
        description: 'How could delivery go better?',
        criteria: [],
        opensAt: new Date(now - hour).toISOString(),
        closesAt: new Date(now + 30 * 24 * hour).toISOString(),
      },
    });
    expect(campaign.status).toBe(201);
    await agentPage.goto(`/care/conversations/${conversationId}`);
    await agentPage.getByRole('button', { name: 'Turn into an idea' }).click();
    const dialog = agentPage.getByRole('dialog', { name: 'Turn this conversation into an idea' });
    await dialog.getByLabel('Campaign').selectOption({ label: `Delivery ideas — ${space.name}` });
    await dialog.getByLabel('Idea', { exact: true }).fill('Tell Claire Martin when a parcel is lost');
    expect(await dialog.getByLabel('Include customer details (name and email address)').isChecked()).toBe(
      false,
    );
    const violations = await seriousViolations(agentPage);
    expect(violations, violations.join('\n')).toEqual([]);
    await dialog.getByRole('button', { name: 'Propose the idea' }).click();
    const ideas = agentPage.getByRole('list', { name: 'Ideas from this conversation' });
    await ideas.getByRole('link', { name: 'Tell […] when a parcel is lost' }).click();
    await heading(agentPage, 'Tell […] when a parcel is lost').waitFor();
  });

  test('a member without the care role is refused; the page fits a phone', async () => {
    const memberPage = await pageSignedInAs(await b.newContext(), member, PASSWORD);
    await memberPage.goto('/care/insight');
    await heading(memberPage, 'Page not found').waitFor();

    const phone = await pageSignedInAs(
      await b.newContext({ viewport: { width: 375, height: 812 } }),
      agent,
      PASSWORD,
    );
    await phone.goto('/care/insight');
    await phone.getByRole('heading', { name: 'Care insight', level: 2 }).waitFor();
    await phone.getByTestId('care-figure-conversations').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

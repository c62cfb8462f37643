// Ideas in the browser: a customer guest of an external space proposes an idea with a file in
// that space's campaign (on a phone), employees of the space vote for it, an evaluator moves it
// to shipped with an explanation, and the guest finds the notification, the new status and the
// explanation — but no evaluator panel. Then an evaluator merges a duplicate from its page and
// the owner edits and closes the campaign.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 375, height: 812 };
const TITLE = 'Dark mode for the customer portal';

describe('ideas', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let owner: Person;
  let employee: Person;
  let colleague: Person;
  let guest: Person;
  let campaignId = '';

  async function noViolations(page: Page) {
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  }

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    owner = await person(t.server, { name: 'Olivia Owner' });
    employee = await person(t.server, { name: 'Emma Employee' });
    colleague = await person(t.server, { name: 'Colin Colleague' });
    guest = await person(t.server, { role: 'guest', name: 'Gina Customer' });
    const space = await makeSpace(t.server, {
      visibility: 'private',
      external: true,
      owner,
      members: [employee, colleague, guest],
      name: 'Customer council',
    });
    const now = t.server.clock.now().getTime();
    const created = await owner.client.call(api.createCampaign, {
      body: {
        spaceId: space.id,
        title: 'Improve the customer portal',
        description: 'What would make the portal better for you?',
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 30 * 86_400_000).toISOString(),
        criteria: ['Impact'],
      },
    });
    expect(created.status, created.text).toBe(201);
    campaignId = created.body.id;
  });

  test('the owner of a space opens a campaign from the ideas page; a guest sees no such form', async () => {
    const ownerPage = await pageSignedInAs(await b.newContext({ viewport: PHONE }), owner, PASSWORD);
    await ownerPage.goto('/ideas');
    await ownerPage.getByText('Open a campaign').click();
    await ownerPage.getByRole('button', { name: 'Open the campaign' }).click();
    // Checked before sending, on its fields.
    const spaceField = ownerPage.getByLabel('Space (you own it; its readers take part)');
    await expect.poll(() => spaceField.getAttribute('aria-invalid')).toBe('true');
    expect(await t.server.ctx.db.selectFrom('idea_campaigns').select('id').execute()).toHaveLength(1);
    await ownerPage
      .getByLabel('Space (you own it; its readers take part)')
      .selectOption({ label: 'Customer council' });
    await ownerPage.getByLabel('Campaign title').fill('Packaging ideas');
    await ownerPage.getByLabel('Evaluation criteria (one per line)').fill('Impact\nCost');
    await noViolations(ownerPage);
    await ownerPage.getByRole('button', { name: 'Open the campaign' }).click();
    await heading(ownerPage, 'Packaging ideas').waitFor();
    const stored = await t.server.ctx.db
      .selectFrom('idea_campaigns')
      .select(['criteria'])
      .where('title', '=', 'Packaging ideas')
      .executeTakeFirstOrThrow();
    expect(stored.criteria).toEqual(['Impact', 'Cost']);

    const guestPage = await pageSignedInAs(await b.newContext(), guest, PASSWORD);
    await guestPage.goto('/ideas');
    await guestPage.getByRole('link', { name: 'Packaging ideas' }).waitFor();
    expect(await guestPage.getByText('Open a campaign').count()).toBe(0);
  });

  test('a guest proposes, employees vote, an evaluator ships it and the guest is told', async () => {
    const guestPage = await pageSignedInAs(await b.newContext({ viewport: PHONE }), guest, PASSWORD);
    await guestPage.goto(`/ideas/${campaignId}`);
    await heading(guestPage, 'Improve the customer portal').waitFor();
    await guestPage.getByLabel('Title').fill(TITLE);
    await guestPage.getByLabel('Description').fill('Easier on the eyes in the evening.');
    await guestPage.getByLabel('Attach files').setInputFiles({
      name: 'mockup.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('A dark mockup'),
    });
    await guestPage.getByRole('button', { name: 'Remove mockup.txt' }).waitFor();
    await guestPage.getByRole('button', { name: 'Propose' }).click();
    await guestPage.getByText('Thank you: your idea was added.').waitFor();
    await noViolations(guestPage);

    const employeePage = await pageSignedInAs(await b.newContext(), employee, PASSWORD);
    await employeePage.goto(`/ideas/${campaignId}`);
    const row = employeePage.getByTestId('idea').filter({ hasText: TITLE });
    await row.getByRole('button', { name: 'Vote' }).click();
    await row.getByText('1 vote').waitFor();
    const ideaId = (
      await t.server.ctx.db
        .selectFrom('ideas')
        .select('id')
        .where('title', '=', TITLE)
        .executeTakeFirstOrThrow()
    ).id;
    const second = await colleague.client.call(api.voteIdea, {
      params: { id: ideaId },
      body: { voted: true },
    });
    expect(second.body.idea.votes).toBe(2);

    const ownerPage = await pageSignedInAs(await b.newContext(), owner, PASSWORD);
    await ownerPage.goto(`/ideas/idea/${ideaId}`);
    await heading(ownerPage, TITLE).waitFor();
    await ownerPage.getByLabel('Internal note').fill('Cheap: the design system has a dark theme.');
    await ownerPage.getByRole('button', { name: 'Save evaluation' }).click();
    await ownerPage.getByText('Evaluation saved.').waitFor();
    await ownerPage.getByLabel('New status').selectOption('shipped');
    await ownerPage
      .getByLabel('Explanation (shared with contributors)')
      .fill('Released in the November update.');
    await ownerPage.getByRole('button', { name: 'Change status' }).click();
    await ownerPage.getByTestId('idea-status').filter({ hasText: 'Shipped' }).waitFor();
    await noViolations(ownerPage);

    await guestPage.goto('/notifications');
    const notice = guestPage.getByRole('link', {
      name: `Olivia Owner changed the status of an idea: ${TITLE}`,
    });
    await notice.click();
    await heading(guestPage, TITLE).waitFor();
    await guestPage.getByTestId('idea-status').filter({ hasText: 'Shipped' }).waitFor();
    await guestPage.getByText('Released in the November update.').waitFor();
    await guestPage.getByRole('link', { name: 'mockup.txt' }).waitFor();
    expect(await guestPage.getByText('Evaluation (internal)').count()).toBe(0);
    expect(await guestPage.getByText('design system has a dark theme').count()).toBe(0);
    await noViolations(guestPage);
  });

  test('an evaluator merges a duplicate from its page; the owner edits and closes the campaign', async () => {
    const duplicate = await employee.client.call(api.submitIdea, {
      params: { id: campaignId },
      body: { title: 'A dark theme for the portal' },
    });
    expect(duplicate.status, duplicate.text).toBe(201);
    const ownerPage = await pageSignedInAs(await b.newContext({ viewport: PHONE }), owner, PASSWORD);
    await ownerPage.goto(`/ideas/idea/${duplicate.body.idea.id}`);
    await ownerPage.getByLabel('Surviving idea').selectOption({ label: TITLE });
    await ownerPage.getByRole('button', { name: 'Merge into this idea' }).click();
    await ownerPage.getByText('This idea was merged into another one').waitFor();
    await ownerPage.getByRole('link', { name: 'See the idea it was merged into' }).click();
    await heading(ownerPage, TITLE).waitFor();

    await ownerPage.goto(`/ideas/${campaignId}`);
    await ownerPage.getByText('Edit the campaign').click();
    await ownerPage.getByLabel('Campaign title').fill('Improve the customer portal in 2027');
    await ownerPage.getByRole('button', { name: 'Save', exact: true }).click();
    await heading(ownerPage, 'Improve the customer portal in 2027').waitFor();
    await ownerPage.getByRole('button', { name: 'Close the campaign now' }).click();
    await ownerPage.getByRole('button', { name: 'Yes, close it: no new ideas' }).click();
    await ownerPage.getByText('This campaign is not open for ideas.').waitFor();
    await noViolations(ownerPage);
    const audit = await t.server.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', 'in', [campaignId, duplicate.body.idea.id])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'idea.merged',
      'idea_campaign.closed',
      'idea_campaign.created',
      'idea_campaign.updated',
    ]);
  });
});

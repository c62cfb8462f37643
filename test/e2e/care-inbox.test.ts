// The customer-care inbox in the browser: a message comes in through a channel (the one door,
// ingestInbound, as a channel would call it); an agent finds it in the inbox, opens it,
// takes it, writes an internal note, answers with a canned reply (its variables filled in)
// and sees how the reply went out, then resolves it. A conversation left unanswered past
// its first-response target is flagged in the list and under Breaches once the SLA watch
// has run. A member without the care role has no menu entry and finds nothing at /care.
// Two agents on one conversation are warned of each other; filters are saved as a view and
// picked again; canned replies are managed; a long inbox pages with Load more.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { ingestInbound } from '../../server/modules/care/ingest.ts';
import { runSlaWatch } from '../../server/modules/care/sla-watch.ts';
import { MINUTE } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { caughtUp } from '../../server/platform/transaction.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs, primaryNav } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 375, height: 812 };
const SUBJECT = 'Ma lampe Orbe clignote';
const LATE_SUBJECT = 'Remboursement de la commande 5520';

describe('customer care inbox', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  const db = () => t.server.ctx.db;
  let agent: Person;
  let colleague: Person;
  let member: Person;
  let channelId: string;
  let agentPage: Page;
  let conversationPath = '';

  const ingest = (externalId: string, subject: string, name: string, body: string) =>
    ingestInbound(t.server.ctx, {
      channelId,
      externalId,
      threadId: externalId,
      customer: {
        kind: 'widget',
        value: `session-${externalId}`,
        displayName: name,
        email: `${externalId}@example.org`,
      },
      subject,
      body,
    });

  async function noViolations(page: Page) {
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  }

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    agent = await person(t.server, { name: 'Camille Roux' });
    colleague = await person(t.server, { name: 'Nina Petit' });
    member = await person(t.server, { name: 'Paul Lefèvre' });
    await db()
      .updateTable('users')
      .set({ care_agent: true })
      .where('id', 'in', [agent.id, colleague.id])
      .execute();
    await caughtUp(t.server.ctx);
    const now = t.server.clock.now();
    channelId = newId();
    await db()
      .insertInto('care_channels')
      .values({
        id: channelId,
        kind: 'widget',
        name: 'Contact du site',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db()
      .insertInto('care_sla_policies')
      .values({
        id: newId(),
        channel_id: null,
        priority: 'normal',
        first_response_minutes: 60,
        resolution_minutes: 480,
      })
      .execute();
    await db()
      .insertInto('care_canned_replies')
      .values({
        id: newId(),
        title: 'Accusé de réception',
        body: 'Bonjour {{customer_name}}, merci pour votre message. {{agent_name}}',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await ingest('w-1', SUBJECT, 'Léa Martin', 'Bonjour, ma lampe clignote depuis hier soir.');
    agentPage = await pageSignedInAs(await b.newContext(), agent, PASSWORD);
  });

  test('an agent takes a conversation, notes, answers with a canned reply and resolves it', async () => {
    const page = agentPage;
    await primaryNav(page).getByRole('link', { name: 'Customer care' }).click();
    await heading(page, 'Customer care').waitFor();
    const row = page.getByTestId('conversation-row').filter({ hasText: SUBJECT });
    await row.getByText('Léa Martin').waitFor();
    await row.getByText('Unassigned').waitFor();
    await noViolations(page);

    await row.getByRole('link', { name: SUBJECT }).click();
    await heading(page, SUBJECT).waitFor();
    conversationPath = new URL(page.url()).pathname;
    await page.getByRole('article', { name: 'Léa Martin wrote' }).getByText('ma lampe clignote').waitFor();
    await page.getByTestId('customer-name').filter({ hasText: 'Léa Martin' }).waitFor();
    await page.getByText('w-1@example.org').first().waitFor();

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => page.getByLabel('Assignee').inputValue()).toBe(agent.id);

    await page.getByLabel('Internal note').check();
    await page
      .getByLabel('Your note (the customer will not see it)')
      .fill('Client fidèle, proposer un échange.');
    await page.getByRole('button', { name: 'Add the note' }).click();
    const note = page.getByRole('article', { name: 'Internal note by Camille Roux' });
    await note.getByText('Client fidèle, proposer un échange.').waitFor();
    await note.getByText('Not seen by the customer').waitFor();

    await page.getByLabel('Reply to the customer').check();
    await page.getByLabel('Canned reply').selectOption({ label: 'Accusé de réception' });
    await page.getByRole('button', { name: 'Insert' }).click();
    const box = page.getByLabel('Your reply');
    await expect.poll(() => box.inputValue()).toBe('Bonjour Léa Martin, merci pour votre message. Camille Roux');
    await box.fill(`${await box.inputValue()}\nNous vous envoyons une lampe neuve.`);
    await noViolations(page);
    await page.getByRole('button', { name: 'Send the reply' }).click();
    const reply = page.getByRole('article', { name: 'Camille Roux replied' });
    await reply.getByText('Nous vous envoyons une lampe neuve.').waitFor();
    // The reply goes out in the background through the channel's driver (the widget's: the
    // visitor reads it there), and the page follows it until it is sent.
    await reply.getByTestId('delivery-status').getByText('Delivery: Sent').waitFor();

    await page.getByLabel('Status').selectOption({ label: 'Resolved' });
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved\.$/ })
      .waitFor();
    await page.locator('.care-conversation-head').getByText('Resolved').waitFor();

    await page.getByRole('link', { name: 'Back to the inbox' }).click();
    await page
      .getByRole('navigation', { name: 'Conversations by status' })
      .getByRole('link', { name: 'Resolved' })
      .click();
    const resolved = page.getByTestId('conversation-row').filter({ hasText: SUBJECT });
    await resolved.getByText('Assigned to Camille Roux').waitFor();
  });

  test('two agents on one conversation are warned of each other', async () => {
    const page = await pageSignedInAs(await b.newContext(), colleague, PASSWORD);
    await page.goto(conversationPath);
    await heading(page, SUBJECT).waitFor();
    await page.getByLabel('Your reply').fill('Je regarde aussi.');
    // The colleague's page has said it is open and being written in; the first agent's page
    // learns it when it next asks (at once on opening).
    await agentPage.goto(conversationPath);
    await agentPage.getByTestId('collision-warning').getByText('Nina Petit is writing a reply.').waitFor();
    await page
      .getByTestId('collision-warning')
      .getByText('Camille Roux also has this conversation open.')
      .waitFor({ timeout: 20_000 });
  });

  test('a member without the care role has no entry and finds nothing at /care', async () => {
    const page = await pageSignedInAs(await b.newContext(), member, PASSWORD);
    const nav = (await primaryNav(page).getByRole('link').allInnerTexts()).map((l) => l.trim());
    expect(nav).not.toContain('Customer care');
    await page.goto('/care');
    await heading(page, 'Page not found').waitFor();
    expect(await page.getByTestId('conversation-row').count()).toBe(0);
    const answer = await member.client.get('/api/v1/care/conversations');
    expect([403, 404]).toContain(answer.status);
  });

  test('a conversation near its first-response target is flagged, then past it, on a phone too', async () => {
    await ingest('w-2', LATE_SUBJECT, 'Hugo Bernard', 'Je n’ai toujours pas été remboursé.');
    // Within 15 minutes of its one-hour target, the watch warns: the row says it is due soon.
    t.server.clock.advance(50 * MINUTE);
    await runSlaWatch(t.server.ctx);
    await agentPage.goto('/care');
    await agentPage
      .getByTestId('conversation-row')
      .filter({ hasText: LATE_SUBJECT })
      .getByText('Due soon')
      .waitFor();

    t.server.clock.advance(70 * MINUTE);
    await runSlaWatch(t.server.ctx);

    const page = await pageSignedInAs(
      await b.newContext({ viewport: PHONE, isMobile: true, hasTouch: true }),
      agent,
      PASSWORD,
    );
    await page.goto('/care');
    const row = page.getByTestId('conversation-row').filter({ hasText: LATE_SUBJECT });
    await row.getByText('First response overdue').waitFor();
    await page.getByRole('link', { name: 'Breaches' }).click();
    await row.waitFor();
    expect(await page.getByTestId('conversation-row').filter({ hasText: SUBJECT }).count()).toBe(0);
    await noViolations(page);
    const width = await page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    // On a phone the conversation is its own page.
    await row.getByRole('link', { name: LATE_SUBJECT }).click();
    await heading(page, LATE_SUBJECT).waitFor();
    await page.getByText('First response overdue').first().waitFor();
  });

  test('an agent narrows the inbox, saves the filters as a view and picks it again', async () => {
    const page = agentPage;
    await page.goto('/care');
    await page.getByLabel('Search customers and messages').fill('remboursé');
    await page.getByRole('button', { name: 'Apply' }).click();
    const rows = page.getByTestId('conversation-row');
    await rows.filter({ hasText: LATE_SUBJECT }).waitFor();
    expect(await rows.count()).toBe(1);
    await page.locator('summary', { hasText: 'Save these filters' }).click();
    await page.getByLabel('Name of the view').fill('Remboursements');
    await page.getByRole('button', { name: 'Save these filters' }).click();
    await page.getByText('View “Remboursements” saved.').waitFor();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.getByLabel('Search customers and messages').inputValue()).toBe('');
    await page.getByLabel('Saved view').selectOption({ label: 'Remboursements' });
    await expect.poll(() => page.getByLabel('Search customers and messages').inputValue()).toBe('remboursé');
    await rows.filter({ hasText: LATE_SUBJECT }).waitFor();
    await noViolations(page);
  });

  test('an agent manages the canned replies, and pages through a long inbox', async () => {
    const page = agentPage;
    await page.goto('/care');
    await page
      .getByRole('navigation', { name: 'Customer care sections' })
      .getByRole('link', { name: 'Canned replies' })
      .click();
    await page.getByLabel('Title').fill('Délai de livraison');
    await page.getByLabel('Text').fill('Bonjour {{customer_name}}, la livraison prend trois jours.');
    await page.getByRole('button', { name: 'Add the canned reply' }).click();
    await page.getByText('Canned reply added.').waitFor();
    const row = page.getByTestId('canned-row').filter({ hasText: 'Délai de livraison' });
    await row.getByText('la livraison prend trois jours').waitFor();
    await noViolations(page);
    await row.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this canned reply?' });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await row.waitFor({ state: 'detached' });

    for (let i = 0; i < 26; i++)
      await ingest(`bulk-${i}`, `Question n° ${i}`, `Client ${i}`, 'Bonjour, une question.');
    await page.goto('/care');
    const rows = page.getByTestId('conversation-row');
    await rows.filter({ hasText: 'Question n° 25' }).waitFor();
    expect(await rows.count()).toBe(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await rows.filter({ hasText: 'Question n° 0' }).waitFor();
  });
});

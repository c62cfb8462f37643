// The web widget in a real browser. An administrator adds a widget channel in Admin →
// Customer care, sees the embed code and runs the Test button. Then a visitor on the
// company's site — a page served by a second local HTTP server, another origin — fills in
// the widget's form; the message is stored in a conversation, and the agent's reply shows in
// the widget. A site not on the allow-list gets the widget's refusal and writes nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { newId } from '../../server/platform/ids.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { person } from '../helpers/stream-fixtures.ts';
import { startWidgetHost, type WidgetHost } from '../helpers/widget-host.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('care: the web widget', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let admin: { email: string; name: string };
  let key = '';
  let site: WidgetHost;
  let elsewhere: WidgetHost;
  let siteOrigin = '';
  let elsewhereOrigin = '';

  beforeAll(async () => {
    ({ admin } = await setUpOrganisation(t.server));
    site = await startWidgetHost(
      () => t.server.url,
      () => key,
      'fr',
    );
    elsewhere = await startWidgetHost(
      () => t.server.url,
      () => key,
      'en',
    );
    siteOrigin = site.origin;
    elsewhereOrigin = elsewhere.origin;
  });
  afterAll(async () => {
    await site?.close();
    await elsewhere?.close();
  });

  test('an administrator adds a widget channel, copies its embed code and tests it', async () => {
    const page = await pageSignedInAs(await b.newContext(), admin, PASSWORD);
    await page.goto('/admin');
    // The admin section's link (the main menu has a Customer care entry too: the inbox).
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Customer care' })
      .click();
    await heading(page, 'Channels').waitFor();
    await page.getByText('No channel yet').waitFor();
    await page.getByLabel('Kind of channel').selectOption('widget');
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'New channel: Web widget').waitFor();

    // A wrong origin is named on its field, and nothing is created.
    await page.getByLabel('Channel name').fill('Site Atelier Lumen');
    await page.getByLabel('Sites allowed to use the widget').fill('www.lumen.example/contact');
    await page.getByRole('button', { name: 'Create the channel' }).click();
    await page.getByText('Some fields need your attention.').waitFor();
    expect(await t.server.ctx.db.selectFrom('care_channels').select('id').execute()).toEqual([]);

    await page.getByLabel('Sites allowed to use the widget').fill(siteOrigin);
    await page.getByLabel('Greeting in French').fill('Bonjour ! Posez-nous votre question.');
    await page.getByLabel('Greeting in English').fill('Hello! Ask us anything.');
    await page.getByRole('button', { name: 'Create the channel' }).click();
    await heading(page, 'Site Atelier Lumen').waitFor();
    await page.getByText('Channel created.').waitFor();
    const channel = await t.server.ctx.db
      .selectFrom('care_channels')
      .select(['public_key', 'settings'])
      .executeTakeFirstOrThrow();
    key = channel.public_key!;
    expect(channel.settings).toMatchObject({ allowedOrigins: [siteOrigin] });
    const snippet = await page.getByLabel('Code to paste').inputValue();
    expect(snippet).toBe(`<script src="${t.server.url}/widget.js" data-key="${key}" async></script>`);

    await page.getByRole('button', { name: 'Test the channel' }).click();
    await page.getByText('The test passed.').waitFor();
    await page.getByText(`The widget accepts messages from ${siteOrigin}.`).waitFor();
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    await page.getByRole('link', { name: 'All channels' }).click();
    await page.getByRole('link', { name: 'Settings of Site Atelier Lumen' }).waitFor();
  });

  test('on a phone, an administrator grants the agent role, makes a team and sets an SLA target', async () => {
    const colleague = await person(t.server, { name: 'Sophie Lambert' });
    const context = await b.newContext({ viewport: { width: 375, height: 812 } });
    const page = await pageSignedInAs(context, admin, PASSWORD);
    await page.goto('/admin/care/agents');
    await heading(page, 'Agents').waitFor();
    await page.getByRole('searchbox', { name: 'Find a colleague' }).fill('Sophie');
    await page.getByRole('button', { name: 'Make Sophie Lambert an agent' }).click();
    await page.getByText('Sophie Lambert is now an agent.').waitFor();
    await page.getByRole('button', { name: 'Withdraw the agent role of Sophie Lambert' }).waitFor();

    await page.getByRole('link', { name: 'Teams' }).click();
    await heading(page, 'Teams').waitFor();
    const create = page.getByRole('region', { name: 'Create the team' });
    await create.getByLabel('Team name').fill('Niveau 1');
    await create.getByLabel('Sophie Lambert').check();
    await create.getByRole('button', { name: 'Create the team' }).click();
    await page.getByRole('region', { name: 'Niveau 1' }).waitFor();
    let violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    await page.getByRole('link', { name: 'SLA targets' }).click();
    await heading(page, 'SLA targets').waitFor();
    await page.getByLabel('Priority').selectOption('urgent');
    await page.getByLabel('First response (minutes)').fill('15');
    await page.getByLabel('Resolution (minutes)').fill('120');
    await page.getByRole('button', { name: 'Set the target' }).click();
    await page.getByText('Target saved.').waitFor();
    await page.getByRole('cell', { name: 'Urgent', exact: true }).waitFor();
    violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const team = await t.server.ctx.db
      .selectFrom('care_team_members')
      .innerJoin('care_teams', 'care_teams.id', 'care_team_members.team_id')
      .select(['care_teams.name', 'care_team_members.user_id'])
      .execute();
    expect(team).toEqual([{ name: 'Niveau 1', user_id: colleague.id }]);
    const sla = await t.server.ctx.db.selectFrom('care_sla_policies').selectAll().executeTakeFirstOrThrow();
    expect(sla).toMatchObject({ priority: 'urgent', first_response_minutes: 15, resolution_minutes: 120 });
  });

  test('a visitor on the company’s site writes through the widget and reads the reply there', async () => {
    expect(key).not.toBe('');
    const page = await (await b.newContext({ baseURL: siteOrigin, locale: 'fr-FR' })).newPage();
    await page.goto('/');
    const widget = page.getByRole('region', { name: 'Nous contacter' });
    await widget.getByText('Bonjour ! Posez-nous votre question.').waitFor();
    await widget.getByLabel('Votre nom').fill('Claire Martin');
    await widget.getByLabel('Votre adresse e-mail (facultatif)').fill('claire@example.org');
    await widget.getByLabel('Votre message').fill('Ma lampe Lumen 3 clignote depuis hier.');
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    // Filled "slowly enough": the server's clock moves instead of the test waiting.
    t.server.clock.advance(10_000);
    await widget.getByRole('button', { name: 'Envoyer' }).click();
    await widget.getByText('Merci, votre message est envoyé.').waitFor();
    await widget.getByText('Ma lampe Lumen 3 clignote depuis hier.').waitFor();

    const stored = await t.server.ctx.db
      .selectFrom('care_messages')
      .innerJoin('care_conversations', 'care_conversations.id', 'care_messages.conversation_id')
      .innerJoin('care_customers', 'care_customers.id', 'care_conversations.customer_id')
      .select([
        'care_messages.conversation_id',
        'care_messages.body',
        'care_customers.email',
        'care_messages.metadata',
      ])
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      body: 'Ma lampe Lumen 3 clignote depuis hier.',
      email: 'claire@example.org',
      metadata: { origin: siteOrigin },
    });

    // An agent answers (as a reply is stored); the visitor sees it in the widget.
    await t.server.ctx.db
      .insertInto('care_messages')
      .values({
        id: newId(),
        conversation_id: stored.conversation_id,
        channel_id: (await t.server.ctx.db.selectFrom('care_channels').select('id').executeTakeFirstOrThrow())
          .id,
        kind: 'outbound',
        body: 'Bonjour Claire, essayez de la débrancher une minute.',
        delivery_status: 'sent',
        created_at: t.server.clock.now(),
      })
      .execute();
    await page.reload();
    await page
      .getByRole('region', { name: 'Nous contacter' })
      .getByText('Bonjour Claire, essayez de la débrancher une minute.')
      .waitFor();
  });

  test('a site that is not on the allow-list gets the widget’s refusal, and nothing is stored', async () => {
    const before = await t.server.ctx.db.selectFrom('care_messages').select('id').execute();
    const page = await (await b.newContext({ baseURL: elsewhereOrigin, locale: 'en-GB' })).newPage();
    await page.goto('/');
    // The refusal carries no CORS headers, so the page cannot even read it: the widget says it is unavailable.
    await page.getByText('The contact form is not available on this site.').waitFor();
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await t.server.ctx.db.selectFrom('care_messages').select('id').execute()).toEqual(before);
  });
});

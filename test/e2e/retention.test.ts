// Retention in the browser: an administrator sets a rule for a type of space, sees how many
// posts it would delete today, saves it, places a legal hold on a person and runs the job.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { DAY } from '../../server/platform/clock.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, person, post } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('retention rules and legal holds', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let page: Page;

  beforeAll(async () => {
    const { admin } = await setUpOrganisation(t.server);
    const author = await person(t.server, { name: 'Bruno Salon' });
    const space = await makeSpace(t.server, { visibility: 'open', owner: author, name: 'Salon 2023' });
    await t.server.ctx.db.updateTable('spaces').set({ type: 'event' }).where('id', '=', space.id).execute();
    const old = await post(author.client, space.id, 'Programme du salon 2023');
    await t.server.ctx.db
      .updateTable('posts')
      .set({ created_at: new Date(t.server.clock.now().getTime() - 800 * DAY) })
      .where('id', '=', old.id)
      .execute();
    page = await pageSignedInAs(await b.newContext(), admin, PASSWORD);
  });

  test('a rule for event spaces, previewed, saved and applied; a hold placed', async () => {
    await page.goto('/admin/retention');
    await heading(page, 'Retention').waitFor();
    const rule = page.getByRole('region', { name: 'Set a rule' });
    await rule.getByLabel('Applies to').selectOption('space_type');
    await rule.getByLabel('Type of space').selectOption('event');
    await rule.getByLabel('Policy').selectOption('delete');
    await rule.getByLabel('Number of days').fill('730');
    await rule.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('This rule would delete 1 post today.').waitFor();
    await rule.getByRole('button', { name: 'Save the rule' }).click();
    await page.getByText('The rule has been saved.').waitFor();
    const row = page.getByTestId('retention-rule').filter({ hasText: 'Spaces of type' });
    await row.getByText('Posts deleted after 730 days').waitFor();

    // Place a hold on a person.
    const holds = page.getByRole('region', { name: 'Legal holds' });
    await holds.getByLabel('Name', { exact: true }).fill('Litige salon');
    await holds.getByLabel('Find a person by name').fill('Bruno');
    await holds.getByRole('button', { name: 'Choose Bruno Salon' }).click();
    await holds.getByLabel('Reason').fill('Demande du service juridique');
    await holds.getByRole('button', { name: 'Place the hold' }).click();
    await page.getByText('The legal hold “Litige salon” is in place.').waitFor();
    const hold = page.getByTestId('legal-hold').filter({ hasText: 'Litige salon' });
    await hold.getByText('Bruno Salon').waitFor();
    await hold.getByText('Active').waitFor();

    // Run now: the held author's post is kept and counted.
    await page.getByRole('button', { name: 'Run now' }).click();
    const run = page.getByTestId('retention-run').first();
    await run.getByText('Done').waitFor();
    expect(await run.locator('td').nth(5).textContent()).toBe('1');

    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  });
});

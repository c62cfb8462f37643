// Content rules in the browser: an administrator previews what a word would have caught,
// adds the rule, and a colleague's post with that word is refused with the word named and
// the text kept, so they can change it and post.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('content rules, set by an administrator', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let adminPage: Page;
  let author: Person;
  let space: { slug: string };

  beforeAll(async () => {
    const { admin } = await setUpOrganisation(t.server);
    author = await person(t.server, { name: 'Inès Rédactrice' });
    const created = await makeSpace(t.server, { visibility: 'open', members: [author], name: 'Finance' });
    space = created;
    await post(author.client, created.id, 'Le budget Orion est validé pour 2027.');
    adminPage = await pageSignedInAs(await b.newContext(), admin, PASSWORD);
  });

  test('the preview shows what a rule would catch, and the rule refuses a post naming the word', async () => {
    await adminPage.goto('/admin/content-rules');
    await heading(adminPage, 'Content rules').waitFor();
    await adminPage.getByLabel('Word, phrase or pattern').fill('orion');
    await adminPage.getByRole('button', { name: 'Preview the last 30 days' }).click();
    await adminPage.getByText('1 of 1 posts and comments from the last 30 days.').waitFor();
    await expect.poll(() => adminPage.locator('mark').textContent()).toBe('Orion');
    await adminPage.getByLabel('Why (optional)').fill('Projet sous embargo');
    await adminPage.getByRole('button', { name: 'Add the rule' }).click();
    await adminPage.getByText('The rule “orion” is in force.').waitFor();
    await adminPage.getByRole('cell', { name: 'Projet sous embargo' }).waitFor();
    const violations = await seriousViolations(adminPage);
    expect(violations, violations.join('\n')).toEqual([]);

    const authorPage = await pageSignedInAs(await b.newContext(), author, PASSWORD);
    await authorPage.goto(`/spaces/${space.slug}`);
    const box = authorPage.getByLabel('Your post');
    await box.fill('Point d’étape sur ORION demain.');
    await authorPage.getByRole('button', { name: 'Post', exact: true }).click();
    await authorPage.getByText('“ORION” is not allowed here. Change it and try again.').waitFor();
    expect(await box.inputValue()).toBe('Point d’étape sur ORION demain.');

    // Removing the rule (confirmed, audited) lets the same text through.
    await adminPage.getByRole('button', { name: 'Remove orion' }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await adminPage.getByText('No rules yet').waitFor();
    await authorPage.getByRole('button', { name: 'Post', exact: true }).click();
    await authorPage.getByRole('article').filter({ hasText: 'Point d’étape sur ORION demain.' }).waitFor();
  });
});

// Knowledge in the browser: a question with its accepted answer saved as a page, the page
// edited, its history read as differences, an old revision brought back, and the page found
// in the space's tree and by search.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const TITLE = 'Comment nettoyer les diffuseurs opalins ?';

describe('a question saved to knowledge, then edited and restored', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let member: Person;
  let page: Page;
  let questionId: string;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    member = await person(t.server, { name: 'Léa Fontaine', email: 'lea@knowledge.test' });
    const expert = await person(t.server, { name: 'Marc Girard' });
    const space = await makeSpace(t.server, {
      visibility: 'open',
      owner: member,
      members: [expert],
      name: 'Maintenance',
    });
    const q = await member.client.call(api.createPost, {
      body: { spaceId: space.id, title: TITLE, body: 'Ils jaunissent.' },
    });
    questionId = q.body.id;
    const a = await expert.client.call(api.createComment, {
      params: { id: questionId },
      body: { body: 'À l’eau savonneuse tiède, jamais d’alcool.' },
    });
    await member.client.call(api.acceptAnswer, {
      params: { id: questionId },
      body: { commentId: a.body.id },
    });
    page = await pageSignedInAs(await b.newContext(), member, PASSWORD);
  });

  test('the asker saves the question and its accepted answer to the space’s knowledge', async () => {
    await page.goto(`/posts/${questionId}`);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('button', { name: 'Save to knowledge' }).click();
    await heading(page, TITLE).waitFor();
    await page.getByText('À l’eau savonneuse tiède, jamais d’alcool.').waitFor();
    await page.getByText('Revision 1').waitFor();
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('the page is edited, its change shown, and the first revision brought back', async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const text = page.getByLabel('Text');
    await text.fill(`${await text.inputValue()}\n\nPrévoir des gants nitrile.`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Revision 2').first().waitFor();
    await page.getByText('Prévoir des gants nitrile.').waitFor();

    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'What revision 2 changed' }).click();
    const changes = page.getByRole('region', { name: 'Changes of revision 2' });
    await changes.locator('.diff-added').filter({ hasText: 'Prévoir des gants nitrile.' }).waitFor();

    await page.getByRole('button', { name: 'Bring back revision 1' }).click();
    await page.locator('header').getByText('Revision 3').waitFor();
    await expect.poll(() => page.locator('.knowledge-body').textContent()).not.toContain('gants nitrile');
  });

  test('the page is in the space’s tree and found by search without accents', async () => {
    await page.getByRole('link', { name: 'Maintenance' }).click();
    await page
      .getByRole('navigation', { name: 'Pages of this space' })
      .getByRole('link', { name: TITLE })
      .waitFor();
    await page.goto(`/search?q=${encodeURIComponent('diffuseurs opalins')}&type=page`);
    await page.locator('.search-result').getByRole('link', { name: TITLE }).waitFor();
  });
});

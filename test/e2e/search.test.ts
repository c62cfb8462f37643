// Searching in the browser: a colleague finds a post with an accented and an unaccented
// spelling and while still typing, sees the matched words highlighted, narrows to people,
// to one author, sorts by relevance, and never sees what a private space holds.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, signIn, waitForShell } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('search', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let page: Page;
  let reader: Person;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    const author = await person(t.server, { name: 'Élodie Garnier' });
    reader = await person(t.server, { name: 'Bruno Caron', email: 'bruno@search.test' });
    const open = await makeSpace(t.server, { visibility: 'open', owner: author, name: 'Qualité' });
    const closed = await makeSpace(t.server, { visibility: 'private', owner: author, name: 'Direction' });
    await post(author.client, open.id, 'Les réunions qualité de Besançon passent au jeudi.');
    await post(author.client, open.id, 'Réunion, réunion, encore une réunion : le planning complet.');
    await post(author.client, closed.id, 'Réunion confidentielle sur la réorganisation');
    page = await (await b.newContext()).newPage();
    await page.goto('/');
    await signIn(page, reader.email, PASSWORD);
    await waitForShell(page, reader.name);
  });

  const results = () => page.getByRole('listitem').filter({ has: page.locator('.search-result-title') });
  const search = async (text: string) => {
    await page.getByRole('searchbox', { name: 'Search' }).fill(text);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(text);
  };

  test('finds a post by an unaccented and an accented spelling, with the words highlighted', async () => {
    await page.goto('/search');
    await heading(page, 'Search').waitFor();
    await search('reunions besancon');
    await page.getByRole('status').filter({ hasText: '1 result.' }).waitFor();
    const found = results().first();
    await found.getByRole('link', { name: 'Post by Élodie Garnier' }).waitFor();
    expect(await found.locator('mark').allTextContents()).toEqual(['réunions', 'Besançon']);

    await search('Réunions BESANÇON');
    await page.getByRole('status').filter({ hasText: '1 result.' }).waitFor();
    expect(await results().count()).toBe(1);
    // Nothing from the private space, whatever the spelling.
    await search('confidentielle');
    await page.getByRole('heading', { name: 'No results' }).waitFor();
    expect(await page.getByText('réorganisation').count()).toBe(0);
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('matches while typing, sorts by relevance and narrows by kind and author', async () => {
    await search('réuni');
    await page.getByRole('status').filter({ hasText: '2 results.' }).waitFor();
    await page.getByLabel('Sort by').selectOption('relevance');
    await expect.poll(() => results().first().textContent()).toContain('encore une réunion');

    await search('elodie');
    await page.getByLabel('Show').selectOption('person');
    await results().getByRole('link', { name: 'Élodie Garnier' }).waitFor();
    expect(await results().count()).toBe(1);

    await page.getByLabel('Show').selectOption('');
    await search('qualite');
    await results().getByRole('heading', { name: 'Qualité' }).waitFor();
    await results()
      .filter({ hasText: 'Post by' })
      .first()
      .getByRole('button', { name: 'More from Élodie Garnier' })
      .click();
    await page.getByRole('list', { name: 'Active filters' }).getByText('By Élodie Garnier').waitFor();
    // A space is not written by anyone: only the post remains.
    await expect.poll(() => results().count()).toBe(1);
    await results().getByRole('link', { name: 'Post by Élodie Garnier' }).click();
    await page.getByRole('article').filter({ hasText: 'Les réunions qualité de Besançon' }).waitFor();
  });
});

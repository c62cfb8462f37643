// External spaces in the browser: an administrator opens an external space and invites a
// customer by email; the customer accepts, signs in and sees only that space and its
// people; an internal member sees the badge and the composer's warning.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildUser, PASSWORD } from '../helpers/factories.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import {
  completeSetup,
  heading,
  linkFromOutbox,
  pageSignedInAs,
  primaryNav,
  waitForShell,
} from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const owner = { name: 'Inès Garnier', email: 'ines@lumen.test', password: 'quiet harbour lights' };
const customer = { name: 'Hélène Rousseau', email: 'helene@clinique.test', password: 'north wind in april' };
const colleague = { name: 'Paul Lefèvre', email: 'paul@lumen.test' };

let ownerPage: Page;
let spacePath = '';

describe('external spaces', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  const spaceId = async () =>
    (
      await t.server.ctx.db
        .selectFrom('spaces')
        .select('id')
        .where('slug', '=', spacePath.split('/').pop()!)
        .executeTakeFirstOrThrow()
    ).id;

  test('an owner opens an external space and invites a customer by email', async () => {
    ownerPage = await (await b.newContext()).newPage();
    await ownerPage.goto('/');
    await completeSetup(ownerPage, 'Atelier Lumen', owner);
    const built = await buildUser(t.server, { name: colleague.name, email: colleague.email });
    await ownerPage.goto('/spaces');
    await heading(ownerPage, 'Spaces').waitFor();
    await ownerPage.getByRole('button', { name: 'Create a space' }).first().click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Create a space' });
    await dialog.getByLabel('Name').fill('Projet Horizon');
    await dialog.getByLabel('Private').check();
    await dialog.getByLabel('External space').check();
    await dialog.getByRole('button', { name: 'Create a space' }).click();
    await heading(ownerPage, 'Projet Horizon').waitFor();
    spacePath = new URL(ownerPage.url()).pathname;
    expect(await ownerPage.locator('.space-badges').innerText()).toContain('External');
    // The colleague joins too, to see the space as an internal member later.
    await t.server.ctx.db
      .insertInto('space_members')
      .values({
        space_id: await spaceId(),
        user_id: built.id,
        role: 'member',
        joined_at: t.server.clock.now(),
      })
      .execute();

    await ownerPage.getByRole('link', { name: 'Members' }).click();
    const form = ownerPage.getByRole('region', { name: 'Invite guests by email' });
    await form.getByLabel('Email address').fill(customer.email);
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await ownerPage.getByText(`Invitation sent to ${customer.email}.`).waitFor();
    expect(await form.innerText()).toContain(customer.email);
    expect(await seriousViolations(ownerPage)).toEqual([]);
  });

  test('the customer accepts and sees only that space and its people', async () => {
    const link = await linkFromOutbox(ownerPage, customer.email, /invites you to the space "Projet Horizon"/);
    const page = await (await b.newContext()).newPage();
    await page.goto(link);
    await page.getByLabel('Your name').fill(customer.name);
    await page.getByLabel('Password', { exact: true }).fill(customer.password);
    await page.getByLabel('Confirm password').fill(customer.password);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await waitForShell(page, customer.name);
    const nav = (await primaryNav(page).getByRole('link').allInnerTexts()).map((l) => l.trim());
    expect(nav).not.toContain('People');
    await page.getByRole('heading', { name: 'You are a guest' }).waitFor();
    await page.goto('/spaces');
    await page.getByRole('link', { name: 'Projet Horizon' }).waitFor();
    expect(await page.locator('.space-badges').count()).toBe(1);
    await page.goto('/people');
    await page.getByRole('heading', { name: 'The directory is not available to you' }).waitFor();
    await page.goto(`${spacePath}/members`);
    await page.getByRole('link', { name: owner.name }).waitFor();
  });

  test('an internal member sees the badge and a warning before posting', async () => {
    const page = await pageSignedInAs(await b.newContext(), colleague, PASSWORD);
    await page.goto(spacePath);
    await heading(page, 'Projet Horizon').waitFor();
    await page.getByText('People outside the company will see this: this space is external.').waitFor();
    await page.getByLabel('Your post').fill('Le planning est en ligne.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const article = page.getByRole('article').filter({ hasText: 'Le planning est en ligne.' });
    await article.waitFor();
    await page.goto('/');
    await page
      .getByRole('article')
      .filter({ hasText: 'Le planning est en ligne.' })
      .getByText('External')
      .waitFor();
  });
});

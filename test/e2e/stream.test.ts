// Two colleagues in two browsers: a private space created, joined by request, and a
// conversation in it — a post with a mention, a tag, a link and a poll; a vote, a
// reaction and a comment; an announcement acknowledged — each side seeing the other's
// actions arrive without reloading. The tests follow one story and run in order.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildUser, PASSWORD } from '../helpers/factories.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { type Account, completeSetup, heading, signIn, waitForShell } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const owner: Account = {
  name: 'Camille Martin',
  email: 'camille@lumen.test',
  password: 'amber light at dusk',
};
const colleague = { name: 'Mathis Roux', email: 'mathis@lumen.test' };

let ownerPage: Page;
let colleaguePage: Page;
let spacePath: string;

const post = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text }).first();

describe('a private space, live between two people', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);

  test('the owner creates a private space', async () => {
    ownerPage = await (await b.newContext()).newPage();
    await ownerPage.goto('/');
    await completeSetup(ownerPage, 'Atelier Lumen', owner);
    await buildUser(t.server, { name: colleague.name, email: colleague.email });

    await ownerPage.goto('/spaces');
    await heading(ownerPage, 'Spaces').waitFor();
    await ownerPage.getByRole('button', { name: 'Create a space' }).first().click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Create a space' });
    await dialog.getByRole('button', { name: 'Create a space' }).click();
    // Nothing is lost on a refused submission: the error sits next to the field.
    await expect.poll(() => dialog.getByRole('alert').count()).toBeGreaterThan(0);
    await dialog.getByLabel('Name').fill('Lancement Aurore');
    await dialog.getByLabel('Type').selectOption('project');
    await dialog.getByLabel('Private').check();
    await dialog.getByRole('button', { name: 'Create a space' }).click();
    await heading(ownerPage, 'Lancement Aurore').waitFor();
    spacePath = new URL(ownerPage.url()).pathname;
    expect(spacePath).toBe('/spaces/lancement-aurore');
  });

  test('a colleague asks to join, and the owner lets them in', async () => {
    colleaguePage = await (await b.newContext()).newPage();
    await colleaguePage.goto('/');
    await signIn(colleaguePage, colleague.email, PASSWORD);
    await waitForShell(colleaguePage, colleague.name);
    await colleaguePage.goto(spacePath);
    await heading(colleaguePage, 'Lancement Aurore').waitFor();
    await colleaguePage.getByText('The posts of this space are for its members.').waitFor();
    await colleaguePage.getByRole('button', { name: 'Ask to join' }).click();
    await colleaguePage.getByLabel('Message (optional)').fill('Je travaille sur les diffuseurs.');
    await colleaguePage.getByRole('button', { name: 'Send the request' }).click();
    await colleaguePage.getByText('Your request has been sent.', { exact: false }).waitFor();

    // The owner's bell counts the request without a reload.
    await ownerPage.getByRole('link', { name: /Notifications: 1 unread/ }).waitFor();
    await ownerPage
      .getByRole('tab', { name: 'Requests' })
      .or(ownerPage.getByRole('link', { name: 'Requests' }))
      .click();
    await ownerPage.getByText('Je travaille sur les diffuseurs.').waitFor();
    await ownerPage
      .getByRole('button', { name: /Approve|Accept/ })
      .first()
      .click();

    // The colleague's open page turns into a member's page.
    await colleaguePage.getByRole('button', { name: 'Leave' }).waitFor({ timeout: 15_000 });
    await colleaguePage.getByLabel('Your post').waitFor();
  });

  test('a post with a mention, a tag, a link and a poll reaches the colleague live', async () => {
    await ownerPage.goto(spacePath);
    const box = ownerPage.getByLabel('Your post');
    await box.fill('Bienvenue dans le projet !');
    await ownerPage.getByRole('button', { name: 'Post', exact: true }).click();
    await post(ownerPage, 'Bienvenue dans le projet').waitFor();
    // The colleague reads their home feed, where the space's posts now arrive.
    await colleaguePage.goto('/');
    await post(colleaguePage, 'Bienvenue dans le projet').waitFor();

    await box.fill('Prototypes prêts @mathis #aurore https://lumen.example/aurore');
    await ownerPage.getByRole('button', { name: 'Add a poll' }).click();
    await ownerPage.getByLabel('Option 1').fill('Ambre');
    await ownerPage.getByLabel('Option 2').fill('Miel');
    await ownerPage.getByRole('button', { name: 'Post', exact: true }).click();
    const mine = post(ownerPage, 'Prototypes prêts');
    await mine.waitFor();
    await expect.poll(() => mine.getByRole('link', { name: '#aurore' }).count()).toBe(1);
    await expect.poll(() => mine.getByRole('link', { name: '@mathis' }).count()).toBe(1);

    // On the colleague's home page: a banner, then the post.
    await colleaguePage.getByRole('button', { name: 'Show 1 new post' }).click({ timeout: 15_000 });
    const theirs = post(colleaguePage, 'Prototypes prêts');
    await theirs.waitFor();
    await colleaguePage.getByRole('link', { name: /Notifications: 1 unread/ }).waitFor();
  });

  test('the colleague votes, reacts and comments; the owner sees it without reloading', async () => {
    const theirs = post(colleaguePage, 'Prototypes prêts');
    await theirs.getByLabel('Ambre').check();
    await theirs.getByRole('button', { name: 'Vote' }).click();
    await theirs.getByText('1 vote').waitFor();
    await theirs.getByRole('button', { name: /Celebrate/ }).click();
    await theirs
      .getByRole('button', { name: /Comment/ })
      .first()
      .click();
    await theirs.getByLabel('Write a comment').fill('Je lance la commande de diffuseurs.');
    // The footer's "Comment" opens the thread; the form's "Comment" sends.
    await theirs.getByRole('button', { name: 'Comment', exact: true }).last().click();
    await theirs.getByText('Je lance la commande de diffuseurs.').waitFor();

    const mine = post(ownerPage, 'Prototypes prêts');
    await mine.getByRole('button', { name: /Celebrate: 1 person/ }).waitFor({ timeout: 15_000 });
    await mine.getByRole('button', { name: '1 comment' }).waitFor({ timeout: 15_000 });
    await mine.getByRole('button', { name: '1 comment' }).click();
    await mine.getByText('Je lance la commande de diffuseurs.').waitFor();
  });

  test('an announcement is acknowledged, and its author sees who did', async () => {
    await ownerPage.getByLabel('Your post').fill('Audit sécurité lundi : merci de confirmer votre présence.');
    await ownerPage.getByLabel('Make this an announcement').check();
    await ownerPage.getByRole('button', { name: 'Post', exact: true }).click();
    await post(ownerPage, 'Audit sécurité lundi').waitFor();

    await colleaguePage.goto(spacePath);
    const announcement = post(colleaguePage, 'Audit sécurité lundi');
    await announcement.getByRole('button', { name: 'Acknowledge' }).click();
    await announcement.getByText('You acknowledged this announcement.').waitFor();

    const mine = post(ownerPage, 'Audit sécurité lundi');
    await mine.getByText('1 person acknowledged').waitFor({ timeout: 15_000 });
    await mine.getByRole('button', { name: 'Who has acknowledged?' }).click();
    const dialog = ownerPage.getByRole('dialog', { name: 'Acknowledgements' });
    await dialog.getByText(colleague.name).waitFor();
    expect(await seriousViolations(ownerPage)).toEqual([]);
  });
});

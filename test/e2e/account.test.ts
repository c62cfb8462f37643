// A member's own account: the language they read the app in, and getting back in after
// forgetting their password. The organisation and people are made through the API.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuiltUser, buildUser, setUpOrganisation } from '../helpers/factories.ts';
import { type BrowserHandle, useBrowser } from './helpers/browser.ts';
import { heading, linkFromOutbox, signIn, waitForShell } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const navLabels = async (page: Page, navName: string) =>
  (await page.getByRole('navigation', { name: navName }).getByRole('link').allInnerTexts()).map((label) =>
    label.trim(),
  );

const saved = (page: Page) =>
  page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/v1/me') && r.ok());

async function signedInPage(b: BrowserHandle, user: BuiltUser): Promise<Page> {
  const page = await (await b.newContext()).newPage();
  await page.goto('/sign-in');
  await signIn(page, user.email, user.password);
  await waitForShell(page, user.name);
  return page;
}

describe('a member’s own account', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let admin: BuiltUser;

  beforeAll(async () => {
    ({ admin } = await setUpOrganisation(t.server));
  });

  describe('language', () => {
    test('switching to French changes the app, lasts across reloads and devices, and switches back', async () => {
      const member = await buildUser(t.server, { name: 'Chloé Durand' });
      const page = await signedInPage(b, member);
      expect(await navLabels(page, 'Main')).toEqual([
        'Home',
        'Spaces',
        'Questions',
        'Ideas',
        'People',
        'Ambassadors',
        'Search',
      ]);

      // The choice is saved to the account in the background; wait for it as a person would
      // by reading the page before reloading it.
      await Promise.all([saved(page), page.getByRole('button', { name: 'FR Français' }).click()]);
      await heading(page, 'Bonjour Chloé').waitFor();
      expect(await navLabels(page, 'Principale')).toEqual([
        'Accueil',
        'Espaces',
        'Questions',
        'Idées',
        'Personnes',
        'Ambassadeurs',
        'Recherche',
      ]);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await page.getByRole('button', { name: 'FR Français' }).getAttribute('aria-pressed')).toBe(
        'true',
      );

      await page.reload();
      await heading(page, 'Bonjour Chloé').waitFor();
      expect(await navLabels(page, 'Principale')).toEqual([
        'Accueil',
        'Espaces',
        'Questions',
        'Idées',
        'Personnes',
        'Ambassadeurs',
        'Recherche',
      ]);

      // Saved to the account: another device, whose browser asks for English, gets French too.
      const otherDevice = await signedInPage(b, member);
      await heading(otherDevice, 'Bonjour Chloé').waitFor();
      await otherDevice.context().close();

      await Promise.all([saved(page), page.getByRole('button', { name: 'EN English' }).click()]);
      await heading(page, 'Hello, Chloé').waitFor();
      expect(await navLabels(page, 'Main')).toEqual([
        'Home',
        'Spaces',
        'Questions',
        'Ideas',
        'People',
        'Ambassadors',
        'Search',
      ]);
      await page.reload();
      await heading(page, 'Hello, Chloé').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.context().close();
    });

    test('the sign-in page can be read in French before signing in', async () => {
      const context = await b.newContext();
      const page = await context.newPage();
      await page.goto('/sign-in');
      await heading(page, 'Sign in').waitFor();
      await page.getByRole('button', { name: 'FR Français' }).click();
      await heading(page, 'Connexion').waitFor();
      expect(await page.getByRole('button', { name: 'Se connecter' }).isVisible()).toBe(true);
      await page.reload();
      await heading(page, 'Connexion').waitFor();
      await context.close();
    });
  });

  describe('password reset', () => {
    test('a member who forgot their password gets a link by mail and signs in with a new one', async () => {
      const member = await buildUser(t.server, { name: 'Driss Bernard' });
      const newPassword = 'amber kites over the bay';
      const context = await b.newContext();
      const page = await context.newPage();
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Forgot your password?' }).click();
      await heading(page, 'Reset your password').waitFor();
      await page.getByLabel('Email').fill(member.email);
      await page.getByRole('button', { name: 'Send the link' }).click();
      await page.getByText('If an account exists for this address, we sent a link.').waitFor();

      // The administrator passes the link on from the Outbox (no mail server here).
      const adminPage = await signedInPage(b, admin);
      const link = await linkFromOutbox(adminPage, member.email, /Reset your Acme password/);
      expect(link.startsWith(`${t.server.url}/reset-password#token=`)).toBe(true);
      await adminPage.context().close();

      await page.goto(link);
      await heading(page, 'Choose a new password').waitFor();
      await page.getByLabel('New password').fill(newPassword);
      await page.getByLabel('Confirm password').fill(newPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your password has been changed. You can now sign in with it.').waitFor();
      await page.getByRole('link', { name: 'Sign in' }).click();

      await signIn(page, member.email, member.password);
      await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
      await page.getByLabel('Password').fill(newPassword);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForShell(page, member.name);

      // The link worked once.
      await page.goto(link);
      await page.getByLabel('New password').fill('another long passphrase');
      await page.getByLabel('Confirm password').fill('another long passphrase');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('This link is invalid or has expired.').waitFor();
      await context.close();
    });
  });
});

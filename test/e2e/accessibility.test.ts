// axe-core on the pages everyone meets first: setup, sign-in, the signed-in shell, and the
// administration page with the most controls. Serious and critical findings fail the test.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildUser } from '../helpers/factories.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { type Account, completeSetup, heading, signOut } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const admin: Account = { name: 'Alice Martin', email: 'alice@acme.test', password: 'tide pools at low noon' };

describe('accessibility', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);

  let page: Page;

  beforeAll(async () => {
    page = await (await b.newContext()).newPage();
  });

  async function expectNoSeriousViolations(what: string): Promise<void> {
    const violations = await seriousViolations(page);
    expect(violations, `${what}:\n${violations.join('\n')}`).toEqual([]);
  }

  test('the setup page', async () => {
    await page.goto('/setup');
    await heading(page, 'Set up Trame').waitFor();
    await expectNoSeriousViolations('setup page');
  });

  test('the signed-in shell', async () => {
    await completeSetup(page, 'Acme', admin);
    await heading(page, 'Hello, Alice').waitFor();
    await expectNoSeriousViolations('home');
    await page.getByTestId('profile-menu').click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await expectNoSeriousViolations('home with the profile menu open');
    await page.keyboard.press('Escape');
  });

  test('the administration of people', async () => {
    await buildUser(t.server, { name: 'Bruno Petit' });
    await buildUser(t.server, { name: 'Chloé Durand', role: 'guest', status: 'deactivated' });
    await page.goto('/admin/people');
    await heading(page, 'People').waitFor();
    await page.getByTestId('user-row').filter({ hasText: 'Chloé Durand' }).waitFor();
    await expectNoSeriousViolations('admin people page');
  });

  test('a form showing its errors', async () => {
    await page.goto('/admin/invitations');
    await heading(page, 'Invitations').waitFor();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Enter a valid email address.').waitFor();
    await expectNoSeriousViolations('invitations page with an error');
  });

  test('the sign-in page, also after a failed attempt', async () => {
    await signOut(page);
    await expectNoSeriousViolations('sign-in page');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('not the right one');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
    await expectNoSeriousViolations('sign-in page with an error');
  });
});

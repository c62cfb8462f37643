// What a person does in the app, step by step, through labels and roles as they read on
// screen (English). Each step waits for what the person would wait for.
import type { BrowserContext, Page } from 'playwright-core';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export const primaryNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name, level: 1 });

/** The signed-in frame is on screen: the profile menu shows who it is. */
export async function waitForShell(page: Page, name: string): Promise<void> {
  await page.getByTestId('profile-menu').filter({ hasText: name }).waitFor();
}

export async function completeSetup(page: Page, organisationName: string, admin: Account): Promise<void> {
  await heading(page, 'Set up Trame').waitFor();
  await page.getByLabel('Organisation name').fill(organisationName);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Set up Trame' }).click();
  await waitForShell(page, admin.name);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await heading(page, 'Sign in').waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('profile-menu').click();
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await heading(page, 'Sign in').waitFor();
}

/**
 * Opens, as an administrator, the newest mail to `to` whose subject matches, and returns
 * the link it carries. Mail is written by the worker shortly after the action, so the
 * Outbox is reloaded until it shows up.
 */
export async function linkFromOutbox(page: Page, to: string, subject: RegExp): Promise<string> {
  await page.goto('/admin/outbox');
  await heading(page, 'Outbox').waitFor();
  const rows = page.getByTestId('outbox-row');
  const row = rows.filter({ hasText: to }).filter({ hasText: subject }).first();
  const deadline = Date.now() + 10_000;
  for (;;) {
    await rows.or(page.getByText('No emails yet')).first().waitFor();
    if ((await row.count()) > 0) break;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} matching ${subject} in the Outbox`);
    await page.waitForTimeout(200);
    await page.reload();
  }
  await row.getByRole('link', { name: subject }).click();
  const text = (await page.getByTestId('outbox-message-text').textContent()) ?? '';
  const link = /https?:\/\/\S+#token=[\w-]+/.exec(text)?.[0];
  if (!link) throw new Error(`No link in the mail to ${to}:\n${text}`);
  return link;
}

/** A page already signed in as this person (an account built with the shared test password). */
export async function pageSignedInAs(
  context: BrowserContext,
  who: { email: string; name: string },
  password: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, who.email, password);
  await waitForShell(page, who.name);
  return page;
}

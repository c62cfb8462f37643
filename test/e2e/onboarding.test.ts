// From an empty server to a team: first-run setup, an invitation taken from the Outbox and
// accepted on another device, signing in and out, and an administrator taking access away.
// The tests follow one story and run in order.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './helpers/browser.ts';
import {
  type Account,
  completeSetup,
  heading,
  linkFromOutbox,
  primaryNav,
  signIn,
  signOut,
  waitForShell,
} from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const admin: Account = { name: 'Alice Martin', email: 'alice@acme.test', password: 'tide pools at low noon' };
const member: Account = { name: 'Bruno Petit', email: 'bruno@acme.test', password: 'seven quiet lanterns' };

let adminPage: Page;
let memberPage: Page;

const pathname = (page: Page) => new URL(page.url()).pathname;
const navLabels = async (page: Page) =>
  (await primaryNav(page).getByRole('link').allInnerTexts()).map((label) => label.trim());

describe('a new organisation', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);

  test('the first visit leads to setup, and setup into the app', async () => {
    adminPage = await (await b.newContext()).newPage();
    await adminPage.goto('/');
    await heading(adminPage, 'Set up Trame').waitFor();
    expect(pathname(adminPage)).toBe('/setup');

    await completeSetup(adminPage, 'Acme', admin);

    await heading(adminPage, 'Hello, Alice').waitFor();
    expect(pathname(adminPage)).toBe('/');
    expect(await navLabels(adminPage)).toEqual([
      'Home',
      'Spaces',
      'Questions',
      'Ideas',
      'People',
      'Ambassadors', // ambassadors
      'Search',
      'Moderation',
      'Customer care',
      'Analytics',
      'Admin',
    ]);
    const languages = adminPage.getByRole('group', { name: 'Language' });
    expect(await languages.getByRole('button', { name: 'EN English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await languages.getByRole('button', { name: 'FR Français' }).isVisible()).toBe(true);
    expect(await adminPage.getByTestId('profile-menu').innerText()).toContain(admin.name);
    expect(await adminPage.getByRole('banner').innerText()).toContain('Acme');
  });

  test('an administrator invites a colleague, who joins from the emailed link', async () => {
    await primaryNav(adminPage).getByRole('link', { name: 'Admin' }).click();
    await adminPage
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Invitations' })
      .click();
    await heading(adminPage, 'Invitations').waitFor();
    await adminPage.getByLabel('Email').fill(member.email);
    await adminPage.getByRole('button', { name: 'Send invitation' }).click();
    await adminPage.getByText(`Invitation sent to ${member.email}.`).waitFor();
    const invitation = adminPage.getByTestId('invitation-row').filter({ hasText: member.email });
    await invitation.waitFor();
    expect(await invitation.innerText()).toContain('Pending');

    const link = await linkFromOutbox(adminPage, member.email, /invites you to join Acme/);
    expect(link.startsWith(`${t.server.url}/invitation#token=`)).toBe(true);

    // The colleague opens the link on their own device.
    memberPage = await (await b.newContext()).newPage();
    await memberPage.goto(link);
    await heading(memberPage, 'Join Acme on Trame').waitFor();
    expect(await memberPage.getByText('Alice Martin invited you to join Acme.').isVisible()).toBe(true);
    expect(await memberPage.getByLabel('Email').inputValue()).toBe(member.email);
    await memberPage.getByLabel('Your name').fill(member.name);
    await memberPage.getByLabel('Password', { exact: true }).fill(member.password);
    await memberPage.getByLabel('Confirm password').fill(member.password);
    await memberPage.getByRole('button', { name: 'Create my account' }).click();

    await waitForShell(memberPage, member.name);
    await heading(memberPage, 'Hello, Bruno').waitFor();
    expect(pathname(memberPage)).toBe('/');
    expect(await navLabels(memberPage)).toEqual([
      'Home',
      'Spaces',
      'Questions',
      'Ideas',
      'People',
      'Ambassadors',
      'Search',
    ]);

    await adminPage.goto('/admin/invitations');
    await invitation.filter({ hasText: 'Accepted' }).waitFor();
  });

  test('a member who types an administration address is turned away', async () => {
    for (const path of ['/admin', '/admin/people', '/admin/outbox']) {
      await memberPage.goto(path);
      await memberPage.getByText('Only administrators can open this page.').waitFor();
      expect(await memberPage.getByRole('table').count(), path).toBe(0);
      expect(await navLabels(memberPage)).not.toContain('Admin');
    }
    await memberPage.goto('/no-such-page');
    await heading(memberPage, 'Page not found').waitFor();
  });

  test('a member signs out and back in; a wrong password is explained', async () => {
    await memberPage.goto('/');
    await waitForShell(memberPage, member.name);
    await signOut(memberPage);
    expect(pathname(memberPage)).toBe('/sign-in');

    // Signed out means signed out: the app is not reachable any more.
    await memberPage.goto('/people');
    await heading(memberPage, 'Sign in').waitFor();

    await signIn(memberPage, member.email, 'not my password at all');
    const alert = memberPage.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' });
    await alert.waitFor();
    expect(pathname(memberPage)).toBe('/sign-in');

    await memberPage.getByLabel('Password').fill(member.password);
    await memberPage.getByRole('button', { name: 'Sign in' }).click();
    await waitForShell(memberPage, member.name);
    // Sent back to the page asked for before signing in.
    await heading(memberPage, 'People').waitFor();
    expect(pathname(memberPage)).toBe('/people');
  });

  test('an administrator changes a role and deactivates: it applies to the member at once', async () => {
    await memberPage.getByRole('link', { name: 'Home', exact: true }).click();
    await heading(memberPage, 'Hello, Bruno').waitFor();

    await adminPage.goto('/admin/people');
    await heading(adminPage, 'People').waitFor();
    const row = adminPage.getByTestId('user-row').filter({ hasText: member.email });
    await row.getByLabel(`Role of ${member.name}`).selectOption({ label: 'Guest' });
    await adminPage.getByText(`${member.name} is now: Guest.`).waitFor();

    // The server knows them as a guest from the next request on. (The app keeps pages it
    // fetched a moment ago for 30 seconds, so the member loads the page afresh.)
    await memberPage.goto('/people');
    await memberPage.getByText('The directory is not available to you').waitFor();
    await primaryNav(memberPage).getByRole('link', { name: 'Home' }).click();
    await heading(memberPage, 'Hello, Bruno').waitFor();

    await row.getByRole('button', { name: `Deactivate ${member.name}` }).click();
    const dialog = adminPage.getByRole('dialog', { name: `Deactivate ${member.name}?` });
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await adminPage.getByText(`${member.name} has been deactivated.`).waitFor();
    expect(await row.innerText()).toContain('Deactivated');

    // Their session ended with the deactivation: the next page they open is the sign-in page.
    // (As a guest they have no People link any more.)
    await primaryNav(memberPage).getByRole('link', { name: 'Spaces' }).click();
    await heading(memberPage, 'Sign in').waitFor();
    expect(pathname(memberPage)).toBe('/sign-in');

    await signIn(memberPage, member.email, member.password);
    await memberPage.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
    expect(pathname(memberPage)).toBe('/sign-in');
  });
});

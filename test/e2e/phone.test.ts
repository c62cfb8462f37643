// The app on a phone (375×812, touch): nothing wider than the screen, the navigation behind
// a menu button, and signing out within reach.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { type BuiltUser, buildUser, setUpOrganisation } from '../helpers/factories.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, primaryNav, signIn, waitForShell } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 375, height: 812 };

/** The page scrolls sideways when its content is wider than the screen. */
async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, `${what} is ${scrollWidth}px wide on a ${clientWidth}px screen`).toBeLessThanOrEqual(
    clientWidth,
  );
}

/** Fully on screen, horizontally: a control half off the edge cannot be reached without scrolling. */
async function expectWithinScreen(locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is not displayed`).not.toBeNull();
  expect(box!.x, `${what} starts off screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} ends off screen`).toBeLessThanOrEqual(PHONE.width);
}

describe('on a phone', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);

  let admin: BuiltUser;
  let page: Page;

  beforeAll(async () => {
    ({ admin } = await setUpOrganisation(t.server));
    // A long name, the usual way a list or a table row outgrows a small screen.
    await buildUser(t.server, { name: 'Maximilienne Héloïse de La Tour-Montgomery' });
    const context = await b.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
  });

  test('signing in fits the screen', async () => {
    await page.goto('/sign-in');
    await heading(page, 'Sign in').waitFor();
    await expectNoHorizontalScroll(page, 'the sign-in page');
    await signIn(page, admin.email, admin.password);
    await waitForShell(page, admin.name);
  });

  test('the navigation opens from the menu button', async () => {
    await expectNoHorizontalScroll(page, 'the home page');
    const home = primaryNav(page).getByRole('link', { name: 'Home' });
    expect(await home.isVisible()).toBe(false);

    const menu = page.getByRole('button', { name: 'Menu' });
    await expectWithinScreen(menu, 'the menu button');
    await expectWithinScreen(page.getByTestId('profile-menu'), 'the profile menu button');
    await expectWithinScreen(page.getByTestId('language-switch'), 'the language switch');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.tap();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const name of ['Home', 'Spaces', 'Questions', 'People', 'Search', 'Admin']) {
      await expectWithinScreen(primaryNav(page).getByRole('link', { name, exact: true }), `the ${name} link`);
    }
    await expectNoHorizontalScroll(page, 'the open menu');

    await primaryNav(page).getByRole('link', { name: 'People', exact: true }).tap();
    await heading(page, 'People').waitFor();
    // Choosing a page folds the menu away again.
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await home.isVisible()).toBe(false);
    await page.getByText('Maximilienne Héloïse de La Tour-Montgomery').first().waitFor();
    await expectNoHorizontalScroll(page, 'the people page');
  });

  test('wide administration tables scroll inside the page, not the page itself', async () => {
    await page.getByRole('button', { name: 'Menu' }).tap();
    await primaryNav(page).getByRole('link', { name: 'Admin' }).tap();
    await heading(page, 'People').waitFor();
    await page.getByTestId('user-row').filter({ hasText: 'Maximilienne' }).waitFor();
    await expectNoHorizontalScroll(page, 'the administration of people');

    await page.goto('/admin/invitations');
    await heading(page, 'Invitations').waitFor();
    await expectNoHorizontalScroll(page, 'the invitations page');

    await page.goto('/admin/retention');
    await heading(page, 'Retention').waitFor();
    await page.getByRole('button', { name: 'Run now' }).waitFor();
    await expectNoHorizontalScroll(page, 'the retention page');
  });

  test('signing out is within reach', async () => {
    await page.getByTestId('profile-menu').tap();
    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    await expectWithinScreen(signOut, 'the sign-out button');
    await expectNoHorizontalScroll(page, 'the open profile menu');
    await signOut.tap();
    await heading(page, 'Sign in').waitFor();
  });
});

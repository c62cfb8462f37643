// Moderation in the browser: a member reports a post; an administrator opens the Moderation
// page and hides it from the case page; the reporter is told, and the post is gone for other
// members while its author sees why. Then a guest's post in a pre-moderated external space
// waits for approval (only the guest sees it), the space's owner approves it in "To approve",
// and the member sees it.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person, post } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs, primaryNav } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const SPAM = 'Montres de luxe à prix cassés, écrivez-moi en privé !';
const PHONE = { width: 375, height: 812 };
const GUEST_POST = 'Bonjour, voici nos remarques sur la maquette.';

describe('moderation', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let admin: { email: string; name: string };
  let author: Person;
  let reporter: Person;
  let member: Person;
  let owner: Person;
  let guest: Person;
  let open: { slug: string };
  let external: { slug: string };
  let reporterPage: Page;
  let memberPage: Page;

  beforeAll(async () => {
    ({ admin } = await setUpOrganisation(t.server));
    author = await person(t.server, { name: 'Marc Vendeur' });
    reporter = await person(t.server, { name: 'Claire Dubois' });
    member = await person(t.server, { name: 'Paul Lefèvre' });
    owner = await person(t.server, { name: 'Inès Garnier' });
    guest = await person(t.server, { role: 'guest', name: 'Hélène Rousseau' });
    open = await makeSpace(t.server, {
      visibility: 'open',
      name: 'Vie du bureau',
      members: [author, reporter, member],
    });
    external = await makeSpace(t.server, {
      visibility: 'private',
      external: true,
      name: 'Projet Horizon',
      owner,
      members: [member, guest],
    });
    await post(author.client, (await spaceId(open.slug)).id, SPAM);
    reporterPage = await pageSignedInAs(await b.newContext(), reporter, PASSWORD);
    memberPage = await pageSignedInAs(await b.newContext(), member, PASSWORD);
  });

  const spaceId = (slug: string) =>
    t.server.ctx.db.selectFrom('spaces').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const article = (page: Page, text: string) => page.getByRole('article').filter({ hasText: text });

  test('a member reports a post, and reporting it twice says so', async () => {
    const nav = (await primaryNav(reporterPage).getByRole('link').allInnerTexts()).map((l) => l.trim());
    expect(nav).not.toContain('Moderation');
    await reporterPage.goto(`/spaces/${open.slug}`);
    const card = article(reporterPage, SPAM);
    await card.getByRole('button', { name: 'More actions' }).click();
    await card.getByRole('button', { name: 'Report' }).click();
    const dialog = reporterPage.getByRole('dialog', { name: 'Report this post' });
    await dialog.getByLabel('Reason').selectOption('spam');
    await dialog.getByLabel('Details (optional)').fill('Publicité, pas le lieu.');
    const violations = await seriousViolations(reporterPage);
    expect(violations, violations.join('\n')).toEqual([]);
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('Thank you. Your report was sent to the moderators').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).last().click();

    await card.getByRole('button', { name: 'More actions' }).click();
    await card.getByRole('button', { name: 'Report' }).click();
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await dialog.getByText('You have already reported this. Moderators are looking into it.').waitFor();
  });

  test('an administrator hides it from the case page; the reporter is told and members no longer see it', async () => {
    const page = await pageSignedInAs(await b.newContext(), admin, PASSWORD);
    await primaryNav(page).getByRole('link', { name: 'Moderation' }).click();
    await heading(page, 'Moderation').waitFor();
    const row = page.getByTestId('case-row').filter({ hasText: SPAM });
    await row.getByText('1 report').waitFor();
    await row.getByRole('link', { name: `Post by ${author.name}` }).click();
    await heading(page, 'Report case').waitFor();
    expect(await page.getByTestId('case-body').textContent()).toBe(SPAM);
    await page.getByRole('region', { name: '1 report' }).getByText('Publicité, pas le lieu.').waitFor();
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
    await page.getByLabel('Note (optional)').fill('Hors charte.');
    await page.getByRole('button', { name: 'Hide', exact: true }).click();
    await page.getByText('Hidden. Only its author still sees it').waitFor();
    await page.getByRole('button', { name: 'Restore' }).waitFor();

    await reporterPage.goto('/notifications');
    await reporterPage.getByText('Your report was reviewed: the content was hidden').waitFor();

    await memberPage.goto(`/spaces/${open.slug}`);
    await heading(memberPage, 'Vie du bureau').waitFor();
    // Its only post is hidden: the space is empty for everyone but the author.
    await memberPage.getByRole('heading', { name: 'No posts yet' }).waitFor();
    expect(await article(memberPage, SPAM).count()).toBe(0);

    const authorPage = await pageSignedInAs(await b.newContext(), author, PASSWORD);
    await authorPage.goto(`/spaces/${open.slug}`);
    await article(authorPage, SPAM).getByText('Hidden by a moderator').waitFor();
  });

  test('a guest’s post waits for approval in a pre-moderated space until its owner approves it', async () => {
    // The owner works from a phone: the navigation is behind the menu button, nothing overflows.
    const ownerPage = await pageSignedInAs(
      await b.newContext({ viewport: PHONE, isMobile: true, hasTouch: true }),
      owner,
      PASSWORD,
    );
    await ownerPage.goto(`/spaces/${external.slug}/settings`);
    const section = ownerPage.getByRole('region', { name: 'Approval of guests’ posts' });
    await section.getByLabel('Guests’ posts and comments in this space wait for approval').check();
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Saved.').waitFor();

    const guestPage = await pageSignedInAs(await b.newContext(), guest, PASSWORD);
    await guestPage.goto(`/spaces/${external.slug}`);
    await guestPage.getByLabel('Your post').fill(GUEST_POST);
    await guestPage.getByRole('button', { name: 'Post', exact: true }).click();
    await article(guestPage, GUEST_POST).getByText('Waiting for approval').waitFor();

    await memberPage.goto(`/spaces/${external.slug}`);
    await heading(memberPage, 'Projet Horizon').waitFor();
    await memberPage.getByLabel('Your post').waitFor();
    expect(await article(memberPage, GUEST_POST).count()).toBe(0);

    await ownerPage.getByRole('button', { name: 'Menu' }).click();
    await primaryNav(ownerPage).getByRole('link', { name: 'Moderation' }).click();
    await ownerPage.getByRole('link', { name: 'To approve' }).click();
    const row = ownerPage.getByTestId('pending-row').filter({ hasText: GUEST_POST });
    await row.getByRole('link', { name: guest.name }).waitFor();
    const violations = await seriousViolations(ownerPage);
    expect(violations, violations.join('\n')).toEqual([]);
    const width = await ownerPage.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await row.getByRole('button', { name: 'Approve' }).click();
    await ownerPage.getByText(`Approved: the post by ${guest.name} is now visible.`).waitFor();

    await memberPage.reload();
    await article(memberPage, GUEST_POST).waitFor();
    expect(await article(memberPage, GUEST_POST).getByText('Waiting for approval').count()).toBe(0);
  });
});

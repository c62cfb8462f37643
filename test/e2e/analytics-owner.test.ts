// Analytics in the browser for a space owner who is neither administrator nor analyst: the
// menu offers Analytics; the filters offer their own spaces only, and an address naming another
// space (or a dashboard of the organisation) shows why it is refused, never figures; care,
// ambassadors, ROI and cohorts are not offered; the ideas dashboard opens with their spaces'
// ideas and downloads, in French, a CSV French Excel reads (semicolons); axe and a phone.
// A plain member is offered no Analytics and the shell asks nothing it would be refused.
import fs from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs, primaryNav } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const OWNER_REFUSED = 'You see the spaces you own, and this view goes beyond them.';
const IDEAS = ['Shared bikes', 'Quiet room', 'Monthly demo day'];

describe('analytics for a space owner', () => {
  const t = useE2EServer({ worker: false });
  const b = useBrowser(() => t.server.url);
  let owner: Person;
  let member: Person;
  let cantine: { id: string; name: string };
  let page: Page;

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    owner = await person(t.server, { name: 'Olga Owner' });
    member = await person(t.server, { name: 'Marc Member' });
    const outsider = await person(t.server, { name: 'Oscar Outsider' });
    const colleagues = await Promise.all(
      ['Ada', 'Basile', 'Chloé', 'Driss', 'Elsa'].map((name) =>
        person(t.server, { name: `${name} Colleague` }),
      ),
    );
    // Seven people in her workshop: above the smallest group shown (5), so figures show.
    const atelier = await makeSpace(t.server, {
      visibility: 'open',
      owner,
      members: [member, ...colleagues],
      name: 'Atelier Olga',
    });
    await makeSpace(t.server, { visibility: 'private', owner, name: 'Bureau Olga' });
    // She is a member of the canteen's space, not its owner: not hers to analyse.
    cantine = await makeSpace(t.server, {
      visibility: 'open',
      owner: outsider,
      members: [owner, member],
      name: 'Cantine',
    });

    const now = t.server.clock.now().getTime();
    const campaign = await owner.client.call(api.createCampaign, {
      body: {
        spaceId: atelier.id,
        title: 'Better workshop',
        description: 'What would make the workshop better?',
        opensAt: new Date(now - 3_600_000).toISOString(),
        closesAt: new Date(now + 30 * 86_400_000).toISOString(),
        criteria: ['Impact'],
      },
    });
    expect(campaign.status, campaign.text).toBe(201);
    for (const [i, title] of IDEAS.entries()) {
      const idea = await colleagues[i]!.client.call(api.submitIdea, {
        params: { id: campaign.body.id },
        body: { title },
      });
      expect(idea.status, idea.text).toBe(201);
    }
    page = await pageSignedInAs(await b.newContext({ acceptDownloads: true }), owner, PASSWORD);
  }, 120_000);

  const figureValue = (key: string) => page.getByTestId(`figure-${key}`).getByTestId('figure-value');

  test('the menu offers Analytics, with the dashboards of her spaces only', async () => {
    await primaryNav(page).getByRole('link', { name: 'Analytics' }).click();
    await heading(page, 'Analytics').waitFor();
    await page.getByText('You see the spaces you own.').waitFor();
    await page.getByTestId('dashboard-adoption').waitFor();

    const tabs = page.getByRole('navigation', { name: 'Dashboards' });
    const offered = await tabs.getByRole('link').allTextContents();
    expect(offered).toEqual([
      'Adoption',
      'Participation',
      'Collaboration',
      'Knowledge',
      'Engagement',
      'Ideas',
    ]);
    for (const absent of ['Customer care', 'Ambassadors', 'ROI', 'Cohorts']) {
      expect(await tabs.getByRole('link', { name: absent }).count(), absent).toBe(0);
    }

    const spaces = await page.getByTestId('filter-spaceId').locator('option').allTextContents();
    expect(spaces).toContain('Atelier Olga');
    expect(spaces).toContain('Bureau Olga');
    expect(spaces).not.toContain('Cantine');
    // Cohorts are the organisation readers': no such filter for her.
    expect(await page.getByTestId('filter-cohortId').count()).toBe(0);
  });

  test('the ideas dashboard counts the ideas of her spaces; one space filters it', async () => {
    await page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link', { name: 'Ideas' }).click();
    await page.getByTestId('dashboard-ideas').waitFor();
    await expect.poll(() => figureValue('ideas_submitted').textContent()).toBe(String(IDEAS.length));
    expect(await figureValue('idea_contributors').textContent()).toBe(String(IDEAS.length));
    expect(await page.getByTestId('dashboard-ideas').locator('figure.chart').count()).toBeGreaterThan(0);

    await page.getByTestId('filter-spaceId').selectOption({ label: 'Atelier Olga' });
    await expect.poll(() => new URL(page.url()).searchParams.get('spaceId')).toBeTruthy();
    await expect
      .poll(() => page.getByTestId('filter-summary').textContent())
      .toContain('Space: Atelier Olga');
    await expect.poll(() => figureValue('ideas_submitted').textContent()).toBe(String(IDEAS.length));
    // Her office has only herself: too small a group to show anything.
    await page.getByTestId('filter-spaceId').selectOption({ label: 'Bureau Olga' });
    await page.getByText('This group has fewer than 5 people: its figures are not shown.').waitFor();
  });

  test('an address naming a space she does not own, or a dashboard of the organisation, shows why, not figures', async () => {
    for (const path of [
      `/analytics/ideas?spaceId=${cantine.id}`,
      `/analytics/engagement?spaceId=${cantine.id}`,
    ]) {
      await page.goto(path);
      await page.getByRole('alert').filter({ hasText: OWNER_REFUSED }).waitFor();
      expect(await page.locator('.dashboard, .figure-card, figure.chart').count(), path).toBe(0);
    }
    for (const path of ['/analytics/care', '/analytics/ambassadors', '/analytics/roi']) {
      await page.goto(path);
      await page.getByRole('alert').filter({ hasText: OWNER_REFUSED }).waitFor();
      expect(await page.locator('.dashboard, .figure-card, .roi-total').count(), path).toBe(0);
    }
    // Clearing the filters brings her own figures back.
    await page.goto(`/analytics/ideas?spaceId=${cantine.id}`);
    await page.getByRole('alert').filter({ hasText: OWNER_REFUSED }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => figureValue('ideas_submitted').textContent()).toBe(String(IDEAS.length));
  });

  test('in French, a chart downloads as a CSV with semicolons, as French Excel reads it', async () => {
    await page.goto('/analytics/ideas');
    await page.getByTestId('dashboard-ideas').waitFor();
    await page.getByTestId('language-switch').getByRole('button', { name: /^FR/ }).click();
    await heading(page, 'Statistiques').waitFor();
    const chart = page.getByTestId('chart-ideas_by_status');
    await chart.getByRole('button', { name: /Télécharger en CSV/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /Télécharger en CSV/ }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Élément";"Cette période";"Période précédente"');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^"[^"]+";\d+;\d+$/);
    expect(lines).toContain(`"Nouvelle";${IDEAS.length};0`);
    await page.getByTestId('language-switch').getByRole('button', { name: /^EN/ }).click();
    await page
      .getByTestId('chart-ideas_by_status')
      .getByRole('button', { name: /Download CSV/ })
      .waitFor();
  });

  test('axe finds no serious violation on her analytics pages', async () => {
    for (const path of ['adoption', 'ideas', `ideas?spaceId=${cantine.id}`]) {
      await page.goto(`/analytics/${path}`);
      await page.locator('.figure-card, [role="alert"].banner-error').first().waitFor();
      const violations = await seriousViolations(page);
      expect(violations, `/analytics/${path}:\n${violations.join('\n')}`).toEqual([]);
    }
  });

  test('on a phone the menu offers Analytics and nothing is wider than the screen', async () => {
    const context = await b.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const phone = await pageSignedInAs(context, owner, PASSWORD);
    await phone.getByRole('button', { name: 'Menu' }).click();
    await primaryNav(phone).getByRole('link', { name: 'Analytics' }).click();
    await heading(phone, 'Analytics').waitFor();
    for (const path of ['adoption', 'ideas']) {
      await phone.goto(`/analytics/${path}`);
      await phone.getByTestId(`dashboard-${path}`).waitFor();
      await phone.locator('.figure-card').first().waitFor();
      const { scrollWidth, clientWidth } = await phone.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(scrollWidth, `/analytics/${path} is ${scrollWidth}px wide`).toBeLessThanOrEqual(clientWidth);
    }
    await context.close();
  });

  test('a plain member is offered no Analytics, and the shell asks nothing it would be refused', async () => {
    const context = await b.newContext();
    const asked: string[] = [];
    const refused: string[] = [];
    context.on('response', (response: Response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/v1/analytics')) asked.push(url.pathname);
      if (response.status() === 403) refused.push(`${response.request().method()} ${url.pathname}`);
    });
    const memberPage = await pageSignedInAs(context, member, PASSWORD);
    await primaryNav(memberPage).getByRole('link', { name: 'Ideas' }).waitFor();
    for (const path of ['/', '/spaces', '/ideas']) {
      await memberPage.goto(path);
      await primaryNav(memberPage).getByRole('link', { name: 'Home' }).waitFor();
      await memberPage.waitForLoadState('networkidle');
      expect(await primaryNav(memberPage).getByRole('link', { name: 'Analytics' }).count(), path).toBe(0);
    }
    expect(asked).toEqual([]);
    expect(refused).toEqual([]);

    // Typed in by hand, the address explains rather than breaks.
    await memberPage.goto('/analytics');
    await memberPage
      .getByText('Analytics are for administrators, analysts and the owners of a space.', { exact: false })
      .waitFor();
    await context.close();
  });
});

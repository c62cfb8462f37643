// Analytics in the browser, on the demo organisation (ninety days of history) as its
// administrator: every dashboard opens; filters go to the address and change the figures; a
// chart downloads as CSV with what it shows; an ROI assumption changes the estimate; the
// page fits a phone; axe finds no serious violation.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { type SeedSummary, seedDemo } from '../../scripts/seed/index.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, primaryNav, signIn, waitForShell } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 390, height: 844 };
const DASHBOARDS = [
  ['Adoption', 'adoption'],
  ['Participation', 'participation'],
  ['Collaboration', 'collaboration'],
  ['Knowledge', 'knowledge'],
  ['Engagement', 'engagement'],
  ['Customer care', 'care'],
  ['Ideas', 'ideas'],
  ['Ambassadors', 'ambassadors'],
] as const;

describe('analytics', () => {
  const t = useE2EServer({ worker: false });
  const b = useBrowser(() => t.server.url);
  let seeded: SeedSummary;
  let page: Page;
  let adminName: string;

  beforeAll(async () => {
    seeded = await seedDemo(t.server.ctx, { users: 150 });
    // The demo's administrator reads French; this test reads the English screens.
    const admin = await t.server.ctx.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('email', '=', seeded.admin.email)
      .returning('name')
      .executeTakeFirstOrThrow();
    adminName = admin.name;
    const context = await b.newContext({ acceptDownloads: true });
    page = await context.newPage();
    await page.goto('/sign-in');
    await signIn(page, seeded.admin.email, seeded.admin.password);
    await waitForShell(page, adminName);
  }, 180_000);

  const figure = (key: string) => page.getByTestId(`figure-${key}`);
  const figureText = async (key: string) => (await figure(key).textContent()) ?? '';

  test('the administrator brings the figures up to date and opens every dashboard', async () => {
    await primaryNav(page).getByRole('link', { name: 'Analytics' }).click();
    await heading(page, 'Analytics').waitFor();
    expect(new URL(page.url()).pathname).toBe('/analytics/adoption');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await page.getByText(/Up to date: \d+ days recomputed\./).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('refreshed-at').textContent()).toMatch(/^Updated /);

    const tabs = page.getByRole('navigation', { name: 'Dashboards' });
    for (const [name, key] of DASHBOARDS) {
      await tabs.getByRole('link', { name, exact: true }).click();
      const dashboard = page.getByTestId(`dashboard-${key}`);
      await dashboard.waitFor();
      expect(await dashboard.locator('.figure-card').count(), `${name} figures`).toBeGreaterThan(0);
      expect(await dashboard.locator('figure.chart').count(), `${name} charts`).toBeGreaterThan(0);
      await dashboard.getByText('How is this computed?').first().click();
    }
    // The demo has real activity: people were active in the last 30 days.
    await tabs.getByRole('link', { name: 'Adoption', exact: true }).click();
    await figure('active_people').getByTestId('figure-value').waitFor();
    const active = Number(
      (await figure('active_people').getByTestId('figure-value').textContent())?.replace(/\D/g, ''),
    );
    expect(active).toBeGreaterThan(20);
    await expect.poll(() => figureText('active_rate')).toMatch(/%/);
    // The demo's three weeks of customer care fill the care dashboard.
    await tabs.getByRole('link', { name: 'Customer care', exact: true }).click();
    const opened = figure('conversations_opened').getByTestId('figure-value');
    await opened.waitFor();
    expect(Number((await opened.textContent())?.replace(/\D/g, ''))).toBeGreaterThan(5);
    await expect.poll(() => figureText('median_first_response_minutes')).toMatch(/min/);
    // The demo has a week of mostly unhappy messages: the sentiment line goes below zero and
    // its axis with it, the line staying between the lowest and the highest grid line.
    const sentiment = page.getByTestId('chart-sentiment_by_week').locator('svg.chart-svg');
    const drawn = await sentiment.evaluate((svg) => {
      const grid = [...svg.querySelectorAll('line.grid')].map((l) => Number(l.getAttribute('y1')));
      const ys = [...svg.querySelectorAll('path.series')].flatMap((p) =>
        [...(p.getAttribute('d') ?? '').matchAll(/[ML]\s*[\d.]+[ ,]([\d.-]+)/g)].map((m) => Number(m[1])),
      );
      return { top: Math.min(...grid), bottom: Math.max(...grid), ys, labels: svg.textContent ?? '' };
    });
    expect(drawn.ys.length).toBeGreaterThan(1);
    for (const y of drawn.ys) expect(y).toBeGreaterThanOrEqual(drawn.top - 0.01);
    for (const y of drawn.ys) expect(y).toBeLessThanOrEqual(drawn.bottom + 0.01);
    expect(drawn.labels).toMatch(/−|-/);
    await tabs.getByRole('link', { name: 'Adoption', exact: true }).click();
  });

  test('filtering by a department and by a cohort changes the address and the figures', async () => {
    await page.getByTestId('dashboard-adoption').waitFor();
    const everyone = await figureText('active_people');
    const department = page.getByTestId('filter-departmentId');
    const options = await department.locator('option').allTextContents();
    const name = options.find((o) => o === 'Marketing') ?? options[1]!;
    await department.selectOption({ label: name });
    await expect.poll(() => new URL(page.url()).searchParams.get('departmentId')).toBeTruthy();
    await expect.poll(() => figureText('active_people')).not.toBe(everyone);
    await expect
      .poll(() => page.getByTestId('filter-summary').textContent())
      .toContain(`Department: ${name}`);
    const oneDepartment = await figureText('active_people');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('departmentId')).toBeNull();
    const cohort = page.getByTestId('filter-cohortId');
    await cohort.selectOption({ label: 'Vague 1 — déploiement' });
    await expect.poll(() => new URL(page.url()).searchParams.get('cohortId')).toBeTruthy();
    await expect.poll(() => figureText('active_people')).not.toBe(everyone);
    expect(await figureText('active_people')).not.toBe(oneDepartment);

    // The address is the view: opened afresh, it shows the same filters.
    const address = page.url();
    await page.goto(address);
    await page.getByTestId('dashboard-adoption').waitFor();
    expect(await page.getByTestId('filter-cohortId').inputValue()).toBe(
      new URL(address).searchParams.get('cohortId'),
    );
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  test('a chart downloads as CSV with the data it shows', async () => {
    await page.goto('/analytics/adoption?days=7');
    const chart = page.getByTestId('chart-daily_active_people');
    await chart.waitFor();
    await chart.getByRole('button', { name: /Show as table/ }).click();
    const rows = chart.locator('tbody tr');
    expect(await rows.count()).toBe(7);
    const firstDay = (await rows.first().locator('th').textContent()) ?? '';

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^trame-adoption-daily-active-people-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Day","Active people"');
    expect(lines).toHaveLength(8);
    expect(lines[1]).toMatch(new RegExp(`^"${firstDay}",\\d+$`));
  });

  test('changing an ROI assumption changes the estimate', async () => {
    await page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link', { name: 'ROI' }).click();
    await page.getByTestId('roi-total').waitFor();
    const before = (await page.getByTestId('roi-total').textContent()) ?? '';
    expect(await page.getByTestId('roi-line-answered_questions').textContent()).toMatch(
      /Answered questions \(\d+\) × 20\smin ÷ 60 × €52 = €[\d,]+/,
    );

    const cost = page.getByLabel('Cost of an hour of work');
    await cost.fill('-3');
    await page.getByRole('button', { name: 'Save assumptions' }).click();
    await page.getByText('Enter a number of zero or more.').waitFor();
    expect(await cost.getAttribute('aria-invalid')).toBe('true');

    await cost.fill('90');
    await page.getByRole('button', { name: 'Save assumptions' }).click();
    await page.getByText('The assumptions have been saved.').waitFor();
    await expect.poll(() => page.getByTestId('roi-total').textContent()).not.toBe(before);
    expect(await page.getByTestId('roi-line-answered_questions').textContent()).toContain('× €90 =');

    // Each line's figure leads to the dashboard that shows it.
    await page.getByTestId('roi-line-answered_questions').getByRole('link').click();
    await page.getByTestId('dashboard-knowledge').waitFor();
  });

  test('a cohort of spaces is created, renamed, offered in the filters and deleted', async () => {
    await page.goto('/analytics/cohorts');
    await page.getByRole('button', { name: 'New cohort' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Pilot spaces');
    await page.getByLabel('Made of').selectOption('spaces');
    await page.getByRole('button', { name: 'Create the cohort' }).click();
    await page.getByText('Choose at least one member.').waitFor();
    await page.getByLabel('Filter spaces by name').fill('aurore');
    await page.locator('.cohort-space-list input[type="checkbox"]').first().check();
    await page.getByRole('button', { name: 'Create the cohort' }).click();
    await page.getByText('The cohort “Pilot spaces” has been created.').waitFor();
    const row = page.getByTestId('cohort-row').filter({ hasText: 'Pilot spaces' });
    await expect.poll(() => row.textContent()).toContain('1 member');

    await row.getByRole('button', { name: 'Edit Pilot spaces' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Aurora pilot');
    await page.getByRole('button', { name: 'Save the cohort' }).click();
    await page.getByText('The cohort “Aurora pilot” has been saved.').waitFor();

    await page.goto('/analytics/engagement');
    await page.getByTestId('dashboard-engagement').waitFor();
    expect(await page.getByTestId('filter-cohortId').locator('option').allTextContents()).toContain(
      'Aurora pilot',
    );

    await page.goto('/analytics/cohorts');
    await page
      .getByTestId('cohort-row')
      .filter({ hasText: 'Aurora pilot' })
      .getByRole('button', { name: 'Delete Aurora pilot' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('The cohort “Aurora pilot” has been deleted.').waitFor();
    expect(await page.getByTestId('cohort-row').filter({ hasText: 'Aurora pilot' }).count()).toBe(0);
  });

  test('the administrator grants the analyst role and sets the smallest group', async () => {
    const member = await t.server.ctx.db
      .selectFrom('users')
      .select('name')
      .where('role', '=', 'member')
      .where('status', '=', 'active')
      .where('analyst', '=', false)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await page.goto('/admin/people');
    await page.getByLabel('Search by name or email').fill(member.name);
    const row = page.getByTestId('user-row').filter({ hasText: member.name }).first();
    await row.getByRole('button', { name: `Make analyst ${member.name}` }).click();
    await page.getByText(`${member.name} can now read the analytics of the organisation.`).waitFor();
    await row.getByRole('button', { name: `Withdraw analyst ${member.name}` }).waitFor();

    await page.goto('/admin/analytics');
    await page.getByTestId('analysts').getByText(member.name).waitFor();
    const minGroup = page.getByLabel('Smallest group shown');
    await minGroup.fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Enter at least 1.').waitFor();
    await minGroup.fill('10');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The analytics settings have been saved.').waitFor();
    await page.goto('/analytics/adoption');
    await page.getByText('Not shown: fewer than 10 people').first().waitFor();
  });

  test('on a phone nothing is wider than the screen', async () => {
    const context = await b.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const phone = await context.newPage();
    await phone.goto('/sign-in');
    await signIn(phone, seeded.admin.email, seeded.admin.password);
    await waitForShell(phone, adminName);
    for (const path of [
      'adoption',
      'participation',
      'collaboration',
      'knowledge',
      'engagement',
      'care',
      'ideas',
      'ambassadors',
      'roi',
      'cohorts',
    ]) {
      await phone.goto(`/analytics/${path}`);
      await heading(phone, 'Analytics').waitFor();
      await phone.locator('.dashboard, .roi, .cohorts').first().waitFor();
      const { scrollWidth, clientWidth } = await phone.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(scrollWidth, `/analytics/${path} is ${scrollWidth}px wide`).toBeLessThanOrEqual(clientWidth);
    }
    await context.close();
  });

  test('axe finds no serious violation on the analytics pages', async () => {
    for (const path of [
      'adoption',
      'participation',
      'collaboration',
      'care',
      'ideas',
      'ambassadors',
      'roi',
    ]) {
      await page.goto(`/analytics/${path}`);
      await page.locator('.dashboard, .roi').first().waitFor();
      await page.locator('.figure-card, .roi-total').first().waitFor();
      const violations = await seriousViolations(page);
      expect(violations, `/analytics/${path}:\n${violations.join('\n')}`).toEqual([]);
    }
  });
});

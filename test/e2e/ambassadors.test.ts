// Ambassadors in the browser: a manager's kit is on the employee's page; the employee joins
// the programme and shares it on LinkedIn — the network's public share page opens with their
// tracked link; a click on that link is counted and forwarded to the kit's target with UTM
// parameters, and the manager's reach report shows it.
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { DAY } from '../../server/platform/clock.ts';
import type { TestClient } from '../helpers/client.ts';
import { type BuiltUser, PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs, primaryNav } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 375, height: 812 };

describe('ambassadors', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let admin: BuiltUser;
  let adminClient: TestClient;
  let employee: Person;
  let slug = '';

  beforeAll(async () => {
    ({ admin, client: adminClient } = await setUpOrganisation(t.server));
    employee = await person(t.server, { name: 'Inès Durand' });
    const now = t.server.clock.now().getTime();
    const kit = await adminClient.call(api.createKit, {
      body: {
        title: 'Portes ouvertes',
        texts: { generic: 'Venez visiter notre atelier samedi !' },
        targetUrl: 'https://www.example.com/portes-ouvertes',
        startsAt: new Date(now - DAY).toISOString(),
        endsAt: new Date(now + 7 * DAY).toISOString(),
      },
    });
    expect(kit.status, kit.text).toBe(201);
    slug = kit.body.slug;
    expect((await adminClient.call(api.publishKit, { params: { id: kit.body.id } })).status).toBe(200);
  });

  test('an employee joins, shares on LinkedIn, and the click on the tracked link is counted and forwarded', async () => {
    const context = await b.newContext({ viewport: PHONE });
    // The network is not reached from the test: its share page answers locally.
    await context.route('https://www.linkedin.com/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>LinkedIn</title>' }),
    );
    const page = await pageSignedInAs(context, employee, PASSWORD);
    const menu = page.getByRole('button', { name: 'Menu' });
    if (await menu.isVisible()) await menu.click();
    await primaryNav(page).getByRole('link', { name: 'Ambassadors' }).click();
    await heading(page, 'Ambassadors').waitFor();
    await page.getByRole('heading', { name: 'Portes ouvertes' }).waitFor();
    await page.getByText('Employee of Acme').waitFor();
    await page.getByRole('button', { name: 'Join the programme' }).click();
    await page.getByText('You are an ambassador.').waitFor();
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Share on LinkedIn' }).click(),
    ]);
    const link = (await page.locator('.kit-link').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${t.server.url}/r/[A-Za-z0-9_-]{12}$`));
    await expect
      .poll(() => popup.url())
      .toBe(`https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(link)}`);

    // A reader clicks the shared link.
    const res = await fetch(link, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get('location') ?? '');
    expect(`${target.origin}${target.pathname}`).toBe('https://www.example.com/portes-ouvertes');
    expect(Object.fromEntries(target.searchParams)).toEqual({
      utm_source: 'linkedin',
      utm_medium: 'ambassador',
      utm_campaign: slug,
      utm_content: link.split('/').pop(),
    });

    const managerPage = await pageSignedInAs(await b.newContext(), admin, PASSWORD);
    await managerPage.goto(`${t.server.url}/ambassadors/report`);
    await heading(managerPage, 'Reach report').waitFor();
    await expect.poll(() => managerPage.getByTestId('total-clicks').textContent()).toBe('1');
    await expect.poll(() => managerPage.getByTestId('total-shares').textContent()).toBe('1');
    await managerPage.getByRole('row', { name: /Portes ouvertes/ }).waitFor();
    const managerViolations = await seriousViolations(managerPage);
    expect(managerViolations, managerViolations.join('\n')).toEqual([]);
  });
});

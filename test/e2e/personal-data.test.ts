// Personal data in the browser: a member asks for her archive in Settings → Privacy, is
// told when it is ready (the bell), and downloads a ZIP holding her data.json.
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { signIn as apiSignIn, buildUser, PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('downloading my personal data', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let page: Page;
  const nina = { name: 'Nina Archive', email: 'nina@privacy.test' };

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    await buildUser(t.server, { ...nina, password: PASSWORD });
    const client = await apiSignIn(t.server, { email: nina.email, password: PASSWORD });
    await client.call(api.createPost, { body: { spaceId: null, body: 'Nina’s first post about archives' } });
    page = await pageSignedInAs(await b.newContext({ acceptDownloads: true }), nina, PASSWORD);
  });

  test('she asks for her archive, is notified, and downloads a zip with her data', async () => {
    await page.goto('/settings#privacy');
    await heading(page, 'Settings').waitFor();
    const privacy = page.getByRole('region', { name: 'Privacy' });
    await privacy.getByRole('button', { name: 'Prepare my archive' }).click();
    // The worker builds it; the page follows until it is ready.
    const link = privacy.getByRole('link', { name: 'Download archive' });
    await link.waitFor({ timeout: 20_000 });
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);

    await page.goto('/notifications');
    await page.getByText('Your personal data archive is ready to download').waitFor();
    await page.getByRole('link', { name: /Your personal data archive is ready/ }).click();
    await page.waitForURL(/\/settings#privacy$/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('region', { name: 'Privacy' }).getByRole('link', { name: 'Download archive' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^trame-personal-data-\d{4}-\d\d-\d\d\.zip$/);
    const entries = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['data.json', 'README.txt']));
    const data = JSON.parse(strFromU8(entries['data.json']!));
    expect(data.profile).toMatchObject({ name: nina.name, email: nina.email });
    expect(data.posts.map((p: { body: string }) => p.body)).toContain('Nina’s first post about archives');
  });

  test('an administrator erases a person: a wrong confirmation changes nothing, and their post stays as a former employee’s', async () => {
    const { admin } = await setUpOrganisation(t.server);
    const leaver = { name: 'Léo Départ', email: 'leo@privacy.test' };
    await buildUser(t.server, { ...leaver, password: PASSWORD });
    const client = await apiSignIn(t.server, { email: leaver.email, password: PASSWORD });
    const posted = await client.call(api.createPost, {
      body: { spaceId: null, body: 'Procédure de clôture mensuelle' },
    });
    expect(posted.status).toBe(201);
    const adminPage = await pageSignedInAs(await b.newContext(), admin, PASSWORD);
    await adminPage.goto('/admin/people');
    await heading(adminPage, 'People').waitFor();
    await adminPage.getByRole('button', { name: `Erase… ${leaver.name}` }).click();
    const dialog = adminPage.getByRole('dialog');
    await dialog.getByLabel('Type their email address to confirm').fill('someone@else.test');
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await dialog.getByRole('alert').waitFor();
    const violations = await seriousViolations(adminPage);
    expect(violations, violations.join('\n')).toEqual([]);
    await dialog.getByLabel('Type their email address to confirm').fill(leaver.email);
    await dialog.getByRole('button', { name: 'Erase for good' }).click();
    await adminPage.getByText('The person was erased.').waitFor();

    await adminPage.goto(`/posts/${posted.body.id}`);
    await adminPage.getByText('Procédure de clôture mensuelle').waitFor();
    await adminPage.getByRole('article').getByText('Former employee').first().waitFor();
    expect(await adminPage.getByText(leaver.name).count()).toBe(0);
  });
});

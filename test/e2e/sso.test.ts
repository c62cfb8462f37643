// Single sign-on in the browser: an administrator sets up the provider and tests the
// connection; a colleague clicks "Sign in with …", logs in at the provider (a real
// `oidc-provider` on loopback) and lands signed in on the home page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { type BuiltUser, setUpOrganisation } from '../helpers/factories.ts';
import { ssoSettingsFor, startIdp, type TestIdp } from '../helpers/oidc-provider.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs, waitForShell } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('single sign-on', () => {
  const t = useE2EServer({ env: { SSO_ALLOW_PRIVATE_ISSUER: 'true' } });
  const b = useBrowser(() => t.server.url);
  let idp: TestIdp;
  let admin: BuiltUser;

  beforeAll(async () => {
    idp = await startIdp({ redirectUri: () => `${t.server.url}/api/v1/auth/sso/callback` });
    const setUp = await setUpOrganisation(t.server);
    admin = setUp.admin;
    const saved = await setUp.client.call(api.updateSsoSettings, {
      body: ssoSettingsFor(idp),
    });
    expect(saved.status).toBe(200);
  });
  afterAll(async () => {
    await idp?.close();
  });

  test('an administrator tests the connection on the settings page', async () => {
    const page = await pageSignedInAs(await b.newContext(), admin, admin.password);
    await page.goto('/admin/sso');
    await heading(page, 'Single sign-on').waitFor();
    expect(await page.getByLabel('Issuer address').inputValue()).toBe(idp.issuer);
    await page.getByText('A secret is set.').waitFor();
    await page.getByRole('button', { name: 'Test the connection' }).click();
    await page.getByText('The provider answered: discovery and signing keys found.').waitFor();
    expect(await page.getByText('Connection tested').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a colleague signs in with the provider and lands on the home page', async () => {
    idp.people.set('colleague-1', {
      email: 'camille.petit@example.test',
      email_verified: true,
      name: 'Camille Petit',
    });
    const page = await (await b.newContext()).newPage();
    await page.goto('/sign-in');
    const button = page.getByRole('link', { name: 'Sign in with Acme ID' });
    await button.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await button.click();
    // The provider's own login form.
    await page.locator('input[name="login"]').fill('colleague-1');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await waitForShell(page, 'Camille Petit');
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('a refused sign-in comes back as a clear message on the sign-in page', async () => {
    idp.people.set('unverified-1', { email: 'x@example.test', email_verified: false, name: 'X' });
    const page = await (await b.newContext()).newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Sign in with Acme ID' }).click();
    await page.locator('input[name="login"]').fill('unverified-1');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('alert').filter({ hasText: 'did not confirm your email address' }).waitFor();
    await heading(page, 'Sign in').waitFor();
  });
});

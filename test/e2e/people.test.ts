// People and expertise in the browser, as one story: a member fills in her profile and adds a
// photo, a colleague endorses one of her skills, she is told, "who knows about" finds her
// first, and an administrator puts her under a manager, which the org chart then shows.
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { type BuiltUser, PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const PHONE = { width: 375, height: 812 };

describe('people and expertise', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let admin: BuiltUser;
  let dana: Person;
  let hugo: Person;
  let claire: Person;
  let danaPage: Page;
  let hugoPage: Page;

  const open = async (who: { email: string; name: string }) =>
    pageSignedInAs(await b.newContext(), who, PASSWORD);

  async function expectAccessible(page: Page, what: string): Promise<void> {
    const violations = await seriousViolations(page);
    expect(violations, `${what}:\n${violations.join('\n')}`).toEqual([]);
  }

  beforeAll(async () => {
    ({ admin } = await setUpOrganisation(t.server));
    dana = await person(t.server, { name: 'Dana Lefort', email: 'dana@people.test' });
    hugo = await person(t.server, { name: 'Hugo Martin', email: 'hugo@people.test' });
    claire = await person(t.server, { name: 'Claire Dubois', email: 'claire@people.test' });
    // Claire lists the same skill, without endorsements: the ranking has someone to order.
    const res = await claire.client.call(api.setMySkills, { body: { skills: ['kubernetes'] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    danaPage = await open(dana);
    hugoPage = await open(hugo);
  });

  test('a member fills in her profile, adds a photo and sees them on her profile', async () => {
    await danaPage.goto('/settings');
    await heading(danaPage, 'Settings').waitFor();

    const photo = danaPage.getByRole('region', { name: 'Photo' });
    await photo.getByLabel('Choose a photo').setInputFiles({
      name: 'dana.png',
      mimeType: 'image/png',
      buffer: png(640, 480),
    });
    await photo.getByText('Your photo has been saved.').waitFor();
    await photo.getByRole('img', { name: 'Your photo' }).waitFor();

    const details = danaPage.getByRole('region', { name: 'About you' });
    await details.getByLabel('Job title').fill('Ingénieure plateforme');
    await details.getByLabel('Phone').fill('+33 4 72 00 00 00');
    for (const language of ['French', 'German']) {
      await details.getByLabel('Add a language').selectOption({ label: language });
      await details.getByRole('button', { name: 'Add', exact: true }).click();
    }
    await details.getByRole('button', { name: 'Remove German' }).waitFor();
    await details
      .getByLabel('A few words about you')
      .fill('Équipe plateforme, Lyon.\nJe peux aider sur les clusters.');
    await details.getByRole('button', { name: 'Save', exact: true }).click();
    await details.getByText('Your profile has been saved.').waitFor();

    const skills = danaPage.getByRole('region', { name: 'Skills' });
    await skills.getByLabel('New skill').fill('Kubernetes');
    await skills.getByLabel('New skill').press('Enter');
    await skills.getByLabel('New skill').fill('Terraform');
    await skills.getByRole('button', { name: 'Add skill' }).click();
    await skills.getByRole('button', { name: 'Remove Terraform' }).waitFor();
    await skills.getByRole('button', { name: 'Save skills' }).click();
    await skills.getByText('Your skills have been saved.').waitFor();
    await expectAccessible(danaPage, 'settings with the profile editor');

    await danaPage.getByRole('link', { name: 'See my profile' }).click();
    await heading(danaPage, 'Dana Lefort').waitFor();
    const portrait = danaPage.getByRole('img', { name: 'Dana Lefort' });
    // The photo itself arrived, not just an <img>: it has pixels, shrunk to at most 400 wide.
    await expect
      .poll(() => portrait.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
      .toBe(400);
    await danaPage.getByText('Ingénieure plateforme').first().waitFor();
    const tel = danaPage.getByRole('link', { name: '+33 4 72 00 00 00' });
    expect(await tel.getAttribute('href')).toBe('tel:+33472000000');
    expect(await danaPage.getByRole('link', { name: 'dana@people.test' }).getAttribute('href')).toBe(
      'mailto:dana@people.test',
    );
    await danaPage.getByText('French and German').waitFor();
    // The about text is plain text with its line break kept.
    const about = danaPage.locator('.profile-about');
    expect(await about.innerText()).toBe('Équipe plateforme, Lyon.\nJe peux aider sur les clusters.');
    const kubernetes = danaPage.getByTestId('skill').filter({ hasText: 'Kubernetes' });
    await kubernetes.getByText('0 endorsements').waitFor();
    // Nobody endorses their own skills.
    expect(await danaPage.getByRole('button', { name: /Endorse/ }).count()).toBe(0);
    await danaPage.getByRole('link', { name: 'Edit profile' }).waitFor();
    await expectAccessible(danaPage, 'own profile');
  });

  test('a colleague endorses a skill and the count rises', async () => {
    await hugoPage.goto('/people');
    // Her photo shows in the directory (decorative there: her name is next to it).
    await hugoPage.getByTestId('person-card').filter({ hasText: 'Dana Lefort' }).locator('img').waitFor();
    await hugoPage.getByRole('link', { name: 'Dana Lefort' }).click();
    await heading(hugoPage, 'Dana Lefort').waitFor();
    const kubernetes = hugoPage.getByTestId('skill').filter({ hasText: 'Kubernetes' });
    const endorse = kubernetes.getByRole('button', { name: 'Endorse Kubernetes' });
    expect(await endorse.getAttribute('aria-pressed')).toBe('false');
    await endorse.click();
    await kubernetes.getByText('1 endorsement', { exact: true }).waitFor();
    await kubernetes.getByText('Endorsed by Hugo Martin').waitFor();
    expect(
      await kubernetes.getByRole('button', { name: 'Endorsed Kubernetes' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await expectAccessible(hugoPage, "a colleague's profile");

    await hugoPage.reload();
    await hugoPage
      .getByTestId('skill')
      .filter({ hasText: 'Kubernetes' })
      .getByText('1 endorsement')
      .waitFor();
  });

  test('the member is told of the endorsement, and it leads to her profile', async () => {
    await danaPage.goto('/notifications');
    await danaPage.getByRole('link', { name: 'Hugo Martin endorsed your skill “Kubernetes”' }).click();
    await heading(danaPage, 'Dana Lefort').waitFor();
    await danaPage
      .getByTestId('skill')
      .filter({ hasText: 'Kubernetes' })
      .getByText('Endorsed by Hugo Martin')
      .waitFor();
  });

  test('"who knows about" ranks the member first, with the endorsed skill', async () => {
    await hugoPage.goto('/people');
    await hugoPage
      .getByRole('navigation', { name: 'People sections' })
      .getByRole('link', { name: 'Who knows' })
      .click();
    await heading(hugoPage, 'Who knows about…').waitFor();
    await hugoPage.getByLabel('Subject').fill('kubernetes');
    const results = hugoPage.getByTestId('expert');
    await results.filter({ hasText: 'Claire Dubois' }).waitFor();
    await results.first().filter({ hasText: 'Dana Lefort' }).waitFor();
    await results.first().getByText('Kubernetes, 1 endorsement').waitFor();
    await results.first().getByText('Ingénieure plateforme').waitFor();
    // The subject is in the address: the search can be shared.
    expect(new URL(hugoPage.url()).searchParams.get('q')).toBe('kubernetes');
    await expectAccessible(hugoPage, 'who knows');

    await hugoPage.getByLabel('Subject').fill('astrophysique');
    await hugoPage.getByRole('heading', { name: 'Nobody found for “astrophysique”' }).waitFor();
  });

  test('an administrator sets a manager, and the org chart shows manager and report', async () => {
    const adminPage = await open(admin);
    await adminPage.goto('/admin/people');
    const row = adminPage.getByTestId('user-row').filter({ hasText: 'Dana Lefort' });
    await row.getByRole('button', { name: 'Organisation Dana Lefort' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Organisation of Dana Lefort' });
    await dialog.getByLabel('Department').fill('Plateforme');
    await dialog.getByLabel('Find a manager by name').fill('Claire');
    await dialog.getByRole('button', { name: 'Choose Claire Dubois' }).click();
    await dialog.getByText('Manager: Claire Dubois').waitFor();
    await expectAccessible(adminPage, 'the organisation dialog');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await adminPage.getByText('The organisation of Dana Lefort has been saved.').waitFor();
    await row.getByRole('cell', { name: 'Claire Dubois' }).waitFor();
    await row.getByRole('cell', { name: 'Plateforme' }).waitFor();

    await hugoPage.goto(`/people/${dana.id}`);
    await hugoPage.getByRole('link', { name: 'Claire Dubois' }).waitFor();
    await hugoPage.getByRole('link', { name: 'See in the org chart' }).click();
    await heading(hugoPage, 'Org chart').waitFor();
    const line = hugoPage.getByRole('navigation', { name: 'Management line' });
    const items = line.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    await items.nth(0).getByRole('link', { name: 'Claire Dubois', exact: true }).waitFor();
    expect(await items.nth(1).getAttribute('aria-current')).toBe('page');
    await items.nth(1).getByRole('heading', { name: 'Dana Lefort' }).waitFor();
    await expectAccessible(hugoPage, 'the org chart');

    await items.nth(0).getByRole('link', { name: 'Claire Dubois', exact: true }).click();
    const team = hugoPage.getByRole('region', { name: 'Reporting to Claire Dubois' });
    await team.getByRole('link', { name: 'Dana Lefort', exact: true }).waitFor();
    await team.getByText('Ingénieure plateforme').waitFor();

    await hugoPage.goto('/org');
    const top = hugoPage.getByRole('region', { name: 'Top of the organisation' });
    await top
      .getByTestId('org-card')
      .filter({ hasText: 'Claire Dubois' })
      .getByText('1 direct report')
      .waitFor();
  });

  test('a profile, "who knows" and the org chart fit a phone screen', async () => {
    const phone = await pageSignedInAs(
      await b.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true }),
      hugo,
      PASSWORD,
    );
    for (const [path, title] of [
      [`/people/${dana.id}`, 'Dana Lefort'],
      ['/people/experts?q=kubernetes', 'Who knows about…'],
      [`/org/${dana.id}`, 'Org chart'],
    ] as const) {
      await phone.goto(path);
      await heading(phone, title).waitFor();
      await phone.getByText('Dana Lefort').first().waitFor();
      const { scrollWidth, clientWidth } = await phone.evaluate(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(scrollWidth, `${path} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
    }
  });
});

/** A real PNG of one colour, made here so the test needs no image file. */
function png(width: number, height: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([31, 79, 209]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// zlib.crc32 only exists from Node 22; the test runs on Node 20 too.
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

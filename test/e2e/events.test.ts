// An event in the browser: created from a space's Events tab in the organiser's time zone,
// answered by a colleague, downloaded as .ics, and subscribed to as a calendar feed.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

describe('an event, answered and added to a calendar', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let organiser: Person;
  let colleague: Person;
  let page: Page;
  let eventPath: string;

  const open = async (who: Person) =>
    pageSignedInAs(await b.newContext({ timezoneId: 'Europe/Paris', acceptDownloads: true }), who, PASSWORD);

  beforeAll(async () => {
    await setUpOrganisation(t.server);
    organiser = await person(t.server, { name: 'Claire Dubois', email: 'claire@events.test' });
    colleague = await person(t.server, { name: 'Hugo Martin', email: 'hugo@events.test' });
    await makeSpace(t.server, {
      visibility: 'open',
      owner: organiser,
      members: [colleague],
      name: 'Atelier Lyon',
    });
    page = await open(organiser);
  });

  test('the organiser creates an event from the space, in their time zone', async () => {
    await page.goto('/spaces');
    await page.getByRole('link', { name: 'Atelier Lyon' }).first().click();
    await page
      .getByRole('navigation', { name: 'Space sections' })
      .getByRole('link', { name: 'Events' })
      .click();
    const form = page.locator('form.event-form');
    await form.getByLabel('Title').fill('Visite de l’usine de Vénissieux');
    await form.getByLabel('Date').fill('2027-03-04');
    await form.getByLabel('Starts at').fill('09:30');
    await form.getByLabel('Ends at').fill('11:00');
    await form.getByLabel('Time zone').selectOption('Europe/Paris');
    await form.getByLabel('Place (optional)').fill('Vénissieux, bâtiment B');
    await form.getByRole('button', { name: 'Create an event' }).click();
    await heading(page, 'Visite de l’usine de Vénissieux').waitFor();
    eventPath = new URL(page.url()).pathname;
    // 09:30 in Paris, shown with its zone.
    await page.getByText('9:30').first().waitFor();
    await page.getByText('(Europe/Paris)').waitFor();
    const violations = await seriousViolations(page);
    expect(violations, violations.join('\n')).toEqual([]);
  });

  test('a colleague answers maybe, then yes; the counts and the list follow', async () => {
    const other = await open(colleague);
    await other.goto(eventPath);
    await other.getByRole('button', { name: 'Maybe' }).click();
    await other.getByText('0 yes · 1 maybe · 0 no').waitFor();
    await other.getByRole('button', { name: 'Yes' }).click();
    await other.getByText('1 yes · 0 maybe · 0 no').waitFor();
    expect(await other.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('true');
    await other.getByRole('heading', { name: '1 coming' }).waitFor();
    await other.getByRole('link', { name: 'Hugo Martin' }).waitFor();
  });

  test('the event downloads as an .ics file that calendars read', async () => {
    await page.reload();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click(),
    ]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('SUMMARY:Visite de l’usine de Vénissieux');
    // 09:30 in Paris in March is 08:30 UTC.
    expect(text).toContain('DTSTART:20270304T083000Z');
    expect(text).toContain('LOCATION:Vénissieux\\, bâtiment B');
  });

  test('the organiser gets a calendar address that serves their events', async () => {
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Make my calendar address' }).click();
    const address = await page.getByLabel('Calendar address').inputValue();
    const res = await fetch(address.replace(/^https?:\/\/[^/]+/, t.server.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('SUMMARY:Visite de l’usine de Vénissieux');
  });
});

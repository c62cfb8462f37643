// Stored XSS: a corpus of script-injection strings goes through the API into every
// user-controlled field we can reach, then every page that shows them is rendered in
// Chromium. Each payload tries to set window.__xss (or open a dialog); after each page we
// check that it did not, that no `javascript:`/`data:` link made it into the DOM, and that no
// element carries an inline event handler.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { type Person, person, post, upload } from '../helpers/stream-fixtures.ts';
import { useBrowser } from './helpers/browser.ts';
import { pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

/** Short payloads: each fits a name, a title, a skill, a file name. */
const PAYLOADS = [
  '<script>window.__xss=true</script>',
  '<img src=x onerror="window.__xss=true">',
  '<svg onload="window.__xss=true">',
  '"><script>window.__xss=true</script>',
  "'><img src=x onerror=alert(1)>",
  '[clic](javascript:window.__xss=true)',
  'javascript:window.__xss=true',
  '[data](data:text/html,<script>parent.__xss=true</script>)',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9dHJ1ZTwvc2NyaXB0Pg==',
  "{{constructor.constructor('window.__xss=true')()}}",
  '\u202Egnp.exe<img src=x onerror=window.__xss=true>',
  '<a href="javascript:window.__xss=true">x</a>',
  '<iframe src="javascript:window.__xss=true"></iframe>',
];
/** Every payload at once, for the long fields; "zqxss" lets search find them all. */
const ALL = `zqxss ${PAYLOADS.join('\n')} <javascript:window.__xss=true> https://example.test/"onmouseover="window.__xss=true`;
const short = (i: number) => `zqxss ${PAYLOADS[i % PAYLOADS.length]}`.slice(0, 80);

describe('stored XSS', () => {
  const t = useE2EServer();
  const b = useBrowser(() => t.server.url);
  let admin: Person;
  let attacker: Person;
  const urls: string[] = [];
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    const org = await setUpOrganisation(t.server);
    admin = { ...org.admin, client: org.client, handle: '' };
    attacker = await person(t.server, { name: short(1) });
    const a = attacker.client;
    const ok = <T extends { status: number; text: string }>(res: T, label: string): T => {
      expect(res.status, `${label}: ${res.text}`).toBeLessThan(300);
      return res;
    };

    ok(await a.call(api.updateMyProfile, { body: { jobTitle: short(0), about: ALL } }), 'profile');
    ok(
      await a.call(api.setMySkills, {
        body: { skills: [short(2), short(5), short(9)].map((s) => s.slice(0, 50)) },
      }),
      'skills',
    );

    const space = ok(
      await a.call(api.createSpace, {
        body: { name: short(3), description: ALL, type: 'project', visibility: 'open' },
      }),
      'space',
    ).body;
    const spaceId = space.id as string;
    await admin.client.call(api.joinSpace, { params: { space: spaceId }, body: {} });

    const file = await upload(a, `${PAYLOADS[1]}.pdf`, Buffer.from('%PDF-1.7\n...'), 'application/pdf');
    expect(file.status, JSON.stringify(file.body)).toBeLessThan(300);
    const p = await post(a, spaceId, `${ALL}\n@${(await handleOf(admin)).handle} #zqxss`, {
      attachmentIds: [file.body.id],
      poll: { options: PAYLOADS.slice(0, 10).map((x) => x.slice(0, 200)) },
    });
    ok(await a.call(api.createComment, { params: { id: p.id }, body: { body: ALL } }), 'comment');
    const q = await post(a, spaceId, ALL, { title: short(10) });
    ok(await a.call(api.createComment, { params: { id: q.id }, body: { body: ALL } }), 'answer');
    await post(a, null, ALL);

    const pageRes = ok(
      await a.call(api.createPage, { params: { space: spaceId }, body: { title: short(6), body: ALL } }),
      'knowledge page',
    );
    const event = ok(
      await a.call(api.createEvent, {
        params: { space: spaceId },
        body: {
          title: short(7),
          description: ALL,
          location: short(8),
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 90_000_000).toISOString(),
          timeZone: 'Europe/Paris',
        },
      }),
      'event',
    );
    // Content rules: a term that is not a word is refused (nothing stored); the note is free text.
    await admin.client.call(api.createContentRule, {
      body: { term: PAYLOADS[0] as string, action: 'reject', note: ALL.slice(0, 500), spaceId: null },
    });
    ok(
      await admin.client.call(api.createContentRule, {
        body: { term: 'zqxssterm', action: 'hold', note: ALL.slice(0, 500), spaceId },
      }),
      'content rule',
    );
    ok(
      await admin.client.call(api.createReport, {
        body: { targetType: 'post', targetId: p.id, reason: 'other', details: ALL },
      }),
      'report',
    );

    urls.push(
      '/',
      `/posts/${p.id}`,
      `/posts/${q.id}`,
      `/people/${attacker.id}`,
      `/spaces/${space.slug}`,
      `/spaces/${space.slug}/events`,
      `/spaces/${space.slug}/knowledge`,
      `/spaces/${space.slug}/members`,
      '/search?q=zqxss',
      `/pages/${pageRes.body.id}`,
      `/events/${event.body.id}`,
      '/tags/zqxss',
      '/questions',
      '/notifications',
      '/people',
      '/admin/people',
      '/admin/content-rules',
      '/admin/audit',
    );
    const context = await b.newContext();
    page = await pageSignedInAs(context, admin, PASSWORD);
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
  });

  async function handleOf(who: Person) {
    return t.server.ctx.db
      .selectFrom('users')
      .select('handle')
      .where('id', '=', who.id)
      .executeTakeFirstOrThrow();
  }

  test('no payload runs, on any page that shows them', async () => {
    const notShown: string[] = [];
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const state = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          xss: (window as unknown as { __xss?: unknown }).__xss,
          badLinks: all
            .flatMap((e) => ['href', 'src', 'action', 'formaction'].map((n) => e.getAttribute(n) ?? ''))
            .filter((v) => /^\s*(javascript|data|vbscript):/i.test(v)),
          handlers: all.flatMap((e) =>
            [...e.attributes]
              .filter((x) => x.name.toLowerCase().startsWith('on'))
              .map((x) => `${e.tagName}.${x.name}`),
          ),
          iframes: document.querySelectorAll('iframe').length,
          shown: (document.querySelector('main')?.textContent ?? '').includes('zqxss'),
        };
      });
      if (!state.shown) notShown.push(url);
      const { shown: _, ...seen } = state;
      expect({ url, ...seen }).toEqual({
        url,
        xss: undefined,
        badLinks: [],
        handlers: [],
        iframes: 0,
      });
      expect({ url, dialogs }).toEqual({ url, dialogs: [] });
    }
    // Every page did show the attacker's text (else the check above proves nothing).
    expect(notShown).toEqual([]);
  });

  test('the payloads are shown as the text they are', async () => {
    await page.goto(`/people/${attacker.id}`);
    await page.getByText('<script>window.__xss=true</script>').first().waitFor();
    await page.goto('/search?q=zqxss');
    // A result's title: the knowledge page's, with its `javascript:` kept as words.
    await page.getByText('zqxss javascript:window.__xss=true', { exact: true }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });
});

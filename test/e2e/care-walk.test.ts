// The whole customer-care walk of issue 7, in a real browser with real peers. A customer's
// mail client (nodemailer) writes to Trame's SMTP listener; the mail shows in the agent's
// inbox; the agent opens it, takes it, asks a secret space through the escalation dialog,
// an expert of the space answers, the agent uses the answer as the reply and sends it; the
// reply reaches the customer's mail server (smtp-server, parsed with mailparser) threaded
// under the customer's mail, and the page says it was sent. A widget message from an allowed
// site and an entry of a review feed (served by a local web server, polled by the feeds job)
// land in the same inbox; a conversation left unanswered past its first-response target is
// flagged once the SLA watch has run. Axe finds nothing serious on the pages walked.
import type http from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api } from '../../common/api.ts';
import { type CareSmtpListener, startCareSmtp } from '../../server/modules/care/channels/email/listener.ts';
import { pollDueFeeds } from '../../server/modules/care/channels/feed/poll.ts';
import { runSlaWatch } from '../../server/modules/care/sla-watch.ts';
import { MINUTE } from '../../server/platform/clock.ts';
import { newId } from '../../server/platform/ids.ts';
import { careTarget } from '../helpers/care-inbox.ts';
import {
  type CustomerMailbox,
  createEmailChannel,
  sendToCare,
  startCustomerMailbox,
} from '../helpers/care-mail.ts';
import { PASSWORD, setUpOrganisation } from '../helpers/factories.ts';
import { makeSpace, type Person, person } from '../helpers/stream-fixtures.ts';
import { startWebPeer, type WebPeer } from '../helpers/web-peer.ts';
import { sendWidgetMessage } from '../helpers/widget-host.ts';
import { seriousViolations } from './helpers/axe.ts';
import { useBrowser } from './helpers/browser.ts';
import { heading, pageSignedInAs } from './helpers/pages.ts';
import { useE2EServer } from './helpers/server.ts';

const SUBJECT = 'Commande 7781 jamais arrivée';
const ANSWER = 'Le transporteur a perdu le colis : nous renvoyons la commande 7781 aujourd’hui.';
const WIDGET_TEXT = 'Bonjour, la lampe Orbe existe-t-elle en vert ?';
const FEED_TITLE = 'Avis : lampe Aurore décevante';
const SITE = 'https://www.lumen.example';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel><title>Avis Lumen</title><link>https://avis.example/lumen</link>
  <item>
    <title>${FEED_TITLE}</title>
    <link>https://avis.example/lumen/1</link>
    <guid isPermaLink="false">avis-walk-1</guid>
    <description>La lampe Aurore a cessé de marcher au bout d’une semaine.</description>
  </item>
  </channel>
</rss>`;

describe('care: the whole walk', () => {
  // The customer's mail server starts first (outer hooks run before the inner file's
  // server): the Trame server sends its mail there.
  const env: Record<string, string> = { OUTBOUND_ALLOW_HOSTS: '127.0.0.1' };
  let mailbox: CustomerMailbox;
  beforeAll(async () => {
    mailbox = await startCustomerMailbox();
    env.SMTP_URL = mailbox.url;
  });
  afterAll(async () => {
    await mailbox?.close();
  });

  describe('from a customer’s mail to a flagged breach', () => {
    const t = useE2EServer({ env });
    const b = useBrowser(() => t.server.url);
    const db = () => t.server.ctx.db;
    let listener: CareSmtpListener;
    let feeds: WebPeer;
    let agent: Person;
    let expert: Person;
    let space: { id: string; name: string };
    let widgetKey = '';
    let feedChannelId = '';
    let agentPage: Page;
    let customerMessageId = '';

    async function noViolations(page: Page) {
      const violations = await seriousViolations(page);
      expect(violations, violations.join('\n')).toEqual([]);
    }

    const row = (page: Page, text: string) => page.getByTestId('conversation-row').filter({ hasText: text });

    beforeAll(async () => {
      const { client: admin } = await setUpOrganisation(t.server);
      agent = await person(t.server, { name: 'Camille Roux' });
      expert = await person(t.server, { name: 'Edgar Expert' });
      await db().updateTable('users').set({ care_agent: true }).where('id', '=', agent.id).execute();
      space = await makeSpace(t.server, {
        visibility: 'secret',
        name: 'Logistique',
        owner: agent,
        members: [expert],
      });
      await careTarget(t.server, 'normal', { first: 60, resolution: 480 });

      listener = await startCareSmtp(t.server.ctx, { port: 0, host: '127.0.0.1' });
      await createEmailChannel(t.server.ctx, {
        addresses: ['support@lumen.test'],
        fromName: 'Lumen Support',
        signature: 'Lumen — le service client',
      });

      const widget = await admin.call(api.createCareChannel, {
        body: {
          kind: 'widget',
          name: 'Site Lumen',
          settings: {
            allowedOrigins: [SITE],
            greetingFr: 'Bonjour',
            greetingEn: 'Hello',
            requireEmail: false,
          },
        },
      });
      expect(widget.status).toBe(201);
      widgetKey = widget.body.publicKey;

      feeds = await startWebPeer({
        '/avis.rss': (res: http.ServerResponse) =>
          res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS),
      });
      feedChannelId = newId();
      const now = t.server.clock.now();
      await db()
        .insertInto('care_channels')
        .values({
          id: feedChannelId,
          kind: 'feed',
          name: 'Avis Lumen',
          settings: JSON.stringify({ url: `${feeds.url}/avis.rss`, intervalMinutes: 5, tag: 'avis' }),
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();

      agentPage = await pageSignedInAs(await b.newContext(), agent, PASSWORD);
    });
    afterAll(async () => {
      await listener?.close();
      await feeds?.close();
    });

    test('a mail from a real SMTP client shows in the agent’s inbox', async () => {
      customerMessageId = await sendToCare(listener.port, {
        from: { name: 'Claire Martin', address: 'claire.martin@example.org' },
        to: 'support@lumen.test',
        subject: SUBJECT,
        text: 'Bonjour, ma commande 7781 n’est jamais arrivée. Pouvez-vous vérifier ?',
      });
      expect(customerMessageId).toMatch(/^<.+@.+>$/);

      await agentPage.goto('/care');
      await heading(agentPage, 'Customer care').waitFor();
      const mail = row(agentPage, SUBJECT);
      await mail.getByText('Claire Martin').waitFor();
      await mail.getByText('Unassigned').waitFor();
      await noViolations(agentPage);
    });

    test('the agent takes it, asks an expert, replies with the answer; the reply reaches the customer threaded', async () => {
      const page = agentPage;
      await row(page, SUBJECT).getByRole('link', { name: SUBJECT }).click();
      await heading(page, SUBJECT).waitFor();
      const conversationPath = new URL(page.url()).pathname;
      await page.getByRole('article', { name: 'Claire Martin wrote' }).getByText('commande 7781').waitFor();

      await page.getByRole('button', { name: 'Assign to me' }).click();
      await expect.poll(() => page.getByLabel('Assignee').inputValue()).toBe(agent.id);

      await page.getByRole('button', { name: 'Ask inside the company' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ask a space or an expert' });
      await dialog.getByLabel('Space', { exact: true }).selectOption({ label: space.name });
      expect(await dialog.getByLabel('Question').inputValue()).toBe(SUBJECT);
      await noViolations(page);
      await dialog.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.getByText('Question asked. The answer will come back here as a draft reply.').waitFor();
      await page.getByTestId('escalation').getByText('Waiting for an answer').waitFor();

      // The expert, a member of the space, answers the question where it was posted.
      const question = await db()
        .selectFrom('care_escalations')
        .innerJoin('posts', 'posts.id', 'care_escalations.post_id')
        .innerJoin('care_conversations', 'care_conversations.id', 'care_escalations.conversation_id')
        .select(['posts.id', 'posts.body'])
        .where('care_conversations.subject', '=', SUBJECT)
        .executeTakeFirstOrThrow();
      expect(question.body).toContain('commande 7781');
      expect(question.body).not.toMatch(/claire\.martin@example\.org/);
      const answered = await expert.client.call(api.createComment, {
        params: { id: question.id },
        body: { body: ANSWER },
      });
      expect(answered.status).toBe(201);

      await page.reload();
      const escalation = page.getByTestId('escalation');
      await escalation.getByText('Answered', { exact: true }).waitFor();
      await escalation.getByRole('button', { name: 'Use as reply' }).click();
      // The reply box takes the draft in an effect, after the click's render.
      await expect.poll(() => page.getByLabel('Your reply').inputValue()).toBe(ANSWER);
      await page.getByRole('button', { name: 'Send the reply' }).click();
      const reply = page.getByRole('article', { name: 'Camille Roux replied' });
      await reply.getByText(ANSWER).waitFor();

      // The worker runs the delivery job: the reply goes out over SMTP to the customer's server.
      const received = await mailbox.waitFor((m) => m.text?.includes(ANSWER) ?? false, 20_000);
      expect(received.inReplyTo).toBe(customerMessageId);
      const references = [received.references ?? []].flat();
      expect(references).toContain(customerMessageId);
      expect(received.subject).toBe(`Re: ${SUBJECT}`);
      expect(received.to && !Array.isArray(received.to) ? received.to.text : '').toContain(
        'claire.martin@example.org',
      );
      expect(received.from?.value[0]?.address).toBe('support@lumen.test');

      await expect
        .poll(
          async () => {
            await page.goto(conversationPath);
            const status = page
              .getByRole('article', { name: 'Camille Roux replied' })
              .getByTestId('delivery-status');
            await status.waitFor();
            return status.textContent();
          },
          { timeout: 20_000, interval: 500 },
        )
        .toBe('Delivery: Sent');
      await noViolations(page);

      await page.getByRole('link', { name: 'Back to the inbox' }).click();
      await row(page, SUBJECT).getByText('Assigned to Camille Roux').waitFor();
    });

    test('a widget message from an allowed site and a feed entry both land in the inbox', async () => {
      const sent = await sendWidgetMessage(t.server, {
        publicKey: widgetKey,
        origin: SITE,
        name: 'Hugo Bernard',
        email: 'hugo@example.org',
        message: WIDGET_TEXT,
      });
      expect(sent.status).toBe(201);

      // The feeds job polls every feed whose interval has passed: this one was never polled.
      await pollDueFeeds(t.server.ctx);
      const entries = await db()
        .selectFrom('care_messages')
        .select('id')
        .where('channel_id', '=', feedChannelId)
        .execute();
      expect(entries).toHaveLength(1);

      await agentPage.goto('/care');
      await row(agentPage, WIDGET_TEXT).getByText('Hugo Bernard').waitFor();
      await row(agentPage, FEED_TITLE).getByText('#avis').waitFor();
      await row(agentPage, SUBJECT).waitFor();
      await noViolations(agentPage);
    });

    test('past its first-response target, an unanswered conversation is flagged as a breach', async () => {
      t.server.clock.advance(70 * MINUTE);
      await runSlaWatch(t.server.ctx);

      await agentPage.goto('/care');
      await row(agentPage, WIDGET_TEXT).getByText('First response overdue').waitFor();
      // The mail was answered in time: it is not flagged.
      expect(await row(agentPage, SUBJECT).getByText('First response overdue').count()).toBe(0);
      await agentPage.getByRole('link', { name: 'Breaches' }).click();
      await row(agentPage, WIDGET_TEXT).waitFor();
      expect(await row(agentPage, SUBJECT).count()).toBe(0);
      await noViolations(agentPage);
    });
  });
});

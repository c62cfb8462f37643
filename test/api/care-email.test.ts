// The email channel with real mail peers: a customer's client (nodemailer) writes to Trame's
// SMTP listener, and Trame's reply reaches a customer's mail server (smtp-server), parsed
// with mailparser, threaded so the customer's client files it under their mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../server/modules/care/channels/driver.ts';
import { SMTP_NOT_CONFIGURED } from '../../server/modules/care/channels/email/driver.ts';
import { type CareSmtpListener, startCareSmtp } from '../../server/modules/care/channels/email/listener.ts';
import { driverFor } from '../../server/modules/care/channels/registry.ts';
import { newId } from '../../server/platform/ids.ts';
import {
  type CustomerMailbox,
  createEmailChannel,
  sendToCare,
  startCustomerMailbox,
} from '../helpers/care-mail.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

describe('care: the email channel', () => {
  let mailbox: CustomerMailbox;
  let server: TestServer;
  let listener: CareSmtpListener;
  let channelId: string;
  const db = () => server.ctx.db;

  beforeAll(async () => {
    mailbox = await startCustomerMailbox();
    server = await startServer({ worker: false, env: { SMTP_URL: mailbox.url, CARE_SMTP_MAX_MB: '1' } });
    listener = await startCareSmtp(server.ctx, { port: 0, host: '127.0.0.1' });
    channelId = await createEmailChannel(server.ctx, {
      addresses: ['Support@Acme.test', 'help@acme.test'],
      fromName: 'Acme Support',
      signature: 'Acme — the support team',
    });
  });
  afterAll(async () => {
    await listener?.close();
    await server?.close();
    await mailbox?.close();
  });

  const messageByExternalId = (externalId: string) =>
    db()
      .selectFrom('care_messages')
      .selectAll()
      .where('channel_id', '=', channelId)
      .where('external_id', '=', externalId)
      .execute();

  const claire = { name: 'Claire Martin', address: 'claire.martin@example.org' };
  let conversationId: string;
  let firstId: string;

  it('turns a customer’s mail into a conversation, whatever the case of the address', async () => {
    firstId = await sendToCare(listener.port, {
      from: claire,
      to: 'SUPPORT@acme.test',
      subject: 'Order 4411 not delivered',
      text: 'Hello, my order 4411 has still not arrived.',
    });
    const [message] = await messageByExternalId(firstId);
    expect(message).toMatchObject({ kind: 'inbound', body: 'Hello, my order 4411 has still not arrived.' });
    conversationId = message!.conversation_id;
    const conversation = await db()
      .selectFrom('care_conversations')
      .innerJoin('care_customers', 'care_customers.id', 'care_conversations.customer_id')
      .select(['subject', 'status', 'display_name', 'email'])
      .where('care_conversations.id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(conversation).toEqual({
      subject: 'Order 4411 not delivered',
      status: 'open',
      display_name: 'Claire Martin',
      email: 'claire.martin@example.org',
    });
  });

  it('refuses mail for an address no enabled channel has, and stores nothing', async () => {
    const refused = sendToCare(listener.port, {
      from: claire,
      to: 'sales@acme.test',
      subject: 'Hello',
      text: 'Anyone there?',
    });
    await expect(refused).rejects.toMatchObject({ responseCode: 550 });

    await createEmailChannel(
      server.ctx,
      { addresses: ['closed@acme.test'], fromName: 'Closed' },
      { enabled: false },
    );
    await expect(
      sendToCare(listener.port, { from: claire, to: 'closed@acme.test', subject: 'x', text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    const rows = await db()
      .selectFrom('care_messages')
      .select('id')
      .where('body', '=', 'Anyone there?')
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps one message when the same mail is delivered again, with or without a Message-ID', async () => {
    const mail = {
      from: claire,
      to: 'help@acme.test',
      subject: 'Invoice',
      text: 'Could you send me the invoice?',
      messageId: `<${newId()}@example.org>`,
    };
    await sendToCare(listener.port, mail);
    await sendToCare(listener.port, mail);
    expect(await messageByExternalId(mail.messageId)).toHaveLength(1);

    // A mail that names no Message-ID gets one derived from its content: redelivery still dedups.
    const raw = [
      'From: Claire Martin <claire.martin@example.org>',
      'To: help@acme.test',
      'Subject: No id here',
      'Date: Thu, 03 Dec 2026 09:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'This mail has no Message-ID header.',
      '',
    ].join('\r\n');
    const envelope = { from: 'claire.martin@example.org', to: ['help@acme.test'] };
    await sendToCare(listener.port, { from: claire, to: 'help@acme.test', raw, envelope });
    await sendToCare(listener.port, { from: claire, to: 'help@acme.test', raw, envelope });
    const rows = await db()
      .selectFrom('care_messages')
      .select(['external_id'])
      .where('body', '=', 'This mail has no Message-ID header.')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.external_id).toMatch(/^<[0-9a-f]{40}@no-message-id\.trame\.invalid>$/);
  });

  it('reads an HTML-only mail as text and lists its attachments without keeping them', async () => {
    const id = await sendToCare(listener.port, {
      from: { name: 'Paul', address: 'paul@example.org' },
      to: 'help@acme.test',
      subject: 'Photo of the damage',
      html: '<p>The box was <b>crushed</b>.</p><script>alert(1)</script>',
      attachments: [{ filename: 'box.jpg', content: Buffer.alloc(2048, 1) }],
    });
    const [message] = await messageByExternalId(id);
    expect(message!.body).toContain('The box was crushed.');
    expect(message!.body).not.toMatch(/<|alert/);
    expect(message!.metadata).toMatchObject({
      attachments: [{ filename: 'box.jpg', size: 2048 }],
      attachmentsStored: false,
      email: { from: 'paul@example.org', htmlOnly: true },
    });
  });

  it('refuses a mail over the size limit with 552', async () => {
    const big = sendToCare(listener.port, {
      from: claire,
      to: 'help@acme.test',
      subject: 'Large',
      text: 'x'.repeat(1_200_000),
    });
    await expect(big).rejects.toMatchObject({ responseCode: 552 });
  });

  /** What the delivery job hands the driver, read from the database. */
  async function deliveryFor(messageId: string): Promise<Delivery> {
    const message = await db()
      .selectFrom('care_messages')
      .selectAll()
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    const conversation = await db()
      .selectFrom('care_conversations')
      .selectAll()
      .where('id', '=', message.conversation_id)
      .executeTakeFirstOrThrow();
    return {
      message,
      conversation,
      channel: await db()
        .selectFrom('care_channels')
        .selectAll()
        .where('id', '=', conversation.channel_id)
        .executeTakeFirstOrThrow(),
      customer: await db()
        .selectFrom('care_customers')
        .selectAll()
        .where('id', '=', conversation.customer_id)
        .executeTakeFirstOrThrow(),
      identities: await db()
        .selectFrom('care_customer_identities')
        .select(['kind', 'value'])
        .where('customer_id', '=', conversation.customer_id)
        .execute(),
      history: await db()
        .selectFrom('care_messages')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .where('id', '!=', message.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    };
  }

  async function agentReply(body: string): Promise<string> {
    const id = newId();
    await db()
      .insertInto('care_messages')
      .values({
        id,
        conversation_id: conversationId,
        channel_id: channelId,
        kind: 'outbound',
        body,
        delivery_status: 'pending',
        created_at: server.ctx.clock.now(),
      })
      .execute();
    return id;
  }

  let replyMessageId: string;

  it('sends the agent’s reply to the customer’s mail server, threaded under their mail', async () => {
    const followUp = await sendToCare(listener.port, {
      from: claire,
      to: 'support@acme.test',
      subject: 'Re: Order 4411 not delivered',
      text: 'Any news?',
      inReplyTo: firstId,
      references: [firstId],
    });
    expect((await messageByExternalId(followUp))[0]!.conversation_id).toBe(conversationId);

    const outbound = await agentReply('Your parcel left our warehouse this morning.');
    const result = await driverFor('email').deliver(server.ctx, await deliveryFor(outbound));
    expect(result.status).toBe('sent');
    expect(result.externalId).toMatch(/^<[0-9a-f-]{36}@acme\.test>$/);
    replyMessageId = result.externalId as string;
    // What the delivery job does with the result: the reply is known by its Message-ID.
    await db()
      .updateTable('care_messages')
      .set({ external_id: replyMessageId, delivery_status: 'sent' })
      .where('id', '=', outbound)
      .execute();

    const mail = await mailbox.waitFor((m) => m.messageId === replyMessageId);
    expect(mail.from?.value).toEqual([{ name: 'Acme Support', address: 'support@acme.test' }]);
    expect(mailbox.peer.messages.find((m) => m.raw.includes(replyMessageId))?.to).toEqual([
      'claire.martin@example.org',
    ]);
    expect(mail.subject).toBe('Re: Order 4411 not delivered');
    expect(mail.inReplyTo).toBe(followUp);
    expect(mail.references).toEqual([firstId, followUp]);
    expect(mail.text).toContain('Your parcel left our warehouse this morning.');
    expect(mail.text).toContain('-- \nAcme — the support team');
  });

  it('threads the customer’s answer to our reply into the same conversation', async () => {
    const answer = await sendToCare(listener.port, {
      from: claire,
      to: 'support@acme.test',
      subject: 'Re: Order 4411 not delivered',
      text: 'Thank you! Write to my home address from now on.',
      replyTo: 'claire.home@example.org',
      inReplyTo: replyMessageId,
      references: [replyMessageId],
    });
    const [message] = await messageByExternalId(answer);
    expect(message!.conversation_id).toBe(conversationId);

    // The next reply answers that latest mail (where its Reply-To asks), and the chain lists
    // every mail, ours included.
    const outbound = await agentReply('Glad to help.');
    const result = await driverFor('email').deliver(server.ctx, await deliveryFor(outbound));
    const mail = await mailbox.waitFor((m) => m.messageId === result.externalId);
    expect(mail.inReplyTo).toBe(answer);
    expect(mail.to).toMatchObject({ value: [{ address: 'claire.home@example.org' }] });
    expect(mail.references).toEqual([firstId, expect.any(String), replyMessageId, answer]);
    expect(mail.subject).toBe('Re: Order 4411 not delivered');
  });

  it('fails the delivery with a clear message when outgoing mail is not configured', async () => {
    const outbound = await agentReply('This one cannot leave.');
    const delivery = await deliveryFor(outbound);
    await expect(driverFor('email').deliver({ ...server.ctx, mailer: null }, delivery)).rejects.toThrow(
      SMTP_NOT_CONFIGURED,
    );
  });

  it('tests the channel: settings, the outgoing server, and the listener’s port', async () => {
    const driver = driverFor('email');
    const channel = await db()
      .selectFrom('care_channels')
      .selectAll()
      .where('id', '=', channelId)
      .executeTakeFirstOrThrow();
    const sentBefore = mailbox.peer.messages.length;
    const result = await driver.test(server.ctx, channel);
    expect(result).toMatchObject({ ok: true, code: 'ok' });
    expect(result.message).toContain(`port ${listener.port}`);
    expect(mailbox.peer.messages.length).toBe(sentBefore);

    expect(await driver.test(server.ctx, { ...channel, settings: { addresses: [] } })).toMatchObject({
      ok: false,
      code: 'settings_invalid',
    });
    expect(await driver.test({ ...server.ctx, mailer: null }, channel)).toMatchObject({
      ok: false,
      code: 'smtp_not_configured',
    });
    // Another context (another process) runs no listener.
    expect(await driver.test({ ...server.ctx }, channel)).toMatchObject({ ok: false, code: 'listener_off' });
  });
});

describe('care: the email listener when the database is down', () => {
  it('answers 451, so the sending server keeps the mail and tries again', async () => {
    const server = await startServer({ worker: false });
    await createEmailChannel(server.ctx, { addresses: ['support@acme.test'], fromName: 'Acme' });
    const listener = await startCareSmtp(server.ctx, { port: 0, host: '127.0.0.1' });
    try {
      await server.close();
      const sent = sendToCare(listener.port, {
        from: 'someone@example.org',
        to: 'support@acme.test',
        subject: 'Hello',
        text: 'Hello',
      });
      await expect(sent).rejects.toMatchObject({ responseCode: 451 });
    } finally {
      await listener.close();
    }
  });
});

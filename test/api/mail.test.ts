import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../common/api.ts';
import { buildUser, drainJobs, PASSWORD, setUpOrganisation, signIn } from '../helpers/factories.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { mailText, type SmtpPeer, startSmtpPeer } from '../helpers/smtp.ts';

describe('mail over SMTP', () => {
  let smtp: SmtpPeer;
  let server: TestServer;
  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startServer({
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'Acme via Trame <trame@acme.test>' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('delivers the invitation to the SMTP server, then forgets the link it carried', async () => {
    const { client } = await setUpOrganisation(server);
    const res = await client.call(api.createInvitation, {
      body: { email: 'nina@example.test', locale: 'en' },
    });
    expect(res.status).toBe(201);
    const mail = await smtp.waitFor((m) => m.to.includes('nina@example.test'));
    expect(mail.from).toBe('trame@acme.test');
    expect(mail.raw).toMatch(/^Subject: .*invites you to join Acme/m);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invitation#token=[A-Za-z0-9_-]+)/.exec(mailText(mail.raw))?.[1];
    expect(link).toBeDefined();

    await drainJobs(server);
    const outbox = await client.call(api.listOutbox);
    const entry = outbox.body.items.find((m: { to: string }) => m.to === 'nina@example.test');
    expect(entry).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    const detail = await client.call(api.getOutboxMessage, { params: { id: entry.id } });
    expect(detail.body.text).toBeNull();

    // The emailed link works.
    const token = link!.split('#token=')[1]!;
    const accept = await server.client().call(api.acceptInvitation, {
      body: { token, name: 'Nina Simone', password: PASSWORD, locale: 'en' },
    });
    expect(accept.status).toBe(201);
  });

  it('delivers a password reset link in the person’s language', async () => {
    const user = await buildUser(server, { locale: 'fr' });
    await server.client().call(api.requestPasswordReset, { body: { email: user.email } });
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    const text = mailText(mail.raw);
    expect(text).toContain('Choisissez un nouveau mot de passe');
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    const done = await server.client().call(api.completePasswordReset, {
      body: { token, newPassword: 'nouvelle phrase de passe' },
    });
    expect(done.status).toBe(204);
    await signIn(server, { email: user.email, password: 'nouvelle phrase de passe' });
  });
});

describe('mail when the SMTP server is down', () => {
  it('keeps the message queued with the error, and retries later', async () => {
    // A port nothing listens on.
    const server = await startServer({ env: { SMTP_URL: 'smtp://127.0.0.1:9' } });
    try {
      const { client } = await setUpOrganisation(server);
      await client.call(api.createInvitation, { body: { email: 'later@example.test', locale: 'en' } });
      await drainJobs(server);
      const outbox = await client.call(api.listOutbox);
      const entry = outbox.body.items.find((m: { to: string }) => m.to === 'later@example.test');
      expect(entry.status).toBe('queued');
      expect(entry.attempts).toBeGreaterThanOrEqual(1);
      expect(entry.lastError).toMatch(/ECONNREFUSED|connect/i);
      const detail = await client.call(api.getOutboxMessage, { params: { id: entry.id } });
      expect(detail.body.text).toContain('/invitation#token=');
      const job = await server.ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('name', '=', 'mail.send')
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('queued');
      expect(job.run_at.getTime()).toBeGreaterThan(server.clock.now().getTime());
    } finally {
      await server.close();
    }
  });
});

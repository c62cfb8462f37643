// Every email goes through the outbox table: written in the transaction of the action
// that sends it, then delivered by the worker over SMTP when SMTP_URL is set. Without
// SMTP the message stays readable in the admin outbox, so an administrator can relay it.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Locale } from '../../db/schema.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { enqueue } from '../jobs/queue.ts';
import type { Tx } from '../transaction.ts';
import type { MailContent } from './templates.ts';

export const MAIL_JOB = 'mail.send';

export interface OutgoingMail extends MailContent {
  to: string;
  kind: string;
  locale: Locale;
  /** Carries a sign-in link: its text is dropped once delivered, and reading it is audited. */
  sensitive: boolean;
}

export async function queueMail(tx: Tx, mail: OutgoingMail): Promise<string> {
  const id = newId();
  const smtp = tx.ctx.mailer !== null;
  await tx.db
    .insertInto('mail_outbox')
    .values({
      id,
      to_address: mail.to,
      kind: mail.kind,
      locale: mail.locale,
      subject: mail.subject,
      text_body: mail.text,
      sensitive: mail.sensitive,
      status: smtp ? 'queued' : 'outbox_only',
      created_at: tx.now,
    })
    .execute();
  if (smtp) await enqueue(tx, MAIL_JOB, { id });
  return id;
}

export const REDACTED = '';

export function createMailer(config: Pick<Config, 'SMTP_URL'>): Transporter | null {
  return config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
}

/** The worker's handler: deliver one queued message; a throw makes the queue retry it. */
export function deliverMail(deps: {
  db: Db;
  clock: Clock;
  mailer: Transporter | null;
  config: Pick<Config, 'MAIL_FROM'>;
}) {
  return async (payload: Record<string, unknown>, job: { attempts: number; max_attempts: number }) => {
    const id = String(payload.id);
    const mail = await deps.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
    if (mail?.status !== 'queued' || !deps.mailer) return;
    try {
      await deps.mailer.sendMail({
        from: deps.config.MAIL_FROM,
        to: mail.to_address,
        subject: mail.subject,
        text: mail.text_body,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Trame-Kind': mail.kind },
      });
    } catch (error) {
      const final = job.attempts >= job.max_attempts;
      await deps.db
        .updateTable('mail_outbox')
        .set({
          attempts: job.attempts,
          last_error: (error as Error).message.slice(0, 1000),
          status: final ? 'failed' : 'queued',
        })
        .where('id', '=', id)
        .execute();
      throw error;
    }
    await deps.db
      .updateTable('mail_outbox')
      .set({
        status: 'sent',
        sent_at: deps.clock.now(),
        attempts: job.attempts,
        last_error: null,
        // A delivered sign-in link is the recipient's alone: do not keep a copy.
        ...(mail.sensitive ? { text_body: REDACTED } : {}),
      })
      .where('id', '=', id)
      .execute();
  };
}

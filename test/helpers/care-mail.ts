// Real mail peers around customer care's email channel: a customer's mail server (smtp-server
// from npm, collecting what Trame sends, parsed by mailparser) and a customer's mail client
// (nodemailer) writing to Trame's own SMTP listener.
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type { AppContext } from '../../server/context.ts';
import { newId } from '../../server/platform/ids.ts';
import { type SmtpPeer, startSmtpPeer } from './smtp.ts';

export interface CustomerMailbox {
  /** SMTP_URL to give the Trame server, so its outgoing mail lands here. */
  url: string;
  peer: SmtpPeer;
  /** The first mail (parsed) for which the predicate holds, waiting for it to arrive. */
  waitFor(predicate: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export async function startCustomerMailbox(): Promise<CustomerMailbox> {
  const peer = await startSmtpPeer();
  const parsed = new Map<string, ParsedMail>();
  const parse = async (raw: string) => {
    const known = parsed.get(raw);
    if (known) return known;
    const mail = await simpleParser(raw);
    parsed.set(raw, mail);
    return mail;
  };
  return {
    url: peer.url,
    peer,
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const m of [...peer.messages]) {
          const mail = await parse(m.raw);
          if (predicate(mail)) return mail;
        }
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`No matching mail within ${timeoutMs} ms (received ${peer.messages.length}).`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, 50)));
      }
    },
    close: () => peer.close(),
  };
}

export interface CustomerMail {
  from: string | { name: string; address: string };
  to: string | string[];
  subject?: string;
  text?: string;
  html?: string;
  messageId?: string;
  replyTo?: string;
  inReplyTo?: string;
  references?: string | string[];
  attachments?: { filename: string; content: string | Buffer }[];
  headers?: Record<string, string>;
  /** Send these bytes as they are (with `envelope`), e.g. a mail without a Message-ID. */
  raw?: string;
  envelope?: { from: string; to: string[] };
}

/**
 * Sends a mail to Trame's SMTP listener as a customer's client would. Resolves with the
 * Message-ID sent; rejects with nodemailer's error (its `responseCode`: 550, 451…) when refused.
 */
export async function sendToCare(port: number, mail: CustomerMail): Promise<string> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    const info = await transport.sendMail(mail);
    return info.messageId;
  } finally {
    transport.close();
  }
}

/** An enabled email channel, written straight to the database (the admin pages are another part). */
export async function createEmailChannel(
  ctx: AppContext,
  settings: { addresses: string[]; fromName: string; signature?: string },
  options: { enabled?: boolean; name?: string } = {},
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('care_channels')
    .values({
      id,
      kind: 'email',
      name: options.name ?? settings.fromName,
      enabled: options.enabled ?? true,
      settings: JSON.stringify(settings),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

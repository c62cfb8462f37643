// A raw customer email → what ingestInbound() needs. The text body is preferred; an HTML-only
// mail is turned into text by mailparser's converter (html-to-text: no markup survives, no
// script runs). Attachments are not stored: their names and sizes go into the metadata.
import { createHash } from 'node:crypto';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { InboundMessage } from '../../ingest.ts';

/** HTML larger than this is not converted (the text stays empty, the metadata says why). */
const MAX_HTML = 2_000_000;
/** References kept to thread by: the newest ones (a long thread's full chain is not needed). */
const MAX_REFERENCES = 50;
const MAX_ATTACHMENTS_LISTED = 50;

export type ParsedInbound = Omit<InboundMessage, 'channelId'>;

export class UnreadableMail extends Error {}

const MESSAGE_ID = /<[^<>\s]{1,250}>/g;

/** Every `<id>` in a header value (In-Reply-To may hold several, References holds a chain). */
export function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  return [...text.matchAll(MESSAGE_ID)].map((m) => m[0]);
}

function firstAddress(header: AddressObject | AddressObject[] | undefined) {
  const objects = Array.isArray(header) ? header : header ? [header] : [];
  for (const object of objects)
    for (const entry of object.value) if (entry.address) return { address: entry.address, name: entry.name };
  return null;
}

function addresses(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(header) ? header : header ? [header] : [];
  return objects.flatMap((o) => o.value.map((v) => v.address ?? '').filter(Boolean)).slice(0, 50);
}

/**
 * A Message-ID for mail that has none, from what a redelivery keeps unchanged (not the
 * Received lines relays add), so the same mail delivered twice is still one message.
 */
function derivedMessageId(mail: ParsedMail, sender: string): string {
  const hash = createHash('sha256')
    .update(
      JSON.stringify([
        sender.toLowerCase(),
        addresses(mail.to),
        mail.date?.toISOString() ?? null,
        mail.subject ?? '',
        mail.text ?? '',
      ]),
    )
    .digest('hex')
    .slice(0, 40);
  return `<${hash}@no-message-id.trame.invalid>`;
}

/**
 * mailparser converts HTML to text only when the HTML is the whole message; an HTML body next
 * to attachments comes back without text. Parse that HTML again as a message of its own, so
 * the same converter (and its limits) applies.
 */
async function htmlAsText(html: string): Promise<string> {
  if (html.length > MAX_HTML) return '';
  const alone = await simpleParser(
    Buffer.from(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${html}`),
    { maxHtmlLengthToParse: MAX_HTML, skipTextToHtml: true, skipImageLinks: true },
  );
  return alone.text ?? '';
}

export async function parseInbound(raw: Buffer, envelopeFrom: string | null): Promise<ParsedInbound> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, {
      maxHtmlLengthToParse: MAX_HTML,
      skipTextToHtml: true,
      skipImageLinks: true,
      keepCidLinks: true,
    });
  } catch (error) {
    throw new UnreadableMail(`The message could not be parsed: ${(error as Error).message}`);
  }
  const from = firstAddress(mail.from) ?? (envelopeFrom ? { address: envelopeFrom, name: '' } : null);
  if (!from) throw new UnreadableMail('The message names no sender.');

  const inReplyTo = messageIds(mail.inReplyTo);
  const references = messageIds(mail.references).slice(-MAX_REFERENCES).reverse();
  const ownId = messageIds(mail.messageId)[0] ?? derivedMessageId(mail, from.address);
  const attachments = mail.attachments.slice(0, MAX_ATTACHMENTS_LISTED).map((a) => ({
    filename: a.filename ?? null,
    contentType: a.contentType,
    size: a.size,
  }));

  return {
    externalId: ownId,
    inReplyTo: [...new Set([...inReplyTo, ...references])].filter((id) => id !== ownId),
    customer: { kind: 'email', value: from.address, displayName: from.name || null },
    subject: (mail.subject ?? '').slice(0, 300),
    body: (mail.text || (mail.html ? await htmlAsText(mail.html) : '')).trim(),
    metadata: {
      email: {
        from: from.address,
        ...(firstAddress(mail.replyTo) ? { replyTo: firstAddress(mail.replyTo)?.address } : {}),
        to: addresses(mail.to),
        cc: addresses(mail.cc),
        date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
        htmlOnly: !mail.text && Boolean(mail.html),
        ...(mail.textConversionError ? { textConversionError: mail.textConversionError.message } : {}),
        ...(mail.headers.get('auto-submitted')
          ? { autoSubmitted: String(mail.headers.get('auto-submitted')) }
          : {}),
      },
      ...(attachments.length > 0
        ? { attachments, attachmentsStored: false, attachmentCount: mail.attachments.length }
        : {}),
    },
  };
}

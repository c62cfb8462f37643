// The email channel's driver: an agent's reply goes out over the organisation's outgoing SMTP
// server (SMTP_URL — the same transport as every other Trame mail), from the channel's first
// address, with the threading headers the customer's mail client needs.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../../context.ts';
import type { CareChannelRow } from '../../../../db/schema-care.ts';
import type { ChannelDriver, Delivery, DeliveryResult, TestResult } from '../driver.ts';
import { runningListener } from './listener.ts';
import { domainOf, type EmailSettings, emailSettings } from './settings.ts';
import { answeredId, referencesChain, replySubject } from './threading.ts';

export const SMTP_NOT_CONFIGURED =
  'Outgoing mail is not configured (SMTP_URL is not set): email replies cannot be sent.';

function settingsOf(channel: CareChannelRow): EmailSettings {
  const parsed = emailSettings.safeParse(channel.settings);
  if (!parsed.success)
    throw new Error(`The email channel's settings are incomplete: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Where the customer's latest mail asked answers to go (Reply-To, else From), else their address. */
function customerAddress(delivery: Delivery): string {
  const latest = delivery.history.findLast((m) => m.kind === 'inbound')?.metadata.email as
    | { from?: unknown; replyTo?: unknown }
    | undefined;
  const fromMail = [latest?.replyTo, latest?.from].find(
    (a): a is string => typeof a === 'string' && a.length > 0,
  );
  const address =
    fromMail ?? delivery.customer.email ?? delivery.identities.find((i) => i.kind === 'email')?.value ?? null;
  if (!address) throw new Error('This customer has no email address to reply to.');
  return address;
}

async function deliver(ctx: AppContext, delivery: Delivery): Promise<DeliveryResult> {
  const settings = settingsOf(delivery.channel);
  if (!ctx.mailer) throw new Error(SMTP_NOT_CONFIGURED);
  const from = settings.addresses[0] as string;
  const messageId = `<${randomUUID()}@${domainOf(from)}>`;
  const inReplyTo = answeredId(delivery.history);
  const references = referencesChain(delivery.history);
  const signature = settings.signature ? `\n\n-- \n${settings.signature}` : '';
  const info = await ctx.mailer.sendMail({
    from: { name: settings.fromName, address: from },
    to: customerAddress(delivery),
    subject: replySubject(delivery.conversation.subject),
    text: `${delivery.message.body}${signature}`,
    messageId,
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references.length > 0 ? { references } : {}),
  });
  return {
    status: 'sent',
    externalId: messageId,
    metadata: { email: { to: (info.accepted ?? []).map(String), inReplyTo, response: info.response } },
  };
}

async function test(ctx: AppContext, channel: CareChannelRow): Promise<TestResult> {
  const parsed = emailSettings.safeParse(channel.settings);
  if (!parsed.success)
    return {
      ok: false,
      code: 'settings_invalid',
      message: parsed.error.issues[0]?.message ?? 'Invalid settings.',
    };
  if (!ctx.mailer) return { ok: false, code: 'smtp_not_configured', message: SMTP_NOT_CONFIGURED };
  try {
    await ctx.mailer.verify();
  } catch (error) {
    return {
      ok: false,
      code: 'smtp_unreachable',
      message: `The outgoing mail server does not answer: ${(error as Error).message}`,
    };
  }
  const listener = runningListener(ctx);
  if (!listener)
    return {
      ok: false,
      code: 'listener_off',
      message:
        'Replies can be sent, but this Trame receives no mail: set CARE_SMTP_PORT (and point the MX record of the addresses at it).',
    };
  return {
    ok: true,
    code: 'ok',
    message: `Replies can be sent, and mail to ${parsed.data.addresses.join(', ')} is received on port ${listener.port}.`,
  };
}

export const emailDriver: ChannelDriver<typeof emailSettings> = {
  kind: 'email',
  settings: emailSettings,
  deliver,
  test,
};

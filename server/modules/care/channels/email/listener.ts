// Trame's own SMTP server for the email channels: it accepts mail for the addresses of enabled
// email channels only (any other recipient: 550, so it is never an open relay — nothing is
// forwarded anywhere), parses each message and hands it to ingestInbound(), once per channel
// it was addressed to. A database error answers 451, so the sending server retries later;
// redelivery is harmless (Message-ID dedup). Bad mail gets a 5xx answer, never a crash.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { ConfigError } from '../../../../config.ts';
import type { AppContext } from '../../../../context.ts';
import { AppError } from '../../../../platform/errors.ts';
import { ingestInbound } from '../../ingest.ts';
import { parseInbound, UnreadableMail } from './parse.ts';
import { channelsForAddress } from './recipients.ts';

const MAX_RECIPIENTS = 20;

export interface CareSmtpOptions {
  /** 0 picks a free port (tests). Default CARE_SMTP_PORT. */
  port?: number;
  /** Default CARE_SMTP_HOST. */
  host?: string;
}

export interface CareSmtpListener {
  port: number;
  close(): Promise<void>;
}

/** The listener this process runs for a context, for the channel's test button. */
const running = new WeakMap<AppContext, { port: number; host: string }>();

export function runningListener(ctx: AppContext): { port: number; host: string } | null {
  return running.get(ctx) ?? null;
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

function tlsOptions(ctx: AppContext): { key: Buffer; cert: Buffer } | null {
  const { CARE_SMTP_TLS_CERT: certFile, CARE_SMTP_TLS_KEY: keyFile } = ctx.config;
  if (!certFile && !keyFile) return null;
  if (!certFile || !keyFile)
    throw new ConfigError('CARE_SMTP_TLS_CERT and CARE_SMTP_TLS_KEY go together: set both, or neither.');
  try {
    return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
  } catch (error) {
    throw new ConfigError(`Cannot read the SMTP listener's TLS files: ${(error as Error).message}`);
  }
}

/** Read the message, keeping no more than the limit in memory (the rest is drained). */
function readMessage(stream: SMTPServerDataStream, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    stream.on('data', (chunk: Buffer) => {
      if (kept + chunk.length <= limit) {
        chunks.push(chunk);
        kept += chunk.length;
      }
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(stream.sizeExceeded ? null : Buffer.concat(chunks)));
  });
}

async function receive(ctx: AppContext, raw: Buffer, session: SMTPServerSession): Promise<string> {
  const channelIds = new Set<string>();
  for (const rcpt of session.envelope.rcptTo)
    for (const id of await channelsForAddress(ctx.db, rcpt.address)) channelIds.add(id);
  if (channelIds.size === 0) throw smtpError(550, 'No mailbox here for these recipients any more.');

  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
  const message = await parseInbound(raw, envelopeFrom || null);
  let accepted = 0;
  for (const channelId of channelIds) {
    try {
      await ingestInbound(ctx, { ...message, channelId });
      accepted++;
    } catch (error) {
      // The channel was switched off or removed since RCPT TO: that copy is refused, not retried.
      if (error instanceof AppError && error.status < 500) continue;
      throw error;
    }
  }
  if (accepted === 0) throw smtpError(550, 'No mailbox here for these recipients any more.');
  return `Message accepted for ${accepted} channel(s)`;
}

export async function startCareSmtp(
  ctx: AppContext,
  options: CareSmtpOptions = {},
): Promise<CareSmtpListener> {
  const port = options.port ?? ctx.config.CARE_SMTP_PORT;
  if (port === undefined) throw new ConfigError('CARE_SMTP_PORT is not set: no SMTP listener to start.');
  const host = options.host ?? ctx.config.CARE_SMTP_HOST;
  const limit = ctx.config.CARE_SMTP_MAX_MB * 1024 * 1024;
  const tls = tlsOptions(ctx);
  const log = ctx.logger.child({ component: 'care-smtp' });

  const server = new SMTPServer({
    name: new URL(ctx.config.PUBLIC_URL).hostname,
    banner: 'Trame customer care',
    size: limit,
    // Customers' servers deliver to us; nobody signs in to send through us.
    disabledCommands: tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(tls ?? {}),
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    maxClients: 100,
    closeTimeout: 5_000,
    onRcptTo(address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) {
        callback(smtpError(452, 'Too many recipients in one message.'));
        return;
      }
      channelsForAddress(ctx.db, address.address).then(
        (ids) =>
          callback(ids.length > 0 ? null : smtpError(550, `No mailbox here for <${address.address}>.`)),
        (error: unknown) => {
          log.error({ err: error }, 'care smtp: recipient lookup failed');
          callback(smtpError(451, 'Temporary failure, try again later.'));
        },
      );
    },
    onData(stream, session, callback) {
      readMessage(stream, limit)
        .then((raw) => {
          if (raw === null) throw smtpError(552, 'Message exceeds the maximum size.');
          return receive(ctx, raw, session);
        })
        .then(
          (reply) => callback(null, reply),
          (error: unknown) => {
            if (error instanceof UnreadableMail) {
              log.info({ reason: error.message }, 'care smtp: refused an unreadable message');
              callback(smtpError(554, error.message));
            } else if (error instanceof Error && 'responseCode' in error) {
              callback(error);
            } else {
              // The database, most likely: the sender keeps the message and tries again.
              log.error({ err: error }, 'care smtp: could not store a message');
              callback(smtpError(451, 'Temporary failure, try again later.'));
            }
          },
        );
    },
  });
  server.on('error', (error) => log.error({ err: error }, 'care smtp: server error'));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.server.address() as AddressInfo).port;
  running.set(ctx, { port: bound, host });
  log.info({ port: bound, host, tls: Boolean(tls) }, 'customer-care SMTP listener is running');
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        if (running.get(ctx)?.port === bound) running.delete(ctx);
        server.close(() => resolve());
      }),
  };
}

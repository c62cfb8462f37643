// What Trame posts to a connector (a reply, a ping): JSON, signed like the webhook's requests,
// through the outbound guard (a private reply URL only if the operator allowed its host).
import type { AppContext } from '../../../../context.ts';
import { OutboundRefused, outboundFetch } from '../../../../platform/outbound/fetch.ts';
import { SIGNATURE_HEADER, sign } from './signature.ts';

export class ConnectorRefused extends Error {}

export async function postSigned(
  ctx: AppContext,
  target: { url: string; secret: string; event: 'reply' | 'ping' },
  payload: unknown,
): Promise<{ status: number; json: unknown }> {
  const body = JSON.stringify(payload);
  let res: Awaited<ReturnType<typeof outboundFetch>>;
  try {
    res = await outboundFetch(target.url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [SIGNATURE_HEADER]: sign(target.secret, body, ctx.clock.now()),
        'x-trame-event': target.event,
      },
      allowHosts: ctx.config.OUTBOUND_ALLOW_HOSTS,
      userAgent: 'TrameCare/1.0',
      maxBytes: 64 * 1024,
      timeoutMs: 10_000,
    });
  } catch (error) {
    if (error instanceof OutboundRefused) throw new ConnectorRefused(error.message);
    throw new ConnectorRefused(`The connector could not be reached: ${(error as Error).message}`);
  }
  if (res.status < 200 || res.status >= 300)
    throw new ConnectorRefused(`The connector answered ${res.status}.`);
  let json: unknown = null;
  const text = res.body.toString('utf8').trim();
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ConnectorRefused('The connector answered something that is not JSON.');
    }
  }
  return { status: res.status, json };
}

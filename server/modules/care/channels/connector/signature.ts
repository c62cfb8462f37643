// The connector webhook's signature, both ways (docs/care.md, "Connector webhook"):
//   x-trame-signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// Trame checks it on what connectors post, and signs the replies it posts back the same way,
// so a connector verifies Trame with the code it signs with. Several v1= values are allowed
// (a connector rotating its secret signs with both for a while).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-trame-signature';
/** How far a signature's time may be from ours, either way: a captured request replays no later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const MAX_HEADER = 1000;

function hmac(secret: string, t: string, body: Buffer | string): Buffer {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest();
}

export function sign(secret: string, body: Buffer | string, at: Date): string {
  const t = String(Math.floor(at.getTime() / 1000));
  return `t=${t},v1=${hmac(secret, t, body).toString('hex')}`;
}

/** Whether the header signs this body with this secret, at a time within the tolerance of `now`. */
export function verify(
  secret: string,
  header: string | string[] | undefined,
  body: Buffer | undefined,
  now: Date,
): boolean {
  if (typeof header !== 'string' || header.length > MAX_HEADER || !body) return false;
  let t: string | null = null;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2) as [string, string | undefined];
    if (key === 't' && value !== undefined) t = value;
    else if (key === 'v1' && value !== undefined) candidates.push(value);
  }
  if (t === null || !/^\d{1,12}$/.test(t) || candidates.length === 0) return false;
  if (Math.abs(now.getTime() / 1000 - Number(t)) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = hmac(secret, t, body);
  let ok = false;
  for (const candidate of candidates.slice(0, 5)) {
    if (!/^[0-9a-f]{64}$/i.test(candidate)) continue;
    // Constant time over the digests; every candidate is compared, found or not.
    if (timingSafeEqual(expected, Buffer.from(candidate, 'hex'))) ok = true;
  }
  return ok;
}

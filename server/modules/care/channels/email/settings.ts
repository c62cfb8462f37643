// What an administrator sets on an email channel: the addresses customers write to (the
// SMTP listener accepts mail for these only), the name replies are signed with, and an
// optional signature appended to every reply.
import { z } from 'zod';
import { Email } from '../../../../../common/schemas/primitives.ts';

export const emailSettings = z.object({
  addresses: z
    .array(Email)
    .min(1, 'Give at least one address customers write to.')
    .max(20)
    .transform((list) => [...new Set(list)]),
  fromName: z.string().trim().min(1, 'Give the name replies are sent under.').max(120),
  signature: z.string().trim().max(2000).optional().default(''),
});

export type EmailSettings = z.output<typeof emailSettings>;

/** The addresses of a stored channel, lower-cased, whatever state its settings are in. */
export function channelAddresses(settings: Record<string, unknown>): string[] {
  const list = settings.addresses;
  if (!Array.isArray(list)) return [];
  return list.filter((a): a is string => typeof a === 'string').map((a) => a.trim().toLowerCase());
}

/** The domain part of an address: `support@acme.example` → `acme.example`. */
export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

// The headers that make a customer's mail client file our reply under their message:
// In-Reply-To names the message answered, References the chain (RFC 5322 §3.6.4), and the
// subject keeps theirs with one "Re:".
import type { CareMessageRow } from '../../../../db/schema-care.ts';

/** References listed at most: the first message, then the most recent ones. */
const MAX_REFERENCES = 20;
const IS_MESSAGE_ID = /^<[^<>\s]+>$/;

export function replySubject(subject: string): string {
  const bare = subject.replace(/^\s*((re|aw|sv|antw)\s*(\[\d+\])?\s*:\s*)+/i, '').trim();
  return `Re: ${bare || '…'}`;
}

const mailIds = (history: CareMessageRow[]) =>
  history
    .filter((m) => m.kind !== 'note' && m.external_id && IS_MESSAGE_ID.test(m.external_id))
    .map((m) => m.external_id as string);

/** The Message-ID this reply answers: the customer's latest mail. */
export function answeredId(history: CareMessageRow[]): string | null {
  const inbound = history.filter((m) => m.kind === 'inbound');
  return mailIds(inbound).at(-1) ?? null;
}

/** Every mail of the conversation, oldest first, bounded (the first is always kept). */
export function referencesChain(history: CareMessageRow[]): string[] {
  const ids = [...new Set(mailIds(history))];
  if (ids.length <= MAX_REFERENCES) return ids;
  return [ids[0] as string, ...ids.slice(-(MAX_REFERENCES - 1))];
}

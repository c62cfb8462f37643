import { describe, expect, it } from 'vitest';
import type { CareMessageRow } from '../../../../db/schema-care.ts';
import { messageIds } from './parse.ts';
import { answeredId, referencesChain, replySubject } from './threading.ts';

const message = (kind: CareMessageRow['kind'], externalId: string | null) =>
  ({ kind, external_id: externalId }) as CareMessageRow;

describe('email threading', () => {
  it('keeps one Re: on the subject', () => {
    expect(replySubject('Order 4411')).toBe('Re: Order 4411');
    expect(replySubject('RE: re:Order 4411')).toBe('Re: Order 4411');
    expect(replySubject('AW: Bestellung')).toBe('Re: Bestellung');
    expect(replySubject('Re[2]: Order')).toBe('Re: Order');
    expect(replySubject('  ')).toBe('Re: …');
    expect(replySubject('Refund please')).toBe('Re: Refund please');
  });

  it('answers the latest inbound mail and lists the chain oldest first, bounded', () => {
    const history = [
      message('inbound', '<1@x>'),
      message('note', null),
      message('outbound', '<2@y>'),
      message('inbound', '<3@x>'),
      message('outbound', null),
    ];
    expect(answeredId(history)).toBe('<3@x>');
    expect(referencesChain(history)).toEqual(['<1@x>', '<2@y>', '<3@x>']);
    const long = Array.from({ length: 30 }, (_, i) => message('inbound', `<${i}@x>`));
    const chain = referencesChain(long);
    expect(chain).toHaveLength(20);
    expect(chain[0]).toBe('<0@x>');
    expect(chain.at(-1)).toBe('<29@x>');
    expect(answeredId([message('outbound', '<2@y>')])).toBeNull();
  });

  it('reads every Message-ID of a header', () => {
    expect(messageIds('<a@x> <b@y>')).toEqual(['<a@x>', '<b@y>']);
    expect(messageIds(['<a@x>', 'junk <c@z>'])).toEqual(['<a@x>', '<c@z>']);
    expect(messageIds(undefined)).toEqual([]);
  });
});

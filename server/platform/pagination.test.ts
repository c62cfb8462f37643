import { describe, expect, it } from 'vitest';
import { containsPattern, decodeCursor, encodeCursor, pageOf } from './pagination.ts';

describe('paging', () => {
  it('round-trips cursors and rejects forged ones with a validation error', () => {
    expect(decodeCursor(encodeCursor('abc'), 'string')).toBe('abc');
    expect(decodeCursor(encodeCursor(42), 'number')).toBe(42);
    expect(decodeCursor(undefined, 'number')).toBeUndefined();
    expect(() => decodeCursor(encodeCursor('abc'), 'number')).toThrow(/cursor/i);
    expect(() => decodeCursor('%%%', 'string')).toThrow(/cursor/i);
  });

  it('trims the extra row and points at the last item', () => {
    const page = pageOf(
      [1, 2, 3],
      2,
      (n) => n,
      (n) => n * 10,
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor!, 'number')).toBe(2);
    expect(
      pageOf(
        [1],
        2,
        (n) => n,
        (n) => n,
      ).nextCursor,
    ).toBeNull();
  });

  it('escapes LIKE wildcards', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

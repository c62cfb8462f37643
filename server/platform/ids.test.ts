import { describe, expect, it } from 'vitest';
import { newId, UUID_RE } from './ids.ts';

describe('newId', () => {
  it('makes valid, unique, strictly increasing UUIDv7s, even within one millisecond', () => {
    const now = Date.now();
    const ids = Array.from({ length: 5000 }, () => newId(now));
    for (const id of ids) {
      expect(id).toMatch(UUID_RE);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('orders ids by their time', () => {
    expect(newId(Date.parse('2026-01-01')) < newId(Date.parse('2026-06-01'))).toBe(true);
  });
});

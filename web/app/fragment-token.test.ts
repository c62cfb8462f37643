import { describe, expect, it } from 'vitest';
import { readFragmentToken } from './fragment-token.ts';

describe('readFragmentToken', () => {
  it('reads the token from the fragment', () => {
    expect(readFragmentToken('#token=abcDEF123-_x')).toBe('abcDEF123-_x');
    expect(readFragmentToken('token=abc')).toBe('abc');
    expect(readFragmentToken('#a=1&token=xyz')).toBe('xyz');
  });

  it('returns null when there is none', () => {
    expect(readFragmentToken('')).toBeNull();
    expect(readFragmentToken('#')).toBeNull();
    expect(readFragmentToken('#token=')).toBeNull();
    expect(readFragmentToken('#main')).toBeNull();
  });
});

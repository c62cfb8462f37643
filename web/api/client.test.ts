import { describe, expect, it } from 'vitest';
import { ApiError, buildPath, buildQuery, readCookie } from './client.ts';

describe('buildPath', () => {
  it('fills and encodes path parameters', () => {
    expect(buildPath('/api/v1/users/:id/role', { id: 'a b/c' })).toBe('/api/v1/users/a%20b%2Fc/role');
    expect(buildPath('/api/v1/session')).toBe('/api/v1/session');
  });

  it('refuses a missing parameter', () => {
    expect(() => buildPath('/api/v1/users/:id', {})).toThrow(/id/);
  });
});

describe('buildQuery', () => {
  it('skips undefined, null and empty values', () => {
    expect(buildQuery({ q: 'ada l', cursor: undefined, role: null, site: '', limit: 25 })).toBe(
      '?q=ada+l&limit=25',
    );
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('readCookie', () => {
  it('finds a cookie by exact name', () => {
    const header = 'x_trame_csrf=no; trame_csrf=abc%3D; __Host-trame_csrf=def';
    expect(readCookie(header, 'trame_csrf')).toBe('abc=');
    expect(readCookie(header, '__Host-trame_csrf')).toBe('def');
    expect(readCookie(header, 'missing')).toBeNull();
  });
});

describe('ApiError', () => {
  it('exposes field issues and the wait of a rate limit', () => {
    const issues = [{ field: 'email', reason: 'invalid_format', message: 'x' }];
    expect(new ApiError(400, 'validation_failed', 'x', { issues }).issues).toEqual(issues);
    expect(new ApiError(429, 'rate_limited', 'x', { retryAfterSeconds: 90 }).retryAfterSeconds).toBe(90);
    expect(new ApiError(500, 'internal', 'x').issues).toEqual([]);
  });
});

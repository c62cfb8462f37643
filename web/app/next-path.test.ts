import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path.ts';

describe('safeNextPath', () => {
  it('accepts paths on this site, with query and fragment', () => {
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath('/people')).toBe('/people');
    expect(safeNextPath('/search?q=ada%20l')).toBe('/search?q=ada%20l');
    expect(safeNextPath('/admin/outbox/1#top')).toBe('/admin/outbox/1#top');
  });

  it('rejects anything that could leave the site', () => {
    for (const value of [
      '//evil.example',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'http:/evil.example',
      'javascript:alert(1)',
      'people',
      '/\tevil',
      '/\nevil',
      ' /people',
      '',
      null,
      undefined,
    ]) {
      expect(safeNextPath(value), String(value)).toBeNull();
    }
  });

  it('does not send the person back to the sign-in or setup page', () => {
    expect(safeNextPath('/sign-in?next=/x')).toBeNull();
    expect(safeNextPath('/setup')).toBeNull();
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeNextPath('/a/../../b')).toBe('/b');
  });
});

describe('signInPath', () => {
  it('carries the page to come back to', () => {
    expect(signInPath('/people?q=a')).toBe('/sign-in?next=%2Fpeople%3Fq%3Da');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
    expect(signInPath(null)).toBe('/sign-in');
  });
});

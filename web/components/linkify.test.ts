import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('keeps text without links as one segment', () => {
    expect(linkify('Hello there')).toEqual([{ kind: 'text', text: 'Hello there' }]);
    expect(linkify('')).toEqual([]);
  });

  it('finds links and keeps the text around them', () => {
    expect(linkify('Accept: http://localhost:8080/invitation#token=abc123 now')).toEqual([
      { kind: 'text', text: 'Accept: ' },
      {
        kind: 'link',
        text: 'http://localhost:8080/invitation#token=abc123',
        href: 'http://localhost:8080/invitation#token=abc123',
      },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('leaves sentence punctuation out of the link', () => {
    const segments = linkify('See https://example.com/a. Or (https://example.com/b), fine.');
    expect(segments.filter((s) => s.kind === 'link').map((s) => s.text)).toEqual([
      'https://example.com/a',
      'https://example.com/b',
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(
      'See https://example.com/a. Or (https://example.com/b), fine.',
    );
  });

  it('keeps a parenthesis that belongs to the address', () => {
    const [link] = linkify('https://en.wikipedia.org/wiki/Foo_(bar)').filter((s) => s.kind === 'link');
    expect(link?.text).toBe('https://en.wikipedia.org/wiki/Foo_(bar)');
  });

  it('handles several links and links across lines', () => {
    const text = 'one https://a.example\nhttps://b.example/x?y=1&z=2\nend';
    const links = linkify(text).filter((s) => s.kind === 'link');
    expect(links.map((l) => l.text)).toEqual(['https://a.example', 'https://b.example/x?y=1&z=2']);
    expect(
      linkify(text)
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('never turns other schemes into links', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> mailto:a@b.c ftp://x.example';
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
  });

  it('does not treat markup as part of an address', () => {
    const links = linkify('<a href="https://evil.example/">x</a>').filter((s) => s.kind === 'link');
    expect(links.map((l) => l.href)).toEqual(['https://evil.example/']);
  });
});

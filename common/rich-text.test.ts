import { describe, expect, it } from 'vitest';
import { extractReferences, parseInline, parseRichText, plainExcerpt } from './rich-text.ts';

describe('rich text', () => {
  it('finds mentions, tags and links, each once, in order', () => {
    const refs = extractReferences(
      'Merci @marie.dupont et @jean-luc ! Voir https://example.com/a?b=1. #Lancement #lancement #été',
    );
    expect(refs.handles).toEqual(['marie.dupont', 'jean-luc']);
    expect(refs.tags).toEqual(['lancement', 'été']);
    expect(refs.links).toEqual(['https://example.com/a?b=1']);
  });

  it('does not read an email address as a mention, nor an anchor as a tag', () => {
    const refs = extractReferences('Écrivez à support@example.com, page https://x.test/doc#intro et C#');
    expect(refs.handles).toEqual([]);
    expect(refs.tags).toEqual([]);
  });

  it('keeps markup as text: no HTML ever comes out of the parser', () => {
    const nodes = parseInline('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(nodes).toEqual([{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }]);
  });

  it('only makes links of http and https', () => {
    const refs = extractReferences(
      'javascript:alert(1) data:text/html,x ftp://old.example.com https://ok.example.com',
    );
    expect(refs.links).toEqual(['https://ok.example.com']);
  });

  it('parses emphasis, code, lists and paragraphs', () => {
    const blocks = parseRichText('**Gras** et *italique* avec `code`\n\n- un\n- deux');
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'bold', children: [{ type: 'text', text: 'Gras' }] },
          { type: 'text', text: ' et ' },
          { type: 'italic', children: [{ type: 'text', text: 'italique' }] },
          { type: 'text', text: ' avec ' },
          { type: 'code', text: 'code' },
        ],
      },
      { type: 'list', items: [[{ type: 'text', text: 'un' }], [{ type: 'text', text: 'deux' }]] },
    ]);
  });

  it('keeps a closing parenthesis out of a link written in a sentence', () => {
    expect(extractReferences('(voir https://example.com/page)').links).toEqual(['https://example.com/page']);
    expect(extractReferences('https://fr.wikipedia.org/wiki/Trame_(tissage)').links).toEqual([
      'https://fr.wikipedia.org/wiki/Trame_(tissage)',
    ]);
  });

  it('shortens excerpts on a character boundary', () => {
    expect(plainExcerpt('**Bonjour** à   tous', 140)).toBe('Bonjour à tous');
    expect(plainExcerpt('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

import { describe, expect, it } from 'vitest';
import { searchTerms } from './terms.ts';

describe('searchTerms', () => {
  it('keeps letters and digits and takes the last word as a prefix', () => {
    expect(searchTerms('Réunion de gouverna')).toEqual({ words: ['Réunion', 'de'], prefix: 'gouverna' });
  });

  it('turns tsquery syntax into plain separators', () => {
    expect(searchTerms("a & b | !c:* 'd' (e) <-> f")).toEqual({
      words: ['a', 'b', 'c', 'd', 'e', 'f'],
      prefix: null,
    });
    expect(searchTerms("l'équipe")).toEqual({ words: ['l'], prefix: 'équipe' });
  });

  it('does not take a one-letter last word as a prefix', () => {
    expect(searchTerms('plan a')).toEqual({ words: ['plan', 'a'], prefix: null });
  });

  it('gives nothing for punctuation alone and bounds the words', () => {
    expect(searchTerms('?! …')).toEqual({ words: [], prefix: null });
    const many = searchTerms('un deux trois quatre cinq six sept huit neuf dix');
    expect(many.words.length + (many.prefix ? 1 : 0)).toBe(8);
    expect(searchTerms('x'.repeat(500)).prefix).toHaveLength(60);
  });

  it('composes decomposed accents so the database sees one letter', () => {
    expect(searchTerms('re\u0301union').prefix).toBe('réunion');
  });
});

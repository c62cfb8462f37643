import { describe, expect, it } from 'vitest';
import { snippetParts } from './presenters.ts';
import { HIT_END, HIT_START } from './queries.ts';

describe('snippetParts', () => {
  it('marks the matched words and keeps the rest as text', () => {
    expect(snippetParts(`La ${HIT_START}réunion${HIT_END} de <b>lundi</b>`)).toEqual([
      { text: 'La ', hit: false },
      { text: 'réunion', hit: true },
      { text: ' de <b>lundi</b>', hit: false },
    ]);
  });

  it('gives nothing for an empty headline', () => {
    expect(snippetParts('')).toEqual([]);
  });
});

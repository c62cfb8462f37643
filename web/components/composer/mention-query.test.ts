import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt } from './mention-query.ts';

describe('mention completion', () => {
  it('finds the handle being typed at the caret', () => {
    expect(mentionAt('Hello @mar', 10)).toEqual({ query: 'mar', start: 6, end: 10 });
    expect(mentionAt('@', 1)).toEqual({ query: '', start: 0, end: 1 });
    expect(mentionAt('(@Ma', 4)).toEqual({ query: 'ma', start: 1, end: 4 });
  });

  it('leaves e-mail addresses, finished words and other positions alone', () => {
    expect(mentionAt('write to ana@example', 20)).toBeNull();
    expect(mentionAt('Hello @marie done', 17)).toBeNull();
    expect(mentionAt('Hello @marie', 9)).toBeNull();
    expect(mentionAt('Hello', 5)).toBeNull();
  });

  it('inserts the chosen handle, with a space unless punctuation follows', () => {
    const text = 'Hi @ma, welcome';
    const m = mentionAt(text, 6)!;
    expect(insertMention(text, m, 'marie.dupont')).toEqual({ text: 'Hi @marie.dupont, welcome', caret: 16 });
    const end = 'Hi @ma';
    expect(insertMention(end, mentionAt(end, 6)!, 'marie.dupont')).toEqual({
      text: 'Hi @marie.dupont ',
      caret: 17,
    });
  });
});

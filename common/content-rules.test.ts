import { describe, expect, it } from 'vitest';
import { compileTerm, contentRuleKey, firstHit, termProblem } from './content-rules.ts';

const rule = (term: string, action: 'reject' | 'hold' = 'reject') => ({ id: term, term, action });
const catches = (term: string, text: string) => firstHit([rule(term)], text)?.found ?? null;

describe('content rules', () => {
  it('match whole words without case, accents or invisible characters', () => {
    expect(catches('confidentiel', 'Document CONFIDENTIEL, ne pas diffuser')).toBe('CONFIDENTIEL');
    expect(catches('Confidentiél', 'c’est confidentiel')).toBe('confidentiel');
    expect(catches('confidentiel', 'confi\u200bdentiel')).toBe('confi\u200bdentiel');
    expect(catches('ｃｏｎｆｉｄｅｎｔｉｅｌ', 'confidentiel')).toBe('confidentiel');
    expect(catches('resume', 'my re\u0301sume\u0301 is here')).toBe('re\u0301sume\u0301');
    // A word inside a longer word is not that word.
    expect(catches('con', 'une conférence')).toBeNull();
    expect(catches('projet aurora', 'le projet   Aurora avance')).toBe('projet   Aurora');
  });

  it('read * at an end as part of a word, ? as one letter or digit and # as one digit', () => {
    expect(catches('confidenti*', 'des données confidentielles')).toBe('confidenti');
    expect(catches('*leaks', 'the wikileaks dump')).toBe('leaks');
    expect(catches('FR76 #### ####', 'IBAN FR76 3000 4000 reste')).toBe('FR76 3000 4000');
    expect(catches('FR76 #### ####', 'IBAN FR76 30A0 4000')).toBeNull();
    expect(catches('b?g', 'a big bug')).toBe('big');
    // Characters that mean something in a regular expression are plain letters here.
    expect(catches('a.b', 'axb')).toBeNull();
    expect(catches('c++', 'we write c++ daily')).toBe('c++');
  });

  it('prefer a refusal to a hold when both catch the text', () => {
    const hit = firstHit([rule('budget', 'hold'), rule('secret', 'reject')], 'budget secret');
    expect(hit?.rule.term).toBe('secret');
    expect(firstHit([rule('budget', 'hold')], 'le budget')?.rule.action).toBe('hold');
    expect(firstHit([], 'anything')).toBeNull();
  });

  it('refuse terms that cannot be rules', () => {
    expect(termProblem('   ')).toBe('empty');
    expect(termProblem('a'.repeat(101))).toBe('too_long');
    expect(termProblem('con*fidentiel')).toBe('wildcard_inside');
    expect(termProblem('*')).toBe('too_short');
    expect(termProblem('a*')).toBe('too_short');
    expect(termProblem('#### #### #### ####')).toBeNull();
    expect(termProblem('go')).toBeNull();
    expect(contentRuleKey('  Projet   AURORA ')).toBe('projet aurora');
  });

  it('stay fast on long hostile texts', () => {
    // Linear expressions: a megabyte of near-misses is scanned, not backtracked.
    const text = `${'a'.repeat(1_000_000)}b`;
    // (A backtracking expression would take minutes here and trip the test's timeout.)
    expect(compileTerm('*a?c').exec(text)).toBeNull();
    expect(compileTerm('a a a a c').exec('a '.repeat(200_000))).toBeNull();
  });
});

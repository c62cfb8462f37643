import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../common/skills.ts';
import { languageName, languageOptions } from './languages.ts';

describe('language names', () => {
  it('name a language in the interface language', () => {
    expect(languageName('de', 'en')).toBe('German');
    expect(languageName('de', 'fr')).toBe('allemand');
  });

  it('list every profile language once, sorted by name', () => {
    const options = languageOptions('en');
    expect(options.map((o) => o.code).sort()).toEqual([...LANGUAGE_CODES].sort());
    const names = options.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});

import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it('prefers the signed-in person, then this device, then the browser', () => {
    expect(pickLocale({ userLocale: 'fr', stored: 'en', navigatorLanguage: 'en-GB' })).toBe('fr');
    expect(pickLocale({ userLocale: null, stored: 'fr', navigatorLanguage: 'en-GB' })).toBe('fr');
    expect(pickLocale({ stored: null, navigatorLanguage: 'fr-CA' })).toBe('fr');
    expect(pickLocale({ stored: null, navigatorLanguage: 'FR' })).toBe('fr');
    expect(pickLocale({ stored: null, navigatorLanguage: 'de-DE' })).toBe('en');
    expect(pickLocale({})).toBe('en');
  });

  it('ignores values that are not a supported language', () => {
    expect(pickLocale({ userLocale: 'de', stored: 'xx', navigatorLanguage: 'fr' })).toBe('fr');
  });
});

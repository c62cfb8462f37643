// Skills are declared in people's own words ("Kubernetes", "Droit du travail"); two spellings
// that differ only in case, accents or spacing are the same skill, so endorsements and the
// "who knows" ranking meet on one key.
export const SKILL_NAME_MAX = 50;
export const SKILLS_MAX = 30;

export function skillKey(name: string): string {
  // NFKD also folds look-alikes (full-width letters, ligatures); NFC then puts back together
  // what is not an accent (a Korean syllable), so a key is never much longer than its name.
  return name
    .normalize('NFKD')
    .replace(/[\p{M}\p{Cf}]/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Languages a profile can list, as ISO 639-1 codes; the interface names them in its own language. */
export const LANGUAGE_CODES = [
  'ar',
  'bg',
  'ca',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'eu',
  'fa',
  'fi',
  'fr',
  'ga',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sr',
  'sv',
  'sw',
  'th',
  'tr',
  'uk',
  'vi',
  'wo',
  'zh',
  'br',
  'co',
  'oc',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

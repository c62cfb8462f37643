// Languages a person speaks, named in the interface's language ("allemand" in French,
// "German" in English) by the browser, so no catalogue has to list them.
import { LANGUAGE_CODES, type LanguageCode } from '../../common/skills.ts';

const namers = new Map<string, Intl.DisplayNames | null>();

function namer(uiLanguage: string): Intl.DisplayNames | null {
  if (!namers.has(uiLanguage)) {
    let value: Intl.DisplayNames | null = null;
    try {
      value = new Intl.DisplayNames([uiLanguage], { type: 'language' });
    } catch {
      // An engine without DisplayNames: the code is shown instead.
    }
    namers.set(uiLanguage, value);
  }
  return namers.get(uiLanguage) ?? null;
}

/** `de` → "German" (in English) or "allemand" (in French); the code when it has no name. */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return namer(uiLanguage)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every language a profile can list, sorted by its name in the interface's language. */
export function languageOptions(uiLanguage: string): { code: LanguageCode; name: string }[] {
  return LANGUAGE_CODES.map((code) => ({ code, name: languageName(code, uiLanguage) })).sort((a, b) =>
    a.name.localeCompare(b.name, uiLanguage),
  );
}

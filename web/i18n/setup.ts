// i18next, set up once at boot with both catalogues bundled (they are small), so the first
// render already speaks the right language and no translation is ever fetched.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../common/schemas/primitives.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export function setupI18n(lng: Locale): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['fr', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    react: { useSuspense: false },
  });
  const applyLang = (language: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  };
  applyLang(lng);
  i18next.on('languageChanged', applyLang);
  return i18next;
}

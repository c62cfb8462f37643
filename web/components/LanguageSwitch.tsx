import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../common/schemas/primitives.ts';
import { useChangeLanguage } from '../i18n/use-change-language.ts';

const NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** FR | EN. Each button also names its language in full, in that language, for screen readers. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { change } = useChangeLanguage();
  return (
    <fieldset className="language-switch" data-testid="language-switch">
      <legend className="sr-only">{t('language.switch')}</legend>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={i18n.language === locale}
          onClick={() => change(locale)}
        >
          {locale.toUpperCase()}
          <span className="sr-only"> {NAMES[locale]}</span>
        </button>
      ))}
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../common/schemas/primitives.ts';
import { Select } from './Select.tsx';

const NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

/** A language picker; each language named in itself. */
export function LocaleSelect({
  value,
  onChange,
  error,
  label,
  name = 'locale',
  hint,
}: {
  value: Locale;
  onChange: (locale: Locale) => void;
  error?: string | undefined;
  label?: string;
  name?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label ?? t('fields.language')}
      name={name}
      value={value}
      hint={hint}
      error={error}
      options={LOCALES.map((locale) => ({ value: locale, label: NAMES[locale], lang: locale }))}
      onChange={(next) => onChange(next as Locale)}
    />
  );
}

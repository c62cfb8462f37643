import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../common/skills.ts';
import { languageName, languageOptions } from '../../i18n/languages.ts';
import { Button } from '../Button.tsx';
import { Select } from '../Select.tsx';

export const LANGUAGES_MAX = 10;

interface LanguagePickerProps {
  value: readonly LanguageCode[];
  onChange: (value: LanguageCode[]) => void;
  error?: string | undefined;
}

/** The languages someone speaks: chosen one by one from a list named in the interface's language. */
export function LanguagePicker({ value, onChange, error }: LanguagePickerProps) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState('');
  const full = value.length >= LANGUAGES_MAX;
  const options = languageOptions(i18n.language).filter((o) => !value.includes(o.code));

  function add() {
    const code = options.find((o) => o.code === choice)?.code;
    if (!code || full) return;
    onChange([...value, code]);
    setChoice('');
  }

  return (
    <fieldset className="language-picker">
      <legend>{t('profileEditor.languages')}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('profileEditor.noLanguages')}</p>
      ) : (
        <ul className="chips">
          {value.map((code) => {
            const name = languageName(code, i18n.language);
            return (
              <li key={code} className="chip">
                {name}
                <button
                  type="button"
                  className="chip-remove"
                  onClick={() => onChange(value.filter((c) => c !== code))}
                >
                  <span aria-hidden="true">×</span>
                  <span className="sr-only">{t('profileEditor.removeLanguage', { name })}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {full ? (
        <p className="field-hint">{t('profileEditor.languagesFull')}</p>
      ) : (
        <div className="inline-add">
          <Select
            label={t('profileEditor.addLanguage')}
            hint={t('profileEditor.languagesHint')}
            name="languages"
            error={error}
            value={choice}
            onChange={setChoice}
            options={[
              { value: '', label: t('profileEditor.chooseLanguage') },
              ...options.map((o) => ({ value: o.code, label: o.name })),
            ]}
          />
          <Button type="button" disabled={!choice} onClick={add}>
            {t('profileEditor.add')}
          </Button>
        </div>
      )}
      {full && error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

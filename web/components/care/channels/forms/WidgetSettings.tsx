import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../TextField.tsx';
import { CheckField } from './CheckField.tsx';
import { lines, type SettingsFormProps, text, toList } from './types.ts';

/** A web widget: the sites allowed to embed it, its greetings, whether an email is required. */
export function WidgetSettings({ settings, onChange, errors }: SettingsFormProps) {
  const { t } = useTranslation();
  const [origins, setOrigins] = useState(lines(settings.allowedOrigins));
  const update = (patch: Record<string, unknown>) => onChange({ ...settings, ...patch });
  return (
    <>
      <TextField
        label={t('care.channels.forms.allowedOrigins')}
        name="allowedOrigins"
        multiline
        rows={3}
        spellCheck={false}
        value={origins}
        onChange={(value) => {
          setOrigins(value);
          update({ allowedOrigins: toList(value) });
        }}
        hint={t('care.channels.forms.allowedOriginsHint')}
        error={errors.allowedOrigins}
      />
      <TextField
        label={t('care.channels.forms.greetingFr')}
        name="greetingFr"
        lang="fr"
        multiline
        rows={2}
        value={text(settings.greetingFr)}
        onChange={(greetingFr) => update({ greetingFr })}
        error={errors.greetingFr}
      />
      <TextField
        label={t('care.channels.forms.greetingEn')}
        name="greetingEn"
        lang="en"
        multiline
        rows={2}
        value={text(settings.greetingEn)}
        onChange={(greetingEn) => update({ greetingEn })}
        error={errors.greetingEn}
      />
      <CheckField
        label={t('care.channels.forms.requireEmail')}
        checked={settings.requireEmail === true}
        onChange={(requireEmail) => update({ requireEmail })}
      />
    </>
  );
}

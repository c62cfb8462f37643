import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../TextField.tsx';
import { type SettingsFormProps, text } from './types.ts';

/** A review or mention feed: its address, how often it is read, the tag its conversations get. */
export function FeedSettings({ settings, onChange, errors }: SettingsFormProps) {
  const { t } = useTranslation();
  const [interval, setInterval] = useState(
    typeof settings.intervalMinutes === 'number' ? String(settings.intervalMinutes) : '15',
  );
  const update = (patch: Record<string, unknown>) => onChange({ ...settings, ...patch });
  return (
    <>
      <TextField
        label={t('care.channels.forms.url')}
        name="url"
        type="url"
        spellCheck={false}
        value={text(settings.url)}
        onChange={(url) => update({ url })}
        error={errors.url}
      />
      <TextField
        label={t('care.channels.forms.intervalMinutes')}
        name="intervalMinutes"
        inputMode="numeric"
        value={interval}
        onChange={(value) => {
          setInterval(value);
          // A number when it reads as one; otherwise as typed, for the server to name the problem.
          update({ intervalMinutes: /^\d+$/.test(value.trim()) ? Number(value.trim()) : value });
        }}
        error={errors.intervalMinutes}
      />
      <TextField
        label={t('care.channels.forms.tag')}
        name="tag"
        value={text(settings.tag)}
        onChange={(tag) => update({ tag })}
        error={errors.tag}
      />
    </>
  );
}

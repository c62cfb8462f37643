import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../TextField.tsx';
import { lines, type SettingsFormProps, text, toList } from './types.ts';

/** An email channel: the addresses it receives mail for, and how replies are signed. */
export function EmailSettings({ settings, onChange, errors }: SettingsFormProps) {
  const { t } = useTranslation();
  const [addresses, setAddresses] = useState(lines(settings.addresses));
  const update = (patch: Record<string, unknown>) => onChange({ ...settings, ...patch });
  return (
    <>
      <TextField
        label={t('care.channels.forms.addresses')}
        name="addresses"
        multiline
        rows={3}
        spellCheck={false}
        value={addresses}
        onChange={(value) => {
          setAddresses(value);
          update({ addresses: toList(value) });
        }}
        hint={t('care.channels.forms.addressesHint')}
        error={errors.addresses}
      />
      <TextField
        label={t('care.channels.forms.fromName')}
        name="fromName"
        value={text(settings.fromName)}
        onChange={(fromName) => update({ fromName })}
        error={errors.fromName}
      />
      <TextField
        label={t('care.channels.forms.signature')}
        name="signature"
        multiline
        rows={3}
        value={text(settings.signature)}
        onChange={(signature) => update({ signature })}
        error={errors.signature}
      />
    </>
  );
}

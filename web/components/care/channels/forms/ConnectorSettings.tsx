import { useTranslation } from 'react-i18next';
import { Select } from '../../../Select.tsx';
import { TextField } from '../../../TextField.tsx';
import { type SettingsFormProps, text } from './types.ts';

export const CONNECTORS = ['community-forum'] as const;

/** A connector webhook: which connector posts here, and where replies are sent back. */
export function ConnectorSettings({ settings, onChange, errors }: SettingsFormProps) {
  const { t } = useTranslation();
  const update = (patch: Record<string, unknown>) => onChange({ ...settings, ...patch });
  return (
    <>
      <Select
        label={t('care.channels.forms.connector')}
        name="connector"
        value={text(settings.connector, CONNECTORS[0])}
        options={CONNECTORS.map((value) => ({ value, label: t(`care.channels.forms.connectors.${value}`) }))}
        onChange={(connector) => update({ connector })}
        error={errors.connector}
      />
      <TextField
        label={t('care.channels.forms.replyUrl')}
        name="replyUrl"
        type="url"
        spellCheck={false}
        value={text(settings.replyUrl)}
        onChange={(replyUrl) => update({ replyUrl })}
        error={errors.replyUrl}
      />
    </>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../Button.tsx';

/** A read-only value (a snippet, an address, a secret) with a button that copies it. */
export function CopyField({
  label,
  value,
  multiline = false,
}: {
  label: string;
  value: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.select();
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} readOnly rows={3} value={value} spellCheck={false} className="care-code" />
      ) : (
        <input id={id} readOnly value={value} spellCheck={false} className="care-code" />
      )}
      <div className="form-actions">
        <Button type="button" small onClick={() => void copy()}>
          {t('care.channels.channel.copy')}
        </Button>
        <span role="status">{copied ? t('care.channels.channel.copied') : ''}</span>
      </div>
    </div>
  );
}

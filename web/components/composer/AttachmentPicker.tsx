import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { MAX_FILES, type Upload } from './use-uploads.ts';

interface AttachmentPickerProps {
  uploads: readonly Upload[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  error?: string | undefined;
}

/** "Attach files": a real file input (keyboard and screen readers know it), and the chosen files. */
export function AttachmentPicker({ uploads, onAdd, onRemove, error }: AttachmentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const full = uploads.length >= MAX_FILES;
  return (
    <div className="attach">
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple
        className="sr-only"
        disabled={full}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])].slice(0, MAX_FILES - uploads.length);
          if (files.length > 0) onAdd(files);
          event.target.value = '';
        }}
      />
      <label
        htmlFor={id}
        className={`button button-secondary button-small attach-label${full ? ' is-disabled' : ''}`}
      >
        {t('composer.attach')}
      </label>
      <span id={`${id}-hint`} className="sr-only">
        {t('composer.attachHint')}
      </span>
      {uploads.length > 0 ? (
        <ul className="upload-list">
          {uploads.map((upload) => (
            <li key={upload.key} className={`upload upload-${upload.status}`}>
              <span className="upload-name break">
                {upload.status === 'uploading' ? t('composer.uploading', { name: upload.name }) : upload.name}
              </span>
              {upload.status === 'failed' ? (
                <span className="field-error">
                  {t('composer.uploadFailed', { name: upload.name, reason: errorMessage(t, upload.error) })}
                </span>
              ) : null}
              <Button type="button" variant="quiet" small onClick={() => onRemove(upload.key)}>
                {t('composer.removeAttachment', { name: upload.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

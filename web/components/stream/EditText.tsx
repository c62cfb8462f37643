import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { errorMessage, fieldMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { MentionTextarea } from '../composer/MentionTextarea.tsx';

interface EditTextProps {
  label: string;
  initial: string;
  busy: boolean;
  error: unknown;
  onSave: (text: string) => void;
  onCancel: () => void;
  maxLength?: number;
}

/** Editing a post or comment in place; the text is kept if saving fails. */
export function EditText({ label, initial, busy, error, onSave, onCancel, maxLength }: EditTextProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const issue = isApiError(error, 'validation_failed') ? error.issues[0] : undefined;
  const message = empty
    ? t('fieldErrors.byField.body.custom')
    : issue
      ? fieldMessage(t, issue)
      : error
        ? errorMessage(t, error)
        : undefined;
  return (
    <form
      className="edit-text"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) {
          setEmpty(true);
          return;
        }
        setEmpty(false);
        onSave(text);
      }}
    >
      <MentionTextarea
        label={label}
        name="body"
        value={text}
        onChange={setText}
        error={message}
        maxLength={maxLength}
        rows={3}
        textareaRef={ref}
      />
      <div className="row-actions">
        <Button type="submit" variant="primary" small busy={busy} busyLabel={t('common.saving')}>
          {t('post.save')}
        </Button>
        <Button type="button" small onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

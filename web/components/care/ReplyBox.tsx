import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expandCanned } from '../../../common/care-canned.ts';
import type { CareConversationDetail, CareStatus } from '../../../common/schemas/care.ts';
import { useCannedReplies, useCareNote, useCareReply } from '../../api/care-inbox.ts';
import { useSignedIn } from '../../app/signed-in-context.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Notice } from '../Notice.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

type Mode = 'reply' | 'note';

/**
 * Where an agent writes: a reply to the customer (optionally setting the conversation to
 * pending or resolved in the same step) or an internal note. A canned reply is inserted
 * with its variables filled in, at the end of what is written, to be edited before sending.
 */
export function ReplyBox({
  conversation,
  onComposing,
  draft,
}: {
  conversation: CareConversationDetail;
  onComposing: (composing: boolean) => void;
  /** A text offered from elsewhere on the page (an expert's answer): it replaces the reply. */
  draft?: { body: string; at: number } | null;
}) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const id = useId();
  const [mode, setMode] = useState<Mode>('reply');
  const [body, setBody] = useState('');
  const [then, setThen] = useState<'' | CareStatus>('');
  const [canned, setCanned] = useState('');
  const [done, setDone] = useState<Mode | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const cannedReplies = useCannedReplies();
  const reply = useCareReply(conversation.id);
  const note = useCareNote(conversation.id);
  const pending = reply.isPending || note.isPending;
  const error = mode === 'reply' ? reply.error : note.error;

  useEffect(() => {
    if (!draft) return;
    setMode('reply');
    setBody(draft.body);
    setDone(null);
    formRef.current?.querySelector('textarea')?.focus();
  }, [draft]);

  const composing = body.trim().length > 0;
  const last = useRef(composing);
  useEffect(() => {
    if (last.current !== composing) {
      last.current = composing;
      onComposing(composing);
    }
  }, [composing, onComposing]);

  const insert = () => {
    const picked = cannedReplies.data?.items.find((item) => item.id === canned);
    if (!picked) return;
    const text = expandCanned(picked.body, {
      customer_name: conversation.customer.name,
      agent_name: user.name,
      conversation_subject: conversation.subject,
    });
    setBody((current) => (current.trim() ? `${current.replace(/\s+$/, '')}\n\n${text}` : text));
    setCanned('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const sent = () => {
      setBody('');
      setThen('');
      setDone(mode);
    };
    if (mode === 'reply') reply.mutate({ body, ...(then ? { status: then } : {}) }, { onSuccess: sent });
    else note.mutate({ body }, { onSuccess: sent });
  };

  const cannedItems = cannedReplies.data?.items ?? [];
  return (
    <section className={`card care-reply care-reply-${mode}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('care.inbox.reply.title')}</h2>
      <form ref={formRef} onSubmit={submit}>
        <fieldset className="care-reply-mode">
          <legend>{t('care.inbox.reply.mode')}</legend>
          {(['reply', 'note'] as const).map((m) => (
            <label key={m} className="check-field">
              <input
                type="radio"
                name={`${id}-mode`}
                value={m}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  setDone(null);
                }}
              />{' '}
              {m === 'reply' ? t('care.inbox.reply.modeReply') : t('care.inbox.reply.modeNote')}
            </label>
          ))}
        </fieldset>
        {cannedItems.length > 0 ? (
          <div className="care-canned-pick">
            <Select
              label={t('care.inbox.reply.canned')}
              name="canned"
              compact
              value={canned}
              onChange={setCanned}
              options={[
                { value: '', label: t('care.inbox.reply.cannedNone') },
                ...cannedItems.map((item) => ({ value: item.id, label: item.title })),
              ]}
            />
            <Button type="button" small disabled={!canned} onClick={insert}>
              {t('care.inbox.reply.insert')}
            </Button>
          </div>
        ) : null}
        <TextField
          label={mode === 'reply' ? t('care.inbox.reply.body') : t('care.inbox.reply.noteBody')}
          name="body"
          multiline
          rows={6}
          maxLength={10_000}
          value={body}
          onChange={(value) => {
            setBody(value);
            setDone(null);
          }}
          required
        />
        {mode === 'reply' ? (
          <Select
            label={t('care.inbox.reply.afterwards')}
            name="then"
            value={then}
            onChange={(value) => setThen(value as '' | CareStatus)}
            options={[
              { value: '', label: t('care.inbox.reply.keepStatus') },
              { value: 'pending', label: t('care.inbox.reply.setPending') },
              { value: 'resolved', label: t('care.inbox.reply.setResolved') },
            ]}
          />
        ) : null}
        <FormError message={error ? errorMessage(t, error) : null} />
        <div className="form-actions">
          <Button type="submit" variant="primary" busy={pending} disabled={!body.trim()}>
            {mode === 'reply' ? t('care.inbox.reply.send') : t('care.inbox.reply.addNote')}
          </Button>
        </div>
        {done ? (
          <Notice>{done === 'reply' ? t('care.inbox.reply.sent') : t('care.inbox.reply.noted')}</Notice>
        ) : null}
      </form>
    </section>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEscalate, useEscalationTargets } from '../../../api/care-insight.ts';
import { errorMessage } from '../../../i18n/messages.ts';
import { Button } from '../../Button.tsx';
import { Dialog } from '../../Dialog.tsx';
import { FormError } from '../../FormError.tsx';
import { Notice } from '../../Notice.tsx';
import { Select } from '../../Select.tsx';
import { TextField } from '../../TextField.tsx';
import { IncludeCustomerField } from './IncludeCustomerField.tsx';

interface EscalateDialogProps {
  conversationId: string;
  /** The customer's words to start from (the latest message); the agent may trim them. */
  defaultText?: string;
  /** A first question title (the conversation's subject). */
  defaultTitle?: string;
}

/**
 * "Ask inside the company": a button and its dialog. The question goes to a space the agent
 * belongs to — or to one expert, through a space they can read — without the customer's
 * personal data unless the agent ticks the box.
 */
export function EscalateDialog({ conversationId, defaultText = '', defaultTitle = '' }: EscalateDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState<'space' | 'expert'>('space');
  const [spaceId, setSpaceId] = useState('');
  const [search, setSearch] = useState('');
  const [expertId, setExpertId] = useState('');
  const [title, setTitle] = useState(defaultTitle);
  const [text, setText] = useState(defaultText);
  const [includeCustomer, setIncludeCustomer] = useState(false);
  const [done, setDone] = useState(false);
  const targets = useEscalationTargets(target === 'expert' ? search.trim() : '', open);
  const escalate = useEscalate(conversationId);
  const spaces = targets.data?.spaces ?? [];
  const experts = targets.data?.experts ?? [];
  const issues = (field: string) =>
    (escalate.error as { issues?: { field: string; message: string }[] } | null)?.issues?.find(
      (i) => i.field === field,
    )?.message;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    escalate.mutate(
      {
        spaceId,
        expertId: target === 'expert' && expertId ? expertId : null,
        title,
        text,
        includeCustomer,
      },
      {
        onSuccess: () => {
          setOpen(false);
          setDone(true);
        },
      },
    );
  };

  return (
    <div className="care-escalate">
      <Button
        type="button"
        onClick={() => {
          setDone(false);
          setOpen(true);
        }}
      >
        {t('care.insight.escalate.open')}
      </Button>
      {done ? (
        <Notice>
          <p>{t('care.insight.escalate.done')}</p>
        </Notice>
      ) : null}
      <Dialog open={open} title={t('care.insight.escalate.title')} onClose={() => setOpen(false)} wide>
        <form onSubmit={submit} noValidate>
          <fieldset className="checkbox-list">
            <legend>{t('care.insight.escalate.target')}</legend>
            {(['space', 'expert'] as const).map((value) => (
              <div key={value} className="check-field">
                <input
                  id={`${id}-${value}`}
                  type="radio"
                  name={`${id}-target`}
                  checked={target === value}
                  onChange={() => setTarget(value)}
                />
                <label htmlFor={`${id}-${value}`}>
                  {t(value === 'space' ? 'care.insight.escalate.toSpace' : 'care.insight.escalate.toExpert')}
                </label>
              </div>
            ))}
          </fieldset>
          {targets.isSuccess && spaces.length === 0 ? <p>{t('care.insight.escalate.noSpaces')}</p> : null}
          <Select
            label={t('care.insight.escalate.space')}
            name="spaceId"
            value={spaceId}
            onChange={setSpaceId}
            required
            hint={t(
              target === 'space'
                ? 'care.insight.escalate.spaceHint'
                : 'care.insight.escalate.expertSpaceHint',
            )}
            error={issues('spaceId')}
            options={[
              { value: '', label: t('care.insight.escalate.chooseSpace') },
              ...spaces.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          {target === 'expert' ? (
            <>
              <TextField
                label={t('care.insight.escalate.expertSearch')}
                name="expertSearch"
                type="search"
                value={search}
                onChange={setSearch}
                maxLength={100}
              />
              <Select
                label={t('care.insight.escalate.expert')}
                name="expertId"
                value={expertId}
                onChange={setExpertId}
                required
                error={issues('expertId')}
                options={[
                  { value: '', label: t('care.insight.escalate.chooseExpert') },
                  ...experts.map((p) => ({
                    value: p.id,
                    label: p.jobTitle ? `${p.name} — ${p.jobTitle}` : p.name,
                  })),
                ]}
              />
            </>
          ) : null}
          <TextField
            label={t('care.insight.escalate.question')}
            name="title"
            value={title}
            onChange={setTitle}
            required
            maxLength={300}
            error={issues('title')}
          />
          <TextField
            label={t('care.insight.escalate.text')}
            name="text"
            value={text}
            onChange={setText}
            multiline
            rows={6}
            required
            maxLength={10_000}
            error={issues('text')}
          />
          <IncludeCustomerField
            checked={includeCustomer}
            onChange={setIncludeCustomer}
            hint={t('care.insight.escalate.includeCustomerHint')}
          />
          {escalate.error ? <FormError message={errorMessage(t, escalate.error)} /> : null}
          <div className="form-actions">
            <Button
              type="submit"
              variant="primary"
              busy={escalate.isPending}
              busyLabel={t('care.insight.escalate.sending')}
            >
              {t('care.insight.escalate.submit')}
            </Button>
            <Button type="button" onClick={() => setOpen(false)}>
              {t('care.insight.escalate.cancel')}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}

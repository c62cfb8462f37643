import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../Button.tsx';
import { TextField } from '../TextField.tsx';

export interface PollDraft {
  options: string[];
  multiple: boolean;
  /** The value of a datetime-local input, '' for none. */
  closesAt: string;
}

export const emptyPoll = (): PollDraft => ({ options: ['', ''], multiple: false, closesAt: '' });

interface PollEditorProps {
  poll: PollDraft;
  onChange: (poll: PollDraft) => void;
  onRemove: () => void;
  errors: { options?: string | undefined; closesAt?: string | undefined };
}

export function PollEditor({ poll, onChange, onRemove, errors }: PollEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const setOption = (index: number, value: string) =>
    onChange({ ...poll, options: poll.options.map((o, i) => (i === index ? value : o)) });
  return (
    <fieldset className="poll-editor">
      <legend>{t('composer.pollLegend')}</legend>
      {poll.options.map((option, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: options are edited in place, by position
        <div key={index} className="poll-option-row">
          <TextField
            label={t('composer.option', { number: index + 1 })}
            name={`option-${index}`}
            value={option}
            onChange={(value) => setOption(index, value)}
            maxLength={200}
          />
          {poll.options.length > 2 ? (
            <Button
              type="button"
              variant="quiet"
              small
              onClick={() => onChange({ ...poll, options: poll.options.filter((_, i) => i !== index) })}
            >
              {t('composer.removeOption', { number: index + 1 })}
            </Button>
          ) : null}
        </div>
      ))}
      {errors.options ? (
        <p className="field-error" data-field="options">
          {errors.options}
        </p>
      ) : null}
      {poll.options.length < 10 ? (
        <Button type="button" small onClick={() => onChange({ ...poll, options: [...poll.options, ''] })}>
          {t('composer.addOption')}
        </Button>
      ) : null}
      <div className="check-field">
        <input
          id={`${id}-multiple`}
          type="checkbox"
          checked={poll.multiple}
          onChange={(event) => onChange({ ...poll, multiple: event.target.checked })}
        />
        <label htmlFor={`${id}-multiple`}>{t('composer.multiple')}</label>
      </div>
      <div className={`field${errors.closesAt ? ' field-invalid' : ''}`}>
        <label htmlFor={`${id}-closes`} className="field-label">
          {t('composer.closesAt')}
        </label>
        <p id={`${id}-closes-hint`} className="field-hint">
          {t('composer.closesAtHint')}
        </p>
        <input
          id={`${id}-closes`}
          type="datetime-local"
          value={poll.closesAt}
          onChange={(event) => onChange({ ...poll, closesAt: event.target.value })}
          aria-invalid={errors.closesAt ? true : undefined}
          aria-describedby={`${id}-closes-hint${errors.closesAt ? ` ${id}-closes-error` : ''}`}
        />
        {errors.closesAt ? (
          <p id={`${id}-closes-error`} className="field-error">
            {errors.closesAt}
          </p>
        ) : null}
      </div>
      <Button type="button" variant="quiet" small onClick={onRemove}>
        {t('composer.removePoll')}
      </Button>
    </fieldset>
  );
}

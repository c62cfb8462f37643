import { type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMentionSuggestions } from '../../api/posts.ts';
import { useDebouncedValue } from '../../forms/use-debounced-value.ts';
import { insertMention, type MentionQuery, mentionAt } from './mention-query.ts';

interface Suggestion {
  key: string;
  handle: string;
  name: string;
  isSpace: boolean;
}

interface MentionTextareaProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  hideLabel?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
  disabled?: boolean;
}

/**
 * A text area that offers people and spaces after "@" (a combobox: arrow keys move through
 * the suggestions, Enter or Tab inserts one, Escape dismisses them).
 */
export function MentionTextarea({
  label,
  name,
  value,
  onChange,
  error,
  hint,
  placeholder,
  rows = 4,
  maxLength,
  hideLabel,
  textareaRef,
  disabled,
}: MentionTextareaProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const innerRef = useRef<HTMLTextAreaElement | null>(null);
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(mention?.query ?? '', 150);
  const suggestions = useMentionSuggestions(mention && mention.start !== dismissedAt ? query : '');

  const options = useMemo<Suggestion[]>(() => {
    const data = suggestions.data;
    if (!data || !mention) return [];
    return [
      ...data.people.map((p) => ({ key: `p-${p.id}`, handle: p.handle, name: p.name, isSpace: false })),
      ...data.spaces.map((s) => ({ key: `s-${s.id}`, handle: s.slug, name: s.name, isSpace: true })),
    ];
  }, [suggestions.data, mention]);
  const open = mention !== null && mention.start !== dismissedAt && options.length > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts at its first option
  useEffect(() => {
    setActive(0);
  }, [options]);

  function track(text: string, caret: number) {
    const found = mentionAt(text, caret);
    setMention(found);
    if (!found) setDismissedAt(null);
  }

  function choose(option: Suggestion) {
    if (!mention) return;
    const next = insertMention(value, mention, option.handle);
    onChange(next.text);
    setMention(null);
    requestAnimationFrame(() => {
      const el = innerRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const option = options[active];
      if (option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(mention?.start ?? null);
    }
  }

  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className={`field mention-field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="mention-wrap">
        <textarea
          id={id}
          ref={(el) => {
            innerRef.current = el;
            if (typeof textareaRef === 'function') textareaRef(el);
            else if (textareaRef) (textareaRef as React.RefObject<HTMLTextAreaElement | null>).current = el;
          }}
          name={name}
          value={value}
          rows={rows}
          maxLength={maxLength}
          placeholder={placeholder}
          disabled={disabled}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => {
            onChange(event.target.value);
            track(event.target.value, event.target.selectionStart ?? event.target.value.length);
          }}
          onSelect={(event) => {
            const el = event.currentTarget;
            track(el.value, el.selectionStart ?? el.value.length);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setMention(null)}
        />
        <div
          id={listId}
          role="listbox"
          aria-label={t('composer.suggestions')}
          className="mention-list"
          hidden={!open}
        >
          {open
            ? options.map((option, i) => (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard chooses from the text area (arrows, Enter)
                <div
                  key={option.key}
                  id={optionId(i)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={i === active}
                  className={i === active ? 'mention-option is-active' : 'mention-option'}
                  // Keep the focus in the text area while clicking a suggestion.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(option)}
                >
                  <span className="mention-option-name">{option.name}</span>
                  <span className="mention-option-handle">
                    @{option.handle}
                    {option.isSpace ? ` · ${t('composer.suggestionSpace')}` : ''}
                  </span>
                </div>
              ))
            : null}
        </div>
        <p className="sr-only" aria-live="polite">
          {open ? t('composer.suggestionsCount', { count: options.length }) : ''}
        </p>
      </div>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

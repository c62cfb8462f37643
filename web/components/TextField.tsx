import { type Ref, useId } from 'react';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'time' | 'url' | 'tel';
  error?: string | undefined;
  hint?: string | undefined;
  autoComplete?: string;
  required?: boolean;
  readOnly?: boolean;
  disabled?: boolean;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  hideLabel?: boolean;
  placeholder?: string;
  inputMode?: 'text' | 'email' | 'search' | 'tel' | 'numeric';
  /** The id of a <datalist> of suggestions. */
  list?: string;
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  lang?: string;
}

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function TextField({
  label,
  name,
  value,
  onChange,
  type = 'text',
  error,
  hint,
  autoComplete,
  required,
  readOnly,
  disabled,
  multiline,
  rows = 4,
  maxLength,
  hideLabel,
  placeholder,
  inputMode,
  spellCheck,
  inputRef,
  lang,
  list,
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    required,
    readOnly,
    disabled,
    maxLength,
    placeholder,
    lang,
    spellCheck,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          ref={inputRef}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          list={list}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

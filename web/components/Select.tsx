import { useId } from 'react';

export interface SelectOption {
  value: string;
  label: string;
  lang?: string;
}

interface SelectProps {
  label: string;
  name: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  hideLabel?: boolean;
  disabled?: boolean;
  required?: boolean;
  /** Render inline (in a table cell or a filter bar) without the field's vertical spacing. */
  compact?: boolean;
  testId?: string;
}

export function Select({
  label,
  name,
  value,
  options,
  onChange,
  error,
  hint,
  hideLabel,
  disabled,
  required,
  compact,
  testId,
}: SelectProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${compact ? ' field-compact' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        required={required}
        data-testid={testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Include customer details": off by default, the server then removes the customer's name,
 * addresses and phone numbers from what leaves the inbox (a question, an idea). `hint` says where.
 */
export function IncludeCustomerField({
  checked,
  onChange,
  hint,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <div className="check-field">
        <input
          id={`${id}-include`}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-include-hint`}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={`${id}-include`}>{t('care.insight.escalate.includeCustomer')}</label>
      </div>
      <p id={`${id}-include-hint`} className="field-hint">
        {hint}
      </p>
    </>
  );
}

import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons at the bottom; a Close button is shown when there are none. */
  actions?: ReactNode;
  wide?: boolean;
}

/**
 * A modal on the native <dialog>: the browser traps focus and Escape closes it; focus goes
 * back to whatever opened it.
 */
export function Dialog({ open, title, onClose, children, actions, wide = false }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(
    () => () => {
      const target = returnFocus.current;
      if (target && document.contains(target)) target.focus();
    },
    [],
  );

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        const target = returnFocus.current;
        returnFocus.current = null;
        if (target && document.contains(target)) target.focus();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="dialog-close" onClick={onClose}>
          <span aria-hidden="true">×</span>
          <span className="sr-only">{t('common.close')}</span>
        </button>
      </div>
      {open ? <div className="dialog-body">{children}</div> : null}
      {actions ? <div className="dialog-actions">{actions}</div> : null}
    </dialog>
  );
}

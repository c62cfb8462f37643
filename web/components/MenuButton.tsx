import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

interface MenuButtonProps {
  /** The accessible name of the button (shown to screen readers only). */
  label: string;
  /** What the button shows (decorative). */
  icon?: ReactNode;
  /** Items (buttons or links), given the function that closes the menu once one acted. */
  children: (close: () => void) => ReactNode;
}

/** A small disclosure of actions: closed by Escape, by a click or focus elsewhere, or by choosing. */
export function MenuButton({ label, icon = '⋯', children }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="menu-trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true">{icon}</span>
        <span className="sr-only">{label}</span>
      </button>
      <div id={panelId} className="menu-panel" hidden={!open}>
        {children(() => setOpen(false))}
      </div>
    </div>
  );
}

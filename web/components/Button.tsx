import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'quiet';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> {
  type: 'button' | 'submit';
  variant?: Variant;
  /** While true the button is disabled and shows `busyLabel`. */
  busy?: boolean;
  busyLabel?: ReactNode;
  small?: boolean;
}

export function Button({
  type,
  variant = 'secondary',
  busy = false,
  busyLabel,
  small = false,
  disabled,
  className,
  children,
  ...rest
}: ButtonProps) {
  const classes = ['button', `button-${variant}`, small ? 'button-small' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}

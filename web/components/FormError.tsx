import type { ReactNode, Ref } from 'react';

interface FormErrorProps {
  message: ReactNode | null | undefined;
  ref?: Ref<HTMLDivElement>;
  children?: ReactNode;
}

/** The error banner of a form or a page: announced at once, focusable after a failed submit. */
export function FormError({ message, ref, children }: FormErrorProps) {
  return (
    <div ref={ref} role="alert" tabIndex={-1} className={message ? 'banner banner-error' : 'banner-empty'}>
      {message ? (
        <>
          <span className="banner-icon" aria-hidden="true">
            !
          </span>
          <div>
            <p>{message}</p>
            {children}
          </div>
        </>
      ) : null}
    </div>
  );
}

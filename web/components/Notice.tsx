import type { ReactNode } from 'react';

interface NoticeProps {
  children: ReactNode;
  tone?: 'success' | 'info' | 'warning';
}

/** A polite status message (success, information): read out without interrupting. */
export function Notice({ children, tone = 'success' }: NoticeProps) {
  return (
    <div role="status" className={`banner banner-${tone}`}>
      <span className="banner-icon" aria-hidden="true">
        {tone === 'success' ? '✓' : 'i'}
      </span>
      <div>{children}</div>
    </div>
  );
}

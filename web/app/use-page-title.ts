import { useEffect } from 'react';

/** "People · Trame": the page name first, so tabs and history stay readable. */
export function usePageTitle(...parts: string[]): void {
  const title = [...parts.filter(Boolean), 'Trame'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}

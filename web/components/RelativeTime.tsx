import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.ts';
import { formatRelativeTime } from '../i18n/relative-time.ts';

// One shared clock for every relative time on the page, ticking once a minute.
let now = new Date();
const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function useMinuteClock(): Date {
  const [, force] = useState(0);
  useEffect(() => {
    const tick = () => force((n) => n + 1);
    subscribers.add(tick);
    if (!timer) {
      now = new Date();
      timer = setInterval(() => {
        now = new Date();
        for (const s of subscribers) s();
      }, 60_000);
    }
    return () => {
      subscribers.delete(tick);
      if (subscribers.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  }, []);
  return now.getTime() < Date.now() - 60_000 ? new Date() : now;
}

/** "5 minutes ago" in the reader's language, with the full date and time on hover and for machines. */
export function RelativeTime({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const clock = useMinuteClock();
  return (
    <time dateTime={value} title={formatDateTime(value, i18n.language)}>
      {formatRelativeTime(value, clock, i18n.language)}
    </time>
  );
}

import { useTranslation } from 'react-i18next';
import type { Event } from '../../../common/schemas/events.ts';

/** When, in the organiser's time zone (named), as the invitation would say it. */
export function EventWhen({ event }: { event: Pick<Event, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const { i18n } = useTranslation();
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: event.timeZone });
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short', timeZone: event.timeZone });
  const sameDay = day.format(start) === day.format(end);
  const text = sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
  return (
    <time dateTime={event.startsAt}>
      {text} <span className="muted">({event.timeZone})</span>
    </time>
  );
}

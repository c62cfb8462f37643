import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Event } from '../../../common/schemas/events.ts';
import { Badge } from '../Badge.tsx';
import { EventWhen } from './EventWhen.tsx';

export function EventList({ events, showSpace = false }: { events: readonly Event[]; showSpace?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id} className="card event-item">
          <h3 className="event-title">
            <Link to={`/events/${e.id}`}>{e.title}</Link>
          </h3>
          {e.cancelled ? <Badge tone="danger">{t('events.cancelled')}</Badge> : null}
          <p className="muted">
            <EventWhen event={e} />
            {showSpace ? ` · ${e.space.name}` : ''}
            {e.location ? ` · ${e.location}` : ''}
          </p>
          <p className="muted">
            {t('events.counts', e.counts)}
            {e.myAnswer ? ` · ${t('events.mine', { answer: t(`events.answers.${e.myAnswer}`) })}` : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import { useEvents } from '../api/events.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { EventForm } from '../components/events/EventForm.tsx';
import { EventList } from '../components/events/EventList.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { useSpaceOfPage } from '../components/spaces/space-context.ts';
import { errorMessage } from '../i18n/messages.ts';

/** A space's upcoming events, and for its members the form to add one. */
export function SpaceEventsTab() {
  const { t } = useTranslation();
  const space = useSpaceOfPage();
  const events = useEvents({ when: 'upcoming', space: space.id });
  return (
    <div className="stream-single">
      {space.can.post ? <EventForm spaceRef={space.slug} /> : null}
      <h2>{t('events.upcoming')}</h2>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <FormError message={errorMessage(t, events.error)} />
      ) : events.data.length === 0 ? (
        <EmptyState level={3} title={t('events.emptyTitle')}>
          <p>{t('events.emptyText')}</p>
        </EmptyState>
      ) : (
        <EventList events={events.data} />
      )}
    </div>
  );
}

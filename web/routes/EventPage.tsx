// One event: when and where, who is coming, your answer, and the .ics to add it to a calendar.
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EVENT_ANSWERS } from '../../common/schemas/events.ts';
import { isApiError } from '../api/client.ts';
import { eventIcsUrl, useAnswerEvent, useAttendees, useCancelEvent, useEvent } from '../api/events.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { Badge } from '../components/Badge.tsx';
import { Button } from '../components/Button.tsx';
import { EventWhen } from '../components/events/EventWhen.tsx';
import { FormError } from '../components/FormError.tsx';
import { Loading } from '../components/Loading.tsx';
import { EXTERNAL_REL, personPath, spacePath } from '../components/rich-text-links.ts';
import { errorMessage } from '../i18n/messages.ts';

export function EventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  const answer = useAnswerEvent(eventId);
  const cancel = useCancelEvent(eventId);
  const attendees = useAttendees(eventId, event.isSuccess);
  usePageTitle(event.data?.title ?? t('events.title'));

  if (event.isPending) return <Loading />;
  if (!event.data) {
    return (
      <div className="page">
        {isApiError(event.error, 'not_found') || isApiError(event.error, 'validation_failed') ? (
          <>
            <h1>{t('events.notFoundTitle')}</h1>
            <p>{t('events.notFoundText')}</p>
          </>
        ) : (
          <FormError message={errorMessage(t, event.error)} />
        )}
      </div>
    );
  }
  const e = event.data;
  const error = answer.error ?? cancel.error;
  return (
    <div className="page">
      <header className="page-header">
        <p className="muted">
          <Link to={spacePath(e.space.slug)}>{e.space.name}</Link>
        </p>
        <h1>{e.title}</h1>
        {e.cancelled ? <Badge tone="danger">{t('events.cancelled')}</Badge> : null}
      </header>
      <div className="stream-single">
        <section className="card event-details" aria-label={t('events.details')}>
          <p>
            <strong>{t('events.when')}</strong> <EventWhen event={e} />
          </p>
          {e.location ? (
            <p>
              <strong>{t('events.where')}</strong> {e.location}
            </p>
          ) : null}
          {e.onlineUrl ? (
            <p>
              <strong>{t('events.link')}</strong>{' '}
              <a href={e.onlineUrl} rel={EXTERNAL_REL} target="_blank">
                {e.onlineUrl}
              </a>
            </p>
          ) : null}
          {e.description ? <p className="event-description">{e.description}</p> : null}
          <p>
            <a href={eventIcsUrl(e.id)} download>
              {t('events.downloadIcs')}
            </a>
          </p>
        </section>
        <section className="card" aria-labelledby="event-answer">
          <h2 id="event-answer">{t('events.coming')}</h2>
          <p role="status">{t('events.counts', e.counts)}</p>
          {e.can.answer ? (
            <fieldset className="event-answers">
              <legend className="sr-only">{t('events.yourAnswer')}</legend>
              {EVENT_ANSWERS.map((a) => (
                <Button
                  key={a}
                  type="button"
                  variant={e.myAnswer === a ? 'primary' : undefined}
                  aria-pressed={e.myAnswer === a}
                  busy={answer.isPending && answer.variables === a}
                  onClick={() => answer.mutate(a)}
                >
                  {t(`events.answers.${a}`)}
                </Button>
              ))}
            </fieldset>
          ) : null}
          {e.can.edit && !e.cancelled ? (
            <p>
              <Button
                type="button"
                variant="danger"
                small
                busy={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                {t('events.cancel')}
              </Button>
            </p>
          ) : null}
          {error ? <FormError message={errorMessage(t, error)} /> : null}
          {attendees.data
            ? EVENT_ANSWERS.map((a) =>
                attendees.data[a].length > 0 ? (
                  <div key={a}>
                    <h3>{t(`events.lists.${a}`, { count: attendees.data[a].length })}</h3>
                    <ul className="attendee-list">
                      {attendees.data[a].map((p) => (
                        <li key={p.id}>
                          <Link to={personPath(p.id)}>{p.name}</Link>
                          {p.jobTitle ? <span className="muted"> · {p.jobTitle}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null,
              )
            : null}
        </section>
      </div>
    </div>
  );
}

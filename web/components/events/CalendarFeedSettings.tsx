import { useTranslation } from 'react-i18next';
import { useCalendarFeed } from '../../api/events.ts';
import { errorMessage } from '../../i18n/messages.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { TextField } from '../TextField.tsx';

/** The private calendar feed: made on request, its address shown once. */
export function CalendarFeedSettings() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  return (
    <section className="card" aria-labelledby="settings-calendar">
      <h2 id="settings-calendar">{t('events.feedTitle')}</h2>
      <p className="muted">{t('events.feedIntro')}</p>
      {feed.data ? (
        <>
          <p role="status">{t('events.feedCreated')}</p>
          <TextField
            label={t('events.feedLabel')}
            name="calendarUrl"
            value={feed.data.url}
            readOnly
            onChange={() => {}}
          />
        </>
      ) : null}
      <Button type="button" busy={feed.isPending} onClick={() => feed.mutate()}>
        {t('events.feedCreate')}
      </Button>
      {feed.error ? <FormError message={errorMessage(t, feed.error)} /> : null}
    </section>
  );
}

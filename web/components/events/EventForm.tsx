import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateEvent } from '../../api/events.ts';
import { useFormFeedback } from '../../forms/use-form-feedback.ts';
import { browserTimeZone, COMMON_TIME_ZONES, zonedTimeToIso } from '../../forms/zoned-time.ts';
import { Button } from '../Button.tsx';
import { FormError } from '../FormError.tsx';
import { Select } from '../Select.tsx';
import { TextField } from '../TextField.tsx';

/** Create an event in a space: times are read in the chosen time zone (the reader's by default). */
export function EventForm({ spaceRef }: { spaceRef: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateEvent(spaceRef);
  const form = useFormFeedback([
    'title',
    'startsAt',
    'endsAt',
    'timeZone',
    'location',
    'onlineUrl',
    'description',
  ]);
  const mine = browserTimeZone();
  const [v, setV] = useState({
    title: '',
    date: '',
    start: '',
    end: '',
    timeZone: mine,
    location: '',
    onlineUrl: '',
    description: '',
  });
  const set = (key: keyof typeof v) => (value: string) => setV((current) => ({ ...current, [key]: value }));
  const zones = [...new Set([mine, ...COMMON_TIME_ZONES])];

  function submit(event: React.FormEvent) {
    event.preventDefault();
    form.clear();
    const startsAt = zonedTimeToIso(v.date, v.start, v.timeZone);
    const endsAt = zonedTimeToIso(v.date, v.end, v.timeZone);
    const issues = [
      ...(v.title.trim() ? [] : [{ field: 'title', reason: 'custom', message: '' }]),
      ...(startsAt ? [] : [{ field: 'startsAt', reason: 'required', message: '' }]),
      ...(endsAt ? [] : [{ field: 'endsAt', reason: 'required', message: '' }]),
    ];
    if (issues.length > 0 || !startsAt || !endsAt) return form.showIssues(issues);
    create.mutate(
      {
        title: v.title,
        description: v.description,
        startsAt,
        endsAt,
        timeZone: v.timeZone,
        location: v.location.trim() || null,
        onlineUrl: v.onlineUrl.trim() || null,
      },
      {
        onSuccess: (created) => void navigate(`/events/${created.id}`),
        onError: (error) => form.showError(error),
      },
    );
  }

  return (
    <form ref={form.formRef} className="card event-form" onSubmit={submit} noValidate>
      <h2>{t('events.create')}</h2>
      <FormError ref={form.bannerRef} message={form.banner} />
      <TextField
        label={t('events.titleField')}
        name="title"
        value={v.title}
        onChange={set('title')}
        maxLength={200}
        error={form.fieldErrors.title}
      />
      <div className="form-grid">
        <TextField label={t('events.date')} name="date" type="date" value={v.date} onChange={set('date')} />
        <TextField
          label={t('events.start')}
          name="start"
          type="time"
          value={v.start}
          onChange={set('start')}
          error={form.fieldErrors.startsAt}
        />
        <TextField
          label={t('events.end')}
          name="end"
          type="time"
          value={v.end}
          onChange={set('end')}
          error={form.fieldErrors.endsAt}
        />
        <Select
          label={t('events.timeZone')}
          name="timeZone"
          value={v.timeZone}
          onChange={set('timeZone')}
          options={zones.map((z) => ({ value: z, label: z }))}
          error={form.fieldErrors.timeZone}
        />
      </div>
      <TextField
        label={t('events.location')}
        name="location"
        value={v.location}
        onChange={set('location')}
        maxLength={300}
        error={form.fieldErrors.location}
      />
      <TextField
        label={t('events.onlineUrl')}
        name="onlineUrl"
        type="url"
        value={v.onlineUrl}
        onChange={set('onlineUrl')}
        error={form.fieldErrors.onlineUrl}
      />
      <TextField
        label={t('events.description')}
        name="description"
        value={v.description}
        onChange={set('description')}
        multiline
        rows={3}
        maxLength={5000}
        error={form.fieldErrors.description}
      />
      <Button type="submit" variant="primary" busy={create.isPending} busyLabel={t('events.creating')}>
        {t('events.create')}
      </Button>
    </form>
  );
}

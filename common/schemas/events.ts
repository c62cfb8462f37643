// Events in spaces: when, where, and who is coming.
import { z } from 'zod';
import { DateTime, Id } from './primitives.ts';
import { PersonRef, SpaceSummary } from './spaces.ts';

export const EVENT_ANSWERS = ['yes', 'maybe', 'no'] as const;
export const EventAnswer = z.enum(EVENT_ANSWERS);
export type EventAnswer = z.infer<typeof EventAnswer>;

/** An IANA time zone name the runtime knows ("Europe/Paris", "America/Toronto"). */
export const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return zone.length > 0;
    } catch {
      return false;
    }
  }, 'Choose a known time zone.');

const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'Enter a web address starting with http:// or https://.' })
  .max(2000);

const EventFields = {
  title: z.string().trim().min(1, 'Give the event a title.').max(200),
  description: z.string().max(5000).default(''),
  startsAt: DateTime,
  endsAt: DateTime,
  timeZone: TimeZone,
  location: z.string().trim().max(300).nullable().optional(),
  onlineUrl: HttpUrl.nullable().optional(),
};

const endsAfterStart = (v: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  !v.startsAt || !v.endsAt || new Date(v.endsAt) > new Date(v.startsAt);

export const EventCreateBody = z
  .object(EventFields)
  .refine(endsAfterStart, { path: ['endsAt'], message: 'The end comes before the start.' });
export type EventCreateBody = z.input<typeof EventCreateBody>;

export const EventUpdateBody = z
  .object(EventFields)
  .partial()
  .refine(endsAfterStart, { path: ['endsAt'], message: 'The end comes before the start.' });

export const Event = z.object({
  id: z.string(),
  space: SpaceSummary,
  title: z.string(),
  description: z.string(),
  startsAt: DateTime,
  endsAt: DateTime,
  timeZone: z.string(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  createdBy: PersonRef.nullable(),
  cancelled: z.boolean(),
  counts: z.object({ yes: z.number(), maybe: z.number(), no: z.number() }),
  myAnswer: EventAnswer.nullable(),
  can: z.object({ edit: z.boolean(), answer: z.boolean() }),
});
export type Event = z.infer<typeof Event>;

export const EventList = z.object({ items: z.array(Event) });
export const EventListQuery = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  space: Id.optional(),
});
export const AnswerBody = z.object({ answer: EventAnswer });
export const Attendees = z.object({
  yes: z.array(PersonRef),
  maybe: z.array(PersonRef),
  no: z.array(PersonRef),
});
/** The feed's address, shown once when it is made (the token is kept only hashed). */
export const CalendarFeed = z.object({ url: z.string() });

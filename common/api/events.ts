// Endpoints of events.
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  AnswerBody,
  Attendees,
  CalendarFeed,
  Event,
  EventCreateBody,
  EventList,
  EventListQuery,
  EventUpdateBody,
} from '../schemas/events.ts';
import { Id } from '../schemas/primitives.ts';
import { SpaceRefParams } from '../schemas/spaces.ts';

const tags = ['events'];
const IdParams = z.object({ id: Id });

export const eventsApi = {
  listEvents: endpoint({
    method: 'GET',
    path: '/api/v1/events',
    operationId: 'listEvents',
    tags,
    access: 'signed-in',
    summary:
      'Events in spaces you may read, upcoming (soonest first) or past (latest first); one space with `space`.',
    query: EventListQuery,
    response: EventList,
  }),
  createEvent: endpoint({
    method: 'POST',
    path: '/api/v1/spaces/:space/events',
    operationId: 'createEvent',
    tags,
    access: 'signed-in',
    status: 201,
    summary: 'Create an event in a space (its members).',
    params: SpaceRefParams,
    body: EventCreateBody,
    response: Event,
  }),
  getEvent: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id',
    operationId: 'getEvent',
    tags,
    access: 'signed-in',
    summary: 'One event, with the answer counts and yours.',
    params: IdParams,
    response: Event,
  }),
  updateEvent: endpoint({
    method: 'PATCH',
    path: '/api/v1/events/:id',
    operationId: 'updateEvent',
    tags,
    access: 'signed-in',
    summary: 'Change an event (its organiser, the space’s owners and moderators).',
    params: IdParams,
    body: EventUpdateBody,
    response: Event,
  }),
  cancelEvent: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/cancel',
    operationId: 'cancelEvent',
    tags,
    access: 'signed-in',
    summary: 'Cancel an event; those who answered yes or maybe are told.',
    params: IdParams,
    response: Event,
  }),
  answerEvent: endpoint({
    method: 'PUT',
    path: '/api/v1/events/:id/answer',
    operationId: 'answerEvent',
    tags,
    access: 'signed-in',
    summary: 'Say whether you are coming: yes, maybe or no.',
    params: IdParams,
    body: AnswerBody,
    response: Event,
  }),
  eventAttendees: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/attendees',
    operationId: 'eventAttendees',
    tags,
    access: 'signed-in',
    summary: 'Who answered yes, maybe and no.',
    params: IdParams,
    response: Attendees,
  }),
  eventIcs: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/ics',
    operationId: 'eventIcs',
    tags,
    access: 'signed-in',
    summary: 'The event as an iCalendar file (text/calendar), to add to any calendar.',
    params: IdParams,
    raw: true,
    response: null,
  }),
  createCalendarFeed: endpoint({
    method: 'POST',
    path: '/api/v1/me/calendar-feed',
    operationId: 'createCalendarFeed',
    tags,
    access: 'signed-in',
    summary:
      'Make (or replace) your private calendar feed: its address is shown once; the previous one stops working.',
    response: CalendarFeed,
  }),
  deleteCalendarFeed: endpoint({
    method: 'DELETE',
    path: '/api/v1/me/calendar-feed',
    operationId: 'deleteCalendarFeed',
    tags,
    access: 'signed-in',
    summary: 'Turn your calendar feed off.',
    response: null,
  }),
  calendarFeed: endpoint({
    method: 'GET',
    path: '/api/v1/calendar/:token',
    operationId: 'calendarFeed',
    tags,
    access: 'public',
    summary:
      'A person’s calendar (iCalendar): the events of their spaces from 30 days ago on, unless they answered no. The token in the address is the key.',
    params: z.object({ token: z.string().min(20).max(100) }),
    raw: true,
    response: null,
  }),
} as const;

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../common/api.ts';
import type { BodyIn } from '../../common/endpoint.ts';
import type { Event, EventAnswer } from '../../common/schemas/events.ts';
import { call } from './client.ts';

export const eventKey = (id: string) => ['event', id] as const;

export function useEvents(filter: { when: 'upcoming' | 'past'; space?: string | undefined }) {
  return useQuery({
    queryKey: ['events', filter],
    queryFn: ({ signal }) => call(api.listEvents, { query: filter, signal }),
    select: (list) => list.items,
  });
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: eventKey(id),
    queryFn: ({ signal }) => call(api.getEvent, { params: { id }, signal }),
  });
}

function useStoreEvent() {
  const queryClient = useQueryClient();
  return (event: Event) => {
    queryClient.setQueryData(eventKey(event.id), event);
    void queryClient.invalidateQueries({ queryKey: ['events'] });
    void queryClient.invalidateQueries({ queryKey: ['attendees', event.id] });
  };
}

export function useCreateEvent(spaceRef: string) {
  const store = useStoreEvent();
  return useMutation({
    mutationFn: (body: BodyIn<typeof api.createEvent>) =>
      call(api.createEvent, { params: { space: spaceRef }, body }),
    onSuccess: store,
  });
}

export function useAnswerEvent(id: string) {
  const store = useStoreEvent();
  return useMutation({
    mutationFn: (answer: EventAnswer) => call(api.answerEvent, { params: { id }, body: { answer } }),
    onSuccess: store,
  });
}

export function useCancelEvent(id: string) {
  const store = useStoreEvent();
  return useMutation({
    mutationFn: () => call(api.cancelEvent, { params: { id } }),
    onSuccess: store,
  });
}

export function useAttendees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['attendees', id],
    queryFn: ({ signal }) => call(api.eventAttendees, { params: { id }, signal }),
    enabled,
  });
}

export function useCalendarFeed() {
  return useMutation({ mutationFn: () => call(api.createCalendarFeed) });
}

export const eventIcsUrl = (id: string) => api.eventIcs.path.replace(':id', encodeURIComponent(id));

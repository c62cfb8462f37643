// Reading events. Every list goes through readableSpaceIds (the visibility rule), every
// single event through canReadSpace, so an event is seen exactly where its space is.
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/transaction.ts';
import { canReadSpace, readableSpaceIds, type Viewer } from '../spaces/visibility.ts';

type AnyDb = Db | Tx['db'];

function selectEvents(db: AnyDb, viewer: Viewer) {
  return db
    .selectFrom('events as e')
    .innerJoin('spaces as s', 's.id', 'e.space_id')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .leftJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 'e.space_id').on('sm.user_id', '=', viewer.id),
    )
    .leftJoin('event_answers as a', (j) => j.onRef('a.event_id', '=', 'e.id').on('a.user_id', '=', viewer.id))
    .selectAll('e')
    .select([
      's.slug as space_slug',
      's.name as space_name',
      's.external as space_external',
      's.visibility as space_visibility',
      's.archived_at as space_archived_at',
      'sm.role as my_role',
      'a.answer as my_answer',
      'u.name as creator_name',
      'u.handle as creator_handle',
      'u.job_title as creator_job_title',
    ]);
}

export type EventRow = Awaited<ReturnType<ReturnType<typeof selectEvents>['executeTakeFirstOrThrow']>>;

/** The event if the viewer may read its space; null otherwise (callers answer 404). */
export async function findEvent(db: AnyDb, viewer: Viewer, id: string): Promise<EventRow | null> {
  const row = await selectEvents(db, viewer).where('e.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const space = { visibility: row.space_visibility, archived_at: row.space_archived_at };
  return canReadSpace(viewer, space, row.my_role ?? null) ? row : null;
}

export function listEvents(
  db: Db,
  viewer: Viewer,
  filter: { when: 'upcoming' | 'past'; spaceId?: string | undefined; now: Date; limit: number },
) {
  let query = selectEvents(db, viewer).where((eb) =>
    eb('e.space_id', 'in', readableSpaceIds(eb as never, viewer)),
  );
  if (filter.spaceId) query = query.where('e.space_id', '=', filter.spaceId);
  // Upcoming includes what is still going on.
  query =
    filter.when === 'upcoming'
      ? query.where('e.ends_at', '>=', filter.now).orderBy('e.starts_at', 'asc')
      : query.where('e.ends_at', '<', filter.now).orderBy('e.starts_at', 'desc');
  return query.orderBy('e.id').limit(filter.limit).execute();
}

/** A person's calendar: events of the spaces they belong to, from 30 days back, unless they said no. */
export function calendarEvents(db: Db, userId: string, since: Date) {
  return db
    .selectFrom('events as e')
    .innerJoin('space_members as sm', (j) =>
      j.onRef('sm.space_id', '=', 'e.space_id').on('sm.user_id', '=', userId),
    )
    .leftJoin('event_answers as a', (j) => j.onRef('a.event_id', '=', 'e.id').on('a.user_id', '=', userId))
    .selectAll('e')
    .where('e.ends_at', '>=', since)
    .where((eb) => eb.or([eb('a.answer', 'is', null), eb('a.answer', '!=', 'no')]))
    .orderBy('e.starts_at')
    .limit(500)
    .execute();
}

export function listAttendees(db: Db, eventId: string) {
  return db
    .selectFrom('event_answers as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.answer', 'u.id', 'u.name', 'u.handle', 'u.job_title'])
    .where('a.event_id', '=', eventId)
    .where('u.status', '=', 'active')
    .orderBy('u.name')
    .execute();
}

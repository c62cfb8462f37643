import type { Event, EventAnswer } from '../../../common/schemas/events.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { presentPersonRef } from '../stream/presenters.ts';
import { eventsPolicy } from './policies.ts';
import type { EventRow } from './queries.ts';

export function presentEvent(row: EventRow, viewer: Viewer): Event {
  const membership = row.my_role ?? null;
  return {
    id: row.id,
    space: { id: row.space_id, slug: row.space_slug, name: row.space_name, external: row.space_external },
    title: row.title,
    description: row.description,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    timeZone: row.time_zone,
    location: row.location,
    onlineUrl: row.online_url,
    createdBy:
      row.created_by && row.creator_name && row.creator_handle
        ? presentPersonRef({
            id: row.created_by,
            name: row.creator_name,
            handle: row.creator_handle,
            job_title: row.creator_job_title,
          })
        : null,
    cancelled: row.cancelled_at !== null,
    counts: { yes: row.yes_count, maybe: row.maybe_count, no: row.no_count },
    myAnswer: (row.my_answer as EventAnswer | null) ?? null,
    can: {
      edit: eventsPolicy.canEdit(viewer, row, membership),
      answer: row.cancelled_at === null && eventsPolicy.canAnswer(viewer, membership),
    },
  };
}

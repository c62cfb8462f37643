// The activity log: one row per meaningful action, the raw material of analytics
// (adoption, participation). Written in the same transaction as the action.
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ActivityEventTable, Database } from '../db/schema.ts';

export interface ActivityEvent {
  actorId: string | null;
  verb: string;
  objectType: string;
  objectId?: string | null;
  spaceId?: string | null;
  data?: Record<string, unknown> | null;
  /** Whose content the action was aimed at (a post's or comment's author); never the actor. */
  targetId?: string | null;
  at: Date;
}

/** The row an event becomes (also used to write history in bulk, e.g. demo data). */
export function activityRow(event: ActivityEvent): Insertable<ActivityEventTable> {
  return {
    at: event.at,
    actor_id: event.actorId,
    verb: event.verb,
    object_type: event.objectType,
    object_id: event.objectId ?? null,
    space_id: event.spaceId ?? null,
    data: event.data ? JSON.stringify(event.data) : null,
    // One's own content is no interaction: the cross-department matrix counts others only.
    target_id: event.targetId && event.targetId !== event.actorId ? event.targetId : null,
  };
}

export async function recordActivity(
  trx: Transaction<Database> | Kysely<Database>,
  event: ActivityEvent,
): Promise<void> {
  await trx.insertInto('activity_events').values(activityRow(event)).execute();
}

// SLA due times: the target for a conversation's channel and priority (a channel's own row
// first, else the organisation-wide row), counted from when the clock starts — the first
// inbound message, or a reopening.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { CarePriority } from '../../db/schema-care.ts';

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warnMinutes: number;
}

export async function slaTarget(
  db: Transaction<Database> | Kysely<Database>,
  channelId: string,
  priority: CarePriority,
): Promise<SlaTarget | null> {
  const rows = await db
    .selectFrom('care_sla_policies')
    .select(['channel_id', 'first_response_minutes', 'resolution_minutes', 'warn_minutes'])
    .where('priority', '=', priority)
    .where((eb) => eb.or([eb('channel_id', '=', channelId), eb('channel_id', 'is', null)]))
    .execute();
  const row = rows.find((r) => r.channel_id === channelId) ?? rows[0];
  return row
    ? {
        firstResponseMinutes: row.first_response_minutes,
        resolutionMinutes: row.resolution_minutes,
        warnMinutes: row.warn_minutes,
      }
    : null;
}

const plus = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

/** The due times of a conversation whose clock starts at `from` (null: no target set). */
export function dueTimes(target: SlaTarget | null, from: Date, firstResponseDone: boolean) {
  return {
    first_response_due_at: target && !firstResponseDone ? plus(from, target.firstResponseMinutes) : null,
    resolution_due_at: target ? plus(from, target.resolutionMinutes) : null,
  };
}

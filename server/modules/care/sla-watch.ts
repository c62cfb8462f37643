// The SLA watch, a job every minute: conversations whose first-response or resolution target
// is near get a warning (sla_warned_at, and a notification to the assignee or else the
// team's agents), once; a target that passed is marked missed (first_response_breached_at,
// resolution_breached_at), once, with the activity event care.sla_breached that the
// dashboards count. Each step updates and returns its rows in one statement, so two
// workers never warn or count twice. Resolved conversations are left alone; a conversation
// waiting for the customer (pending) still counts.
import { type RawBuilder, sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { recordActivity } from '../../platform/activity.ts';
import type { JobHandler } from '../../platform/jobs/queue.ts';
import { everyMinutes, type RecurringTask } from '../../platform/jobs/schedule.ts';
import { inTransaction, type Tx } from '../../platform/transaction.ts';
import { notifySlaWarning } from './commands/notices.ts';

export const CARE_SLA_WATCH_JOB = 'care.sla_watch';
export const careSlaWatchTask = (): RecurringTask => ({
  name: 'care.sla-watch',
  job: CARE_SLA_WATCH_JOB,
  nextAfter: everyMinutes(1),
});

/** At most this many conversations per step and run; the next minute takes the rest. */
const BATCH = 500;

export function watchSla(ctx: AppContext): JobHandler {
  return async () => {
    await runSlaWatch(ctx);
  };
}

export async function runSlaWatch(ctx: AppContext): Promise<{ warned: number; breached: number }> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now;
    const firstMissed = await markMissed(tx, 'first_response', sql`first_response_at IS NULL`);
    const resolutionMissed = await markMissed(tx, 'resolution', sql`resolved_at IS NULL`);
    const missed = [...firstMissed, ...resolutionMissed];
    for (const m of missed)
      await recordActivity(tx.db, {
        actorId: null,
        verb: 'care.sla_breached',
        objectType: 'care_conversation',
        objectId: m.id,
        data: { target: m.target, channel: m.kind, teamId: m.team_id },
        at: now,
      });

    // The warning time is the target's own (channel and priority, else organisation-wide).
    const warned = await sql<{
      id: string;
      subject: string;
      assignee_id: string | null;
      team_id: string | null;
    }>`
      WITH near AS (
        SELECT c.id FROM care_conversations c
        CROSS JOIN LATERAL (
          SELECT p.warn_minutes FROM care_sla_policies p
          WHERE p.priority = c.priority AND (p.channel_id = c.channel_id OR p.channel_id IS NULL)
          ORDER BY p.channel_id NULLS LAST LIMIT 1) w
        WHERE c.sla_warned_at IS NULL AND c.status <> 'resolved' AND c.resolved_at IS NULL
          AND ((c.first_response_at IS NULL AND c.first_response_due_at IS NOT NULL
                AND c.first_response_due_at > ${now}
                AND c.first_response_due_at <= ${now}::timestamptz + make_interval(mins => w.warn_minutes))
            OR (c.resolution_due_at IS NOT NULL AND c.resolution_due_at > ${now}
                AND c.resolution_due_at <= ${now}::timestamptz + make_interval(mins => w.warn_minutes)))
        LIMIT ${BATCH})
      UPDATE care_conversations c SET sla_warned_at = ${now}
      FROM near WHERE c.id = near.id AND c.sla_warned_at IS NULL
      RETURNING c.id, c.subject, c.assignee_id, c.team_id`.execute(tx.db);
    for (const w of warned.rows)
      await notifySlaWarning(tx, {
        conversationId: w.id,
        subject: w.subject,
        assigneeId: w.assignee_id,
        teamId: w.team_id,
      });
    return { warned: warned.rows.length, breached: missed.length };
  });
}

/** Marks a target missed where its due time passed (once), returning what was marked. */
async function markMissed(tx: Tx, target: 'first_response' | 'resolution', notDone: RawBuilder<unknown>) {
  const due = sql.ref(`${target}_due_at`);
  const breached = sql.ref(`${target}_breached_at`);
  const result = await sql<{ id: string; team_id: string | null; kind: string }>`
    UPDATE care_conversations c SET ${breached} = ${tx.now}
    FROM care_channels ch
    WHERE ch.id = c.channel_id AND c.id IN (
      SELECT id FROM care_conversations
      WHERE ${notDone} AND ${due} IS NOT NULL AND ${due} <= ${tx.now}
        AND ${breached} IS NULL AND status <> 'resolved'
      LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING c.id, c.team_id, ch.kind`.execute(tx.db);
  return result.rows.map((r) => ({ ...r, target }));
}

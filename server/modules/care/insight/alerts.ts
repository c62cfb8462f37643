// Negative-spike alerts. Every 5 minutes a recurring job counts, per channel and per tag, the
// negative inbound messages (sentiment ≤ -0.3) of the last hour, and compares them with the
// hourly rate of the 7 days before. The rule: at least 5 in the hour AND at least 3 times the
// baseline rate. One alert per key per episode: no new alert while the key's last alert
// window overlaps this one. The care agents are notified (kind care_alert).
import { sql } from 'kysely';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import type { JobHandler } from '../../../platform/jobs/queue.ts';
import { everyMinutes, type RecurringTask } from '../../../platform/jobs/schedule.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { worksInbox } from '../policies.ts';
import { NEGATIVE_THRESHOLD } from './sentiment.ts';

export const SPIKE_JOB = 'care.negative-spikes';
export const SPIKE_RULE = { windowMinutes: 60, baselineDays: 7, minCount: 5, factor: 3 } as const;

export function spikeTask(): RecurringTask {
  return { name: SPIKE_JOB, job: SPIKE_JOB, nextAfter: everyMinutes(5) };
}

export function detectSpikesJob(ctx: AppContext): JobHandler {
  return async () => {
    const raised = await detectNegativeSpikes(ctx);
    if (raised > 0) ctx.logger.info({ raised }, 'care negative-spike alerts raised');
  };
}

interface Candidate {
  channel_id: string | null;
  tag: string | null;
  recent: number;
  before: number;
}

/** Raises the alerts the rule calls for now; returns how many. */
export async function detectNegativeSpikes(ctx: AppContext): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const end = tx.now;
    const start = new Date(end.getTime() - SPIKE_RULE.windowMinutes * 60_000);
    const baselineStart = new Date(start.getTime() - SPIKE_RULE.baselineDays * 86_400_000);
    const baselineHours = (SPIKE_RULE.baselineDays * 24 * 60) / SPIKE_RULE.windowMinutes;
    // Negative inbound messages of the window and the baseline, through the partial index on
    // inbound messages by time; per channel, and per tag of their conversation.
    const negative = sql`
      SELECT m.channel_id, m.created_at, c.tags
      FROM care_messages m JOIN care_conversations c ON c.id = m.conversation_id
      WHERE m.kind = 'inbound' AND m.sentiment <= ${NEGATIVE_THRESHOLD}
        AND m.created_at >= ${baselineStart} AND m.created_at < ${end}`;
    const counts = (key: ReturnType<typeof sql>, from: ReturnType<typeof sql>) => sql<Candidate>`
      SELECT ${key},
        (count(*) FILTER (WHERE n.created_at >= ${start}))::int AS recent,
        (count(*) FILTER (WHERE n.created_at < ${start}))::int AS before
      FROM ${from}
      GROUP BY 1, 2
      HAVING count(*) FILTER (WHERE n.created_at >= ${start}) >= ${SPIKE_RULE.minCount}`;
    const byChannel = await counts(sql`n.channel_id, NULL::text AS tag`, sql`(${negative}) n`).execute(tx.db);
    const byTag = await counts(
      sql`NULL::uuid AS channel_id, t.tag`,
      sql`(${negative}) n CROSS JOIN LATERAL unnest(n.tags) AS t(tag)`,
    ).execute(tx.db);
    let raised = 0;
    for (const c of [...byChannel.rows, ...byTag.rows]) {
      const baseline = Number(c.before) / baselineHours;
      if (Number(c.recent) < SPIKE_RULE.factor * baseline) continue;
      if (await alreadyRaised(tx, c, start)) continue;
      await raise(tx, c, { start, end, baseline });
      raised++;
    }
    return raised;
  });
}

async function alreadyRaised(tx: Tx, c: Candidate, start: Date): Promise<boolean> {
  const row = await tx.db
    .selectFrom('care_alerts')
    .select('id')
    .where('kind', '=', 'negative_spike')
    .where((eb) => (c.channel_id ? eb('channel_id', '=', c.channel_id) : eb('channel_id', 'is', null)))
    .where((eb) => (c.tag ? eb('tag', '=', c.tag) : eb('tag', 'is', null)))
    .where('window_end', '>', start)
    .executeTakeFirst();
  return row !== undefined;
}

async function raise(
  tx: Tx,
  c: Candidate,
  window: { start: Date; end: Date; baseline: number },
): Promise<void> {
  const id = newId();
  await tx.db
    .insertInto('care_alerts')
    .values({
      id,
      kind: 'negative_spike',
      channel_id: c.channel_id,
      tag: c.tag,
      message_count: Number(c.recent),
      baseline_per_hour: Math.round(window.baseline * 100) / 100,
      window_start: window.start,
      window_end: window.end,
      created_at: tx.now,
    })
    .execute();
  const agents = await tx.db
    .selectFrom('users')
    .select('id')
    .where('care_agent', '=', true)
    .where(worksInbox())
    .execute();
  await notify(tx, {
    recipients: agents.map((a) => a.id),
    kind: 'care_alert',
    actorId: null,
    data: { alertId: id, channelId: c.channel_id, tag: c.tag, count: Number(c.recent) },
  });
  await recordActivity(tx.db, {
    actorId: null,
    verb: 'care.alert_raised',
    objectType: 'care_alert',
    objectId: id,
    data: { channelId: c.channel_id, tag: c.tag, count: Number(c.recent) },
    at: tx.now,
  });
}

export async function acknowledgeAlert(
  ctx: AppContext,
  input: { actor: Actor; alertId: string; meta: RequestMeta },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const alert = await tx.db
      .selectFrom('care_alerts')
      .selectAll()
      .where('id', '=', input.alertId)
      .forUpdate()
      .executeTakeFirst();
    if (!alert) throw notFound('Alert');
    if (alert.acknowledged_at) return;
    await tx.db
      .updateTable('care_alerts')
      .set({ acknowledged_by: input.actor.id, acknowledged_at: tx.now })
      .where('id', '=', alert.id)
      .execute();
    await audit(tx.db, {
      action: 'care.alert_acknowledged',
      actor: actorRef(input.actor),
      target: { type: 'care_alert', id: alert.id },
      details: { channelId: alert.channel_id, tag: alert.tag, count: alert.message_count },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: input.actor.id,
      verb: 'care.alert_acknowledged',
      objectType: 'care_alert',
      objectId: alert.id,
      at: tx.now,
    });
  });
}

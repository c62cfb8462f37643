// Working a conversation: its status, priority (SLA due times follow), assignee, team and
// tags. One transaction with the conversation row locked; each change that happened writes
// its activity event (the analytics dashboards count them), unchanged values write nothing.

import type { Updateable } from 'kysely';
import type { CarePriority, CareStatus } from '../../../../common/schemas/care.ts';
import type { AppContext } from '../../../context.ts';
import type { CareConversationRow, CareConversationTable } from '../../../db/schema-care.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { AppError, notFound, ValidationError } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { isCareAgent } from '../policies.ts';
import { dueTimes, slaTarget } from '../sla.ts';
import { notifyAssignee } from './notices.ts';

export interface ConversationChanges {
  status?: CareStatus;
  priority?: CarePriority;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

const minutesBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));

/** The conversation, locked for this transaction, with its channel's kind. */
export async function lockConversation(tx: Tx, id: string) {
  const row = await tx.db
    .selectFrom('care_conversations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Conversation');
  const channel = await tx.db
    .selectFrom('care_channels')
    .select(['kind', 'enabled'])
    .where('id', '=', row.channel_id)
    .executeTakeFirstOrThrow();
  return { row, channel };
}

export async function updateConversation(
  ctx: AppContext,
  input: { actor: Actor; id: string; changes: ConversationChanges },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { row, channel } = await lockConversation(tx, input.id);
    await applyChanges(tx, input.actor, row, channel.kind, input.changes);
  });
}

/** Applies the changes that differ from the row (also used by a reply that sets the status). */
export async function applyChanges(
  tx: Tx,
  actor: Actor,
  row: CareConversationRow,
  channelKind: string,
  changes: ConversationChanges,
): Promise<void> {
  const set: Updateable<CareConversationTable> = {};
  const activity = (verb: string, data: Record<string, unknown>) =>
    recordActivity(tx.db, {
      actorId: actor.id,
      verb,
      objectType: 'care_conversation',
      objectId: row.id,
      data: { channel: channelKind, ...data },
      at: tx.now,
    });

  if (changes.assigneeId !== undefined && changes.assigneeId !== row.assignee_id) {
    if (changes.assigneeId !== null && !(await isCareAgent(tx.db, changes.assigneeId)))
      throw new AppError(
        400,
        'care_assignee_not_agent',
        'Conversations go to agents of the customer-care inbox.',
      );
    set.assignee_id = changes.assigneeId;
    await activity('care.assigned', { assigneeId: changes.assigneeId });
    if (changes.assigneeId)
      await notifyAssignee(tx, {
        actorId: actor.id,
        conversationId: row.id,
        userId: changes.assigneeId,
        subject: row.subject,
      });
  }

  if (changes.teamId !== undefined && changes.teamId !== row.team_id) {
    if (changes.teamId !== null) {
      const team = await tx.db
        .selectFrom('care_teams')
        .select('id')
        .where('id', '=', changes.teamId)
        .executeTakeFirst();
      if (!team)
        throw new ValidationError([{ field: 'teamId', reason: 'not_found', message: 'No such team.' }]);
    }
    set.team_id = changes.teamId;
    await activity('care.team_changed', { teamId: changes.teamId });
  }

  if (changes.tags !== undefined) {
    const tags = [...new Set(changes.tags)];
    if (tags.join('\u0000') !== row.tags.join('\u0000')) {
      set.tags = tags;
      await activity('care.tagged', { tags, added: tags.filter((t) => !row.tags.includes(t)) });
    }
  }

  const priority = changes.priority ?? row.priority;
  if (priority !== row.priority) {
    // New targets, counted from when the conversation opened; a target already missed stays missed.
    const target = await slaTarget(tx.db, row.channel_id, priority);
    const due = dueTimes(target, row.created_at, row.first_response_at !== null);
    set.priority = priority;
    set.first_response_due_at = row.first_response_at ? row.first_response_due_at : due.first_response_due_at;
    set.resolution_due_at = due.resolution_due_at;
    set.sla_warned_at = null;
    await activity('care.priority_changed', { priority, from: row.priority });
  }

  if (changes.status !== undefined && changes.status !== row.status) {
    set.status = changes.status;
    if (changes.status === 'resolved') {
      set.resolved_at = tx.now;
      await activity('care.resolved', { minutes: minutesBetween(row.created_at, tx.now) });
    } else {
      if (row.status === 'resolved') {
        // Reopened by an agent: the resolution clock starts again, as when the customer writes.
        const target = await slaTarget(tx.db, row.channel_id, priority);
        set.resolved_at = null;
        set.resolution_breached_at = null;
        set.sla_warned_at = null;
        set.resolution_due_at = dueTimes(target, tx.now, true).resolution_due_at;
      }
      await activity('care.status_changed', { status: changes.status, from: row.status });
    }
  }

  if (Object.keys(set).length === 0) return;
  await tx.db
    .updateTable('care_conversations')
    .set({ ...set, updated_at: tx.now })
    .where('id', '=', row.id)
    .execute();
}

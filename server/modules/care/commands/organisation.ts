// Administrators' care settings besides channels: teams and their members, SLA targets, and
// the care-agent grant — each in one transaction with its audit record and activity event.

import type { z } from 'zod';
import type {
  CareSlaTargetBody,
  CareTeamBody,
  CareTeamUpdateBody,
} from '../../../../common/schemas/care-channels.ts';
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit } from '../../../platform/audit.ts';
import { AppError, conflict, notFound, ValidationError } from '../../../platform/errors.ts';
import { actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { worksInbox } from '../policies.ts';
import type { Who } from './channels.ts';

const activity = (tx: Tx, who: Who, verb: string, objectType: string, objectId: string) =>
  recordActivity(tx.db, { actorId: who.actor.id, verb, objectType, objectId, at: tx.now });

/** Team members must be able to work the inbox: active colleagues who are agents or administrators. */
async function checkMembers(tx: Tx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx.db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', unique)
    .where(worksInbox())
    .execute();
  const fit = new Set(rows.map((u) => u.id));
  const unfit = unique.filter((id) => !fit.has(id));
  if (unfit.length > 0)
    throw new ValidationError([
      {
        field: 'memberIds',
        reason: 'invalid',
        message: `Only care agents and administrators can be team members (${unfit.length} refused).`,
      },
    ]);
  return unique;
}

async function teamMembers(tx: Tx, teamId: string): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('care_team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .execute();
  return rows.map((r) => r.user_id).sort();
}

async function setMembers(tx: Tx, teamId: string, ids: string[]): Promise<void> {
  await tx.db.deleteFrom('care_team_members').where('team_id', '=', teamId).execute();
  if (ids.length > 0)
    await tx.db
      .insertInto('care_team_members')
      .values(ids.map((user_id) => ({ team_id: teamId, user_id })))
      .execute();
}

async function lockTeam(tx: Tx, id: string) {
  const team = await tx.db
    .selectFrom('care_teams')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!team) throw notFound('Team');
  return team;
}

async function nameFree(tx: Tx, name: string, except: string | null): Promise<void> {
  let query = tx.db
    .selectFrom('care_teams')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (except) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) throw conflict('conflict', 'A care team already has this name.');
}

export async function createTeam(
  ctx: AppContext,
  who: Who,
  body: z.output<typeof CareTeamBody>,
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    await nameFree(tx, body.name, null);
    const members = await checkMembers(tx, body.memberIds);
    const id = newId();
    await tx.db.insertInto('care_teams').values({ id, name: body.name, created_at: tx.now }).execute();
    await setMembers(tx, id, members);
    await audit(tx.db, {
      action: 'care_team.created',
      actor: actorRef(who.actor),
      target: { type: 'care_team', id, label: body.name },
      after: { name: body.name, memberIds: members.sort() },
      meta: who.meta,
      at: tx.now,
    });
    await activity(tx, who, 'care.team_changed', 'care_team', id);
    return id;
  });
}

export async function updateTeam(
  ctx: AppContext,
  who: Who,
  id: string,
  body: z.output<typeof CareTeamUpdateBody>,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const team = await lockTeam(tx, id);
    const before = { name: team.name, memberIds: await teamMembers(tx, id) };
    if (body.name !== undefined && body.name !== team.name) {
      await nameFree(tx, body.name, id);
      await tx.db.updateTable('care_teams').set({ name: body.name }).where('id', '=', id).execute();
    }
    if (body.memberIds !== undefined) await setMembers(tx, id, await checkMembers(tx, body.memberIds));
    const after = { name: body.name ?? team.name, memberIds: await teamMembers(tx, id) };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await audit(tx.db, {
      action: 'care_team.updated',
      actor: actorRef(who.actor),
      target: { type: 'care_team', id, label: after.name },
      before,
      after,
      meta: who.meta,
      at: tx.now,
    });
    await activity(tx, who, 'care.team_changed', 'care_team', id);
  });
}

export async function deleteTeam(ctx: AppContext, who: Who, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const team = await lockTeam(tx, id);
    const memberIds = await teamMembers(tx, id);
    // Conversations and channels of the team keep no team (ON DELETE SET NULL).
    await tx.db.deleteFrom('care_teams').where('id', '=', id).execute();
    await audit(tx.db, {
      action: 'care_team.deleted',
      actor: actorRef(who.actor),
      target: { type: 'care_team', id, label: team.name },
      before: { name: team.name, memberIds },
      meta: who.meta,
      at: tx.now,
    });
    await activity(tx, who, 'care.team_changed', 'care_team', id);
  });
}

/** Sets the target of one channel (or of every channel: channelId null) for one priority. */
export async function setSlaTarget(
  ctx: AppContext,
  who: Who,
  body: z.output<typeof CareSlaTargetBody>,
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    if (body.channelId) {
      const channel = await tx.db
        .selectFrom('care_channels')
        .select('id')
        .where('id', '=', body.channelId)
        .executeTakeFirst();
      if (!channel)
        throw new ValidationError([{ field: 'channelId', reason: 'invalid', message: 'No such channel.' }]);
    }
    let query = tx.db.selectFrom('care_sla_policies').selectAll().where('priority', '=', body.priority);
    query = body.channelId
      ? query.where('channel_id', '=', body.channelId)
      : query.where('channel_id', 'is', null);
    const existing = await query.forUpdate().executeTakeFirst();
    const values = {
      first_response_minutes: body.firstResponseMinutes,
      resolution_minutes: body.resolutionMinutes,
      warn_minutes: body.warnMinutes,
    };
    const id = existing?.id ?? newId();
    if (existing) await tx.db.updateTable('care_sla_policies').set(values).where('id', '=', id).execute();
    else
      await tx.db
        .insertInto('care_sla_policies')
        .values({ id, channel_id: body.channelId, priority: body.priority, ...values })
        .execute();
    await audit(tx.db, {
      action: 'care_sla.changed',
      actor: actorRef(who.actor),
      target: {
        type: 'care_sla_policy',
        id,
        label: `${body.channelId ?? 'all channels'} / ${body.priority}`,
      },
      before: existing
        ? {
            firstResponseMinutes: existing.first_response_minutes,
            resolutionMinutes: existing.resolution_minutes,
            warnMinutes: existing.warn_minutes,
          }
        : null,
      after: { ...body },
      meta: who.meta,
      at: tx.now,
    });
    await activity(tx, who, 'care.sla_changed', 'care_sla_policy', id);
    return id;
  });
}

export async function deleteSlaTarget(ctx: AppContext, who: Who, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('care_sla_policies')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('SLA target');
    await tx.db.deleteFrom('care_sla_policies').where('id', '=', id).execute();
    await audit(tx.db, {
      action: 'care_sla.removed',
      actor: actorRef(who.actor),
      target: { type: 'care_sla_policy', id, label: `${row.channel_id ?? 'all channels'} / ${row.priority}` },
      before: {
        channelId: row.channel_id,
        priority: row.priority,
        firstResponseMinutes: row.first_response_minutes,
        resolutionMinutes: row.resolution_minutes,
        warnMinutes: row.warn_minutes,
      },
      meta: who.meta,
      at: tx.now,
    });
    await activity(tx, who, 'care.sla_changed', 'care_sla_policy', id);
  });
}

/** Grants or withdraws the care-agent role; granting only to an active colleague (never a guest). */
export async function setAgent(ctx: AppContext, who: Who, userId: string, agent: boolean): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await tx.db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role', 'status', 'erased_at', 'care_agent'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user || user.erased_at) throw notFound('User');
    if (agent && user.role === 'guest')
      throw new AppError(409, 'care_not_agent', 'Guests cannot work the customer-care inbox.');
    if (agent && user.status !== 'active')
      throw new AppError(409, 'care_not_agent', 'This account is deactivated: reactivate it first.');
    if (user.care_agent === agent) return;
    await tx.db
      .updateTable('users')
      .set({ care_agent: agent, updated_at: tx.now })
      .where('id', '=', userId)
      .execute();
    // An agent no more leaves the teams (an administrator stays: they work the inbox anyway).
    if (!agent && user.role !== 'admin')
      await tx.db.deleteFrom('care_team_members').where('user_id', '=', userId).execute();
    await audit(tx.db, {
      action: 'user.care_agent_changed',
      actor: actorRef(who.actor),
      target: { type: 'user', id: user.id, label: `${user.name} <${user.email}>` },
      before: { careAgent: user.care_agent },
      after: { careAgent: agent },
      meta: who.meta,
      at: tx.now,
    });
    await activity(tx, who, agent ? 'care.agent_granted' : 'care.agent_withdrawn', 'user', user.id);
  });
}

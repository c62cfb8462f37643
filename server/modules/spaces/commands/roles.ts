// Roles and removals. A space always keeps an owner; moderators remove only plain members.
// Both are audited, and a removal tells the live layer at once.
import type { AppContext } from '../../../context.ts';
import type { SpaceRole } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { spacesPolicy } from '../policies.ts';
import { lastOwner, lockOwners, memberWithName, removeMembership, type SpaceRef } from './members.ts';

export function changeMemberRole(
  ctx: AppContext,
  input: { actor: Actor; space: SpaceRef; userId: string; role: SpaceRole; meta: RequestMeta },
): Promise<void> {
  const { actor, space } = input;
  return inTransaction(ctx, async (tx) => {
    const owners = await lockOwners(tx, space.id);
    const member = await memberWithName(tx, space.id, input.userId);
    if (!member) throw notFound('Member');
    if (member.role === input.role) return;
    if (member.role === 'owner' && owners.length <= 1) throw lastOwner();
    await tx.db
      .updateTable('space_members')
      .set({ role: input.role })
      .where('space_id', '=', space.id)
      .where('user_id', '=', input.userId)
      .execute();
    await audit(tx.db, {
      action: 'space.role_changed',
      actor: actorRef(actor),
      target: { type: 'space', id: space.id, label: space.name },
      before: { role: member.role },
      after: { role: input.role },
      details: { person: `${member.name} <${member.email}>` },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.role_changed',
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      data: { userId: input.userId, from: member.role, to: input.role },
      at: tx.now,
    });
    publishAfterCommit(tx, { type: 'membership.changed', spaceId: space.id, userId: input.userId });
  });
}

export function removeMember(
  ctx: AppContext,
  input: { actor: Actor; space: SpaceRef; myRole: SpaceRole | null; userId: string; meta: RequestMeta },
): Promise<void> {
  const { actor, space } = input;
  return inTransaction(ctx, async (tx) => {
    const owners = await lockOwners(tx, space.id);
    const member = await memberWithName(tx, space.id, input.userId);
    if (!member) throw notFound('Member');
    if (!spacesPolicy.canRemove(actor, input.myRole, member.role)) throw forbidden();
    if (member.role === 'owner' && owners.length <= 1) throw lastOwner();
    await removeMembership(tx, space, input.userId);
    await audit(tx.db, {
      action: 'space.member_removed',
      actor: actorRef(actor),
      target: { type: 'space', id: space.id, label: space.name },
      before: { role: member.role },
      details: { person: `${member.name} <${member.email}>` },
      meta: input.meta,
      at: tx.now,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.member_removed',
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      data: { userId: input.userId },
      at: tx.now,
    });
  });
}

// Joining and leaving, invitations and join requests, roles and removals. Each change of
// membership keeps spaces.member_count exact in the same transaction and tells the live
// layer, so someone who leaves or is removed stops receiving the space's events at once.
import type { AppContext } from '../../../context.ts';
import type { SpaceRole } from '../../../db/schema.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { conflict, forbidden, notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { newId } from '../../../platform/ids.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { spacesPolicy } from '../policies.ts';
import { findSpaceByRef, managersOf } from '../queries.ts';
import { canListSpace } from '../visibility.ts';

type Space = { id: string; name: string };

async function addMember(tx: Tx, space: Space, userId: string, role: SpaceRole = 'member') {
  const inserted = await tx.db
    .insertInto('space_members')
    .values({ space_id: space.id, user_id: userId, role, joined_at: tx.now })
    .onConflict((oc) => oc.doNothing())
    .returning('user_id')
    .execute();
  if (inserted.length === 0) return false;
  await tx.db
    .updateTable('spaces')
    .set((eb) => ({ member_count: eb('member_count', '+', 1) }))
    .where('id', '=', space.id)
    .execute();
  await recordActivity(tx.db, {
    actorId: userId,
    verb: 'space.joined',
    objectType: 'space',
    objectId: space.id,
    spaceId: space.id,
    at: tx.now,
  });
  publishAfterCommit(tx, { type: 'membership.changed', spaceId: space.id, userId });
  return true;
}

async function removeMembership(tx: Tx, space: Space, userId: string) {
  const deleted = await tx.db
    .deleteFrom('space_members')
    .where('space_id', '=', space.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) return false;
  await tx.db
    .updateTable('spaces')
    .set((eb) => ({ member_count: eb('member_count', '-', 1) }))
    .where('id', '=', space.id)
    .execute();
  publishAfterCommit(tx, { type: 'membership.changed', spaceId: space.id, userId });
  return true;
}

/** Owners of a space, locked, so two owners cannot both step down at the same moment. */
async function lockOwners(tx: Tx, spaceId: string): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('space_members')
    .select('user_id')
    .where('space_id', '=', spaceId)
    .where('role', '=', 'owner')
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

const lastOwner = () =>
  conflict('last_owner', 'A space needs at least one owner: make someone else owner first.');

async function settle(tx: Tx, requestId: string, status: 'approved' | 'declined' | 'cancelled', by: string) {
  await tx.db
    .updateTable('space_requests')
    .set({ status, decided_by: by, decided_at: tx.now })
    .where('id', '=', requestId)
    .execute();
}

export function joinSpace(
  ctx: AppContext,
  input: { actor: Actor; ref: string; message?: string | undefined },
) {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const space = await findSpaceByRef(tx.db, actor, input.ref);
    const invited = space?.pending_kind === 'invitation';
    if (!space || (!invited && !canListSpace(actor, space, space.my_role ?? null))) throw notFound('Space');
    if (space.my_role) return space.id;
    if (space.archived_at) throw forbidden('This space is archived.');
    const pending = await tx.db
      .selectFrom('space_requests')
      .select(['id', 'kind'])
      .where('space_id', '=', space.id)
      .where('user_id', '=', actor.id)
      .where('status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (pending?.kind === 'invitation') {
      await settle(tx, pending.id, 'approved', actor.id);
      await addMember(tx, space, actor.id);
      return space.id;
    }
    if (space.visibility === 'open') {
      await addMember(tx, space, actor.id);
      return space.id;
    }
    if (space.visibility === 'secret') throw notFound('Space');
    if (pending) return space.id; // already asked
    const id = newId();
    await tx.db
      .insertInto('space_requests')
      .values({
        id,
        space_id: space.id,
        user_id: actor.id,
        kind: 'request',
        status: 'pending',
        message: input.message || null,
        created_by: actor.id,
        created_at: tx.now,
      })
      .execute();
    await notify(tx, {
      recipients: await managersOf(tx.db, space.id),
      kind: 'join_request',
      actorId: actor.id,
      spaceId: space.id,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.join_requested',
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      at: tx.now,
    });
    return space.id;
  });
}

export function leaveSpace(ctx: AppContext, input: { actor: Actor; ref: string }) {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const space = await findSpaceByRef(tx.db, actor, input.ref);
    if (!space || (!space.pending_kind && !canListSpace(actor, space, space.my_role ?? null)))
      throw notFound('Space');
    if (space.my_role) {
      if (space.my_role === 'owner') {
        const owners = await lockOwners(tx, space.id);
        if (owners.length <= 1) throw lastOwner();
      }
      await removeMembership(tx, space, actor.id);
      await recordActivity(tx.db, {
        actorId: actor.id,
        verb: 'space.left',
        objectType: 'space',
        objectId: space.id,
        spaceId: space.id,
        at: tx.now,
      });
      return space.id;
    }
    const pending = await tx.db
      .selectFrom('space_requests')
      .select(['id', 'kind'])
      .where('space_id', '=', space.id)
      .where('user_id', '=', actor.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (pending)
      await settle(tx, pending.id, pending.kind === 'request' ? 'cancelled' : 'declined', actor.id);
    return space.id;
  });
}

export function inviteToSpace(
  ctx: AppContext,
  input: { actor: Actor; spaceId: string; spaceName: string; userIds: string[] },
) {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const ids = [...new Set(input.userIds)];
    const people = await tx.db
      .selectFrom('users')
      .leftJoin('space_members as m', (j) =>
        j.onRef('m.user_id', '=', 'users.id').on('m.space_id', '=', input.spaceId),
      )
      .leftJoin('space_requests as r', (j) =>
        j
          .onRef('r.user_id', '=', 'users.id')
          .on('r.space_id', '=', input.spaceId)
          .on('r.status', '=', 'pending'),
      )
      .select(['users.id', 'm.role', 'r.id as request_id', 'r.kind as request_kind'])
      .where('users.id', 'in', ids)
      .where('users.status', '=', 'active')
      .execute();
    if (people.length !== ids.length) {
      const found = new Set(people.map((p) => p.id));
      const index = ids.findIndex((id) => !found.has(id));
      throw new ValidationError([
        { field: `userIds.${index}`, reason: 'not_found', message: 'No active account has this id.' },
      ]);
    }
    const space = { id: input.spaceId, name: input.spaceName };
    let invited = 0;
    let alreadyMembers = 0;
    const toNotify: string[] = [];
    for (const person of people) {
      if (person.role) {
        alreadyMembers++;
        continue;
      }
      if (person.request_kind === 'request') {
        // They asked already: inviting them is saying yes.
        await settle(tx, person.request_id!, 'approved', actor.id);
        await addMember(tx, space, person.id);
        invited++;
        continue;
      }
      if (person.request_kind === 'invitation') continue;
      await tx.db
        .insertInto('space_requests')
        .values({
          id: newId(),
          space_id: space.id,
          user_id: person.id,
          kind: 'invitation',
          status: 'pending',
          message: null,
          created_by: actor.id,
          created_at: tx.now,
        })
        .execute();
      toNotify.push(person.id);
      invited++;
    }
    await notify(tx, {
      recipients: toNotify,
      kind: 'space_invitation',
      actorId: actor.id,
      spaceId: space.id,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.invited',
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      data: { invited },
      at: tx.now,
    });
    return { invited, alreadyMembers };
  });
}

export function decideRequest(
  ctx: AppContext,
  input: { actor: Actor; space: Space; requestId: string; approve: boolean; meta: RequestMeta },
) {
  const { actor, space } = input;
  return inTransaction(ctx, async (tx) => {
    const request = await tx.db
      .selectFrom('space_requests')
      .innerJoin('users', 'users.id', 'space_requests.user_id')
      .select([
        'space_requests.id',
        'space_requests.kind',
        'space_requests.user_id',
        'users.name',
        'users.email',
      ])
      .where('space_requests.id', '=', input.requestId)
      .where('space_requests.space_id', '=', space.id)
      .where('space_requests.status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (!request) throw notFound('Request');
    if (input.approve && request.kind !== 'request') throw notFound('Request');
    await settle(
      tx,
      request.id,
      input.approve ? 'approved' : request.kind === 'request' ? 'declined' : 'cancelled',
      actor.id,
    );
    if (input.approve) await addMember(tx, space, request.user_id);
    await audit(tx.db, {
      action: input.approve ? 'space.request_approved' : 'space.request_declined',
      actor: actorRef(actor),
      target: { type: 'space', id: space.id, label: space.name },
      details: { person: `${request.name} <${request.email}>`, kind: request.kind },
      meta: input.meta,
      at: tx.now,
    });
  });
}

export function changeMemberRole(
  ctx: AppContext,
  input: { actor: Actor; space: Space; userId: string; role: SpaceRole; meta: RequestMeta },
) {
  const { actor, space } = input;
  return inTransaction(ctx, async (tx) => {
    const owners = await lockOwners(tx, space.id);
    const member = await tx.db
      .selectFrom('space_members')
      .innerJoin('users', 'users.id', 'space_members.user_id')
      .select(['space_members.role', 'users.name', 'users.email'])
      .where('space_members.space_id', '=', space.id)
      .where('space_members.user_id', '=', input.userId)
      .executeTakeFirst();
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
    publishAfterCommit(tx, { type: 'membership.changed', spaceId: space.id, userId: input.userId });
  });
}

export function removeMember(
  ctx: AppContext,
  input: { actor: Actor; space: Space; myRole: SpaceRole | null; userId: string; meta: RequestMeta },
) {
  const { actor, space } = input;
  return inTransaction(ctx, async (tx) => {
    const owners = await lockOwners(tx, space.id);
    const member = await tx.db
      .selectFrom('space_members')
      .innerJoin('users', 'users.id', 'space_members.user_id')
      .select(['space_members.role', 'users.name', 'users.email'])
      .where('space_members.space_id', '=', space.id)
      .where('space_members.user_id', '=', input.userId)
      .executeTakeFirst();
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
      at: tx.now,
    });
  });
}

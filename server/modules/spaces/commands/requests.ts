// Invitations and join requests, from the side of the space's owners and moderators:
// inviting people, and approving or declining what is pending.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { audit, type RequestMeta } from '../../../platform/audit.ts';
import { notFound, ValidationError } from '../../../platform/errors.ts';
import { type Actor, actorRef } from '../../../platform/http/request.ts';
import { inTransaction, type Tx } from '../../../platform/transaction.ts';
import { assertGuestsWelcome } from '../../external/guards.ts';
import { notify } from '../../notifications/notify.ts';
import type { Membership } from '../visibility.ts';
import { addMember, openRequest, type SpaceRef, settle } from './members.ts';

async function auditDecision(
  tx: Tx,
  input: {
    actor: Actor;
    space: SpaceRef;
    approved: boolean;
    kind: string;
    person: string;
    meta: RequestMeta;
  },
) {
  await audit(tx.db, {
    action: input.approved ? 'space.request_approved' : 'space.request_declined',
    actor: actorRef(input.actor),
    target: { type: 'space', id: input.space.id, label: input.space.name },
    details: { person: input.person, kind: input.kind },
    meta: input.meta,
    at: tx.now,
  });
}

/**
 * Invites active accounts. Guests only into an external space, and only by those the
 * organisation lets invite guests. Members and people already invited are skipped; someone
 * who asked to join is let in at once, since inviting them says yes.
 */
export function inviteToSpace(
  ctx: AppContext,
  input: { actor: Actor; space: SpaceRef; myRole: Membership; userIds: string[]; meta: RequestMeta },
): Promise<{ invited: number; alreadyMembers: number }> {
  return inTransaction(ctx, (tx) => inviteUsers(tx, input));
}

export async function inviteUsers(
  tx: Tx,
  input: { actor: Actor; space: SpaceRef; myRole: Membership; userIds: string[]; meta: RequestMeta },
): Promise<{ invited: number; alreadyMembers: number }> {
  const { actor, space } = input;
  const ids = [...new Set(input.userIds)];
  const people = await tx.db
    .selectFrom('users')
    .leftJoin('space_members as m', (j) =>
      j.onRef('m.user_id', '=', 'users.id').on('m.space_id', '=', space.id),
    )
    .leftJoin('space_requests as r', (j) =>
      j.onRef('r.user_id', '=', 'users.id').on('r.space_id', '=', space.id).on('r.status', '=', 'pending'),
    )
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.role as account_role',
      'm.role',
      'r.id as request_id',
      'r.kind as request_kind',
    ])
    .where('users.id', 'in', ids)
    .where('users.status', '=', 'active')
    .execute();
  if (people.length !== ids.length) {
    const found = new Set(people.map((p) => p.id));
    const index = input.userIds.findIndex((id) => !found.has(id));
    throw new ValidationError([
      { field: `userIds.${index}`, reason: 'not_found', message: 'No active account has this id.' },
    ]);
  }
  if (people.some((p) => p.account_role === 'guest' && !p.role)) {
    await assertGuestsWelcome(tx, actor, space.id, input.myRole);
  }
  let invited = 0;
  let alreadyMembers = 0;
  const toNotify: string[] = [];
  for (const person of people) {
    if (person.role) {
      alreadyMembers++;
    } else if (person.request_kind === 'request' && person.request_id) {
      await settle(tx, person.request_id, 'approved', actor.id);
      await addMember(tx, space, person.id, 'approval');
      await auditDecision(tx, {
        actor,
        space,
        approved: true,
        kind: 'request',
        person: `${person.name} <${person.email}>`,
        meta: input.meta,
      });
      invited++;
    } else if (
      !person.request_kind &&
      (await openRequest(tx, { spaceId: space.id, userId: person.id, kind: 'invitation', by: actor.id }))
    ) {
      toNotify.push(person.id);
      invited++;
    }
  }
  await notify(tx, {
    recipients: toNotify,
    kind: 'space_invitation',
    actorId: actor.id,
    spaceId: space.id,
  });
  if (invited > 0) {
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: 'space.invited',
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      data: { invited },
      at: tx.now,
    });
  }
  return { invited, alreadyMembers };
}

/** Approve a join request, or decline it; declining an invitation withdraws it. */
export function decideRequest(
  ctx: AppContext,
  input: { actor: Actor; space: SpaceRef; requestId: string; approve: boolean; meta: RequestMeta },
): Promise<void> {
  const { actor, space, approve } = input;
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
    // Only the invitee accepts an invitation (by joining): approving one is not a thing.
    if (!request || (approve && request.kind !== 'request')) throw notFound('Request');
    const isRequest = request.kind === 'request';
    await settle(tx, request.id, approve ? 'approved' : isRequest ? 'declined' : 'cancelled', actor.id);
    await auditDecision(tx, {
      actor,
      space,
      approved: approve,
      kind: request.kind,
      person: `${request.name} <${request.email}>`,
      meta: input.meta,
    });
    await recordActivity(tx.db, {
      actorId: actor.id,
      verb: approve
        ? 'space.request_approved'
        : isRequest
          ? 'space.request_declined'
          : 'space.invitation_withdrawn',
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      data: { userId: request.user_id },
      at: tx.now,
    });
    if (approve) await addMember(tx, space, request.user_id, 'approval');
  });
}

// Joining and leaving. Joining follows the space's visibility: an open space at once, a
// private one by request (its owners and moderators hear of it), any space with an
// invitation. Leaving also withdraws a pending request or declines an invitation.
import type { AppContext } from '../../../context.ts';
import { recordActivity } from '../../../platform/activity.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/http/request.ts';
import { inTransaction } from '../../../platform/transaction.ts';
import { notify } from '../../notifications/notify.ts';
import { findSpaceByRef, managersOf } from '../queries.ts';
import { canListSpace } from '../visibility.ts';
import {
  addMember,
  lastOwner,
  lockOwners,
  openRequest,
  pendingOf,
  removeMembership,
  settle,
} from './members.ts';

/** Returns the space's id; the caller presents the space as the viewer now sees it. */
export function joinSpace(
  ctx: AppContext,
  input: { actor: Actor; ref: string; message?: string | undefined },
): Promise<string> {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const space = await findSpaceByRef(tx.db, actor, input.ref);
    const invited = space?.pending_kind === 'invitation';
    if (!space || (!invited && !canListSpace(actor, space, space.my_role ?? null))) throw notFound('Space');
    if (space.my_role) return space.id;
    if (space.archived_at) throw forbidden('This space is archived.');
    const pending = await pendingOf(tx, space.id, actor.id);
    if (pending?.kind === 'invitation') {
      await settle(tx, pending.id, 'approved', actor.id);
      await addMember(tx, space, actor.id, 'invitation');
      return space.id;
    }
    if (space.visibility === 'open') {
      await addMember(tx, space, actor.id, 'open');
      return space.id;
    }
    if (space.visibility === 'secret') throw notFound('Space');
    if (pending) return space.id; // already asked
    const opened = await openRequest(tx, {
      spaceId: space.id,
      userId: actor.id,
      kind: 'request',
      by: actor.id,
      message: input.message ?? null,
    });
    if (!opened) return space.id; // the same request, sent twice at once
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

export function leaveSpace(ctx: AppContext, input: { actor: Actor; ref: string }): Promise<string> {
  const { actor } = input;
  return inTransaction(ctx, async (tx) => {
    const space = await findSpaceByRef(tx.db, actor, input.ref);
    if (!space || (!space.pending_kind && !canListSpace(actor, space, space.my_role ?? null)))
      throw notFound('Space');
    const activity = {
      actorId: actor.id,
      objectType: 'space',
      objectId: space.id,
      spaceId: space.id,
      at: tx.now,
    };
    if (space.my_role) {
      if (space.my_role === 'owner') {
        const owners = await lockOwners(tx, space.id);
        if (owners.length <= 1) throw lastOwner();
      }
      if (await removeMembership(tx, space, actor.id))
        await recordActivity(tx.db, { ...activity, verb: 'space.left' });
      return space.id;
    }
    const pending = await pendingOf(tx, space.id, actor.id);
    if (pending?.kind === 'request') {
      await settle(tx, pending.id, 'cancelled', actor.id);
      await recordActivity(tx.db, { ...activity, verb: 'space.request_withdrawn' });
    } else if (pending?.kind === 'invitation') {
      await settle(tx, pending.id, 'declined', actor.id);
      await recordActivity(tx.db, { ...activity, verb: 'space.invitation_declined' });
    }
    return space.id;
  });
}

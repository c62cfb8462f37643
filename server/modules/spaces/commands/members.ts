// The building blocks of every membership change, shared by the commands: each keeps
// spaces.member_count exact in the same transaction and tells the live layer, so someone
// who leaves or is removed stops receiving the space's events at once.
import { sql } from 'kysely';
import { recordActivity } from '../../../platform/activity.ts';
import { conflict } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { publishAfterCommit } from '../../../platform/realtime/publish.ts';
import type { Tx } from '../../../platform/transaction.ts';

export type SpaceRef = { id: string; name: string };

/** How someone came in, for the activity log: at once, by invitation, or once approved. */
export type JoinedVia = 'open' | 'invitation' | 'approval';

export async function addMember(tx: Tx, space: SpaceRef, userId: string, via: JoinedVia): Promise<boolean> {
  const inserted = await tx.db
    .insertInto('space_members')
    .values({ space_id: space.id, user_id: userId, role: 'member', joined_at: tx.now })
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
    data: { via },
    at: tx.now,
  });
  publishAfterCommit(tx, { type: 'membership.changed', spaceId: space.id, userId });
  return true;
}

export async function removeMembership(tx: Tx, space: SpaceRef, userId: string): Promise<boolean> {
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
export async function lockOwners(tx: Tx, spaceId: string): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('space_members')
    .select('user_id')
    .where('space_id', '=', spaceId)
    .where('role', '=', 'owner')
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

export const lastOwner = () =>
  conflict('last_owner', 'A space needs at least one owner: make someone else owner first.');

/** The person's pending request or invitation, locked until the transaction ends. */
export async function pendingOf(tx: Tx, spaceId: string, userId: string) {
  return tx.db
    .selectFrom('space_requests')
    .select(['id', 'kind'])
    .where('space_id', '=', spaceId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Opens a pending request (from the person) or invitation (from a manager). Returns false
 * when one was already pending: a double click or two managers at once is not an error.
 */
export async function openRequest(
  tx: Tx,
  input: {
    spaceId: string;
    userId: string;
    kind: 'request' | 'invitation';
    by: string;
    message?: string | null;
  },
): Promise<boolean> {
  const inserted = await tx.db
    .insertInto('space_requests')
    .values({
      id: newId(),
      space_id: input.spaceId,
      user_id: input.userId,
      kind: input.kind,
      status: 'pending',
      message: input.message || null,
      created_by: input.by,
      created_at: tx.now,
    })
    // The index predicate must be a literal for PostgreSQL to match the partial unique index.
    .onConflict((oc) =>
      oc.columns(['space_id', 'user_id']).where('status', '=', sql.lit('pending')).doNothing(),
    )
    .returning('id')
    .execute();
  return inserted.length > 0;
}

export async function settle(
  tx: Tx,
  requestId: string,
  status: 'approved' | 'declined' | 'cancelled',
  by: string,
): Promise<void> {
  await tx.db
    .updateTable('space_requests')
    .set({ status, decided_by: by, decided_at: tx.now })
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .execute();
}

export async function memberWithName(tx: Tx, spaceId: string, userId: string) {
  return tx.db
    .selectFrom('space_members')
    .innerJoin('users', 'users.id', 'space_members.user_id')
    .select(['space_members.role', 'users.name', 'users.email'])
    .where('space_members.space_id', '=', spaceId)
    .where('space_members.user_id', '=', userId)
    .executeTakeFirst();
}

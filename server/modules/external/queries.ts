// Reads of external spaces: the organisation's rules, a space's pending guest
// invitations, and whether a guest shares a space with someone.
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/transaction.ts';
import type { ExternalRules } from './policies.ts';

type AnyDb = Db | Tx['db'];

export function externalRules(db: AnyDb): Promise<ExternalRules> {
  return db
    .selectFrom('organisation')
    .select(['external_space_creators', 'guest_inviters'])
    .executeTakeFirstOrThrow();
}

/** Invitations by email into a space that can still be used, newest first. */
export function pendingGuestInvitations(db: AnyDb, spaceId: string, now: Date) {
  return db
    .selectFrom('invitations')
    .leftJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('inviter.name as inviter_name')
    .where('invitations.space_id', '=', spaceId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.id', 'desc')
    .execute();
}

export type GuestInvitationRow = Awaited<ReturnType<typeof pendingGuestInvitations>>[number];

/** Whether two people are members of one space together (what opens a profile to a guest). */
export async function shareASpace(db: AnyDb, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('space_members as mine')
    .innerJoin('space_members as theirs', 'theirs.space_id', 'mine.space_id')
    .innerJoin('users', 'users.id', 'theirs.user_id')
    .select('mine.space_id')
    .where('mine.user_id', '=', a)
    .where('theirs.user_id', '=', b)
    .where('users.status', '=', 'active')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Guests in a space, or invited into it (as members, by a pending request or by email). */
export async function hasGuests(db: AnyDb, spaceId: string, now: Date): Promise<boolean> {
  const member = await db
    .selectFrom('space_members')
    .innerJoin('users', 'users.id', 'space_members.user_id')
    .select('users.id')
    .where('space_members.space_id', '=', spaceId)
    .where('users.role', '=', 'guest')
    .limit(1)
    .executeTakeFirst();
  if (member) return true;
  const invited = await db
    .selectFrom('space_requests')
    .innerJoin('users', 'users.id', 'space_requests.user_id')
    .select('users.id')
    .where('space_requests.space_id', '=', spaceId)
    .where('space_requests.status', '=', 'pending')
    .where('users.role', '=', 'guest')
    .limit(1)
    .executeTakeFirst();
  if (invited) return true;
  return (await pendingGuestInvitations(db, spaceId, now)).length > 0;
}

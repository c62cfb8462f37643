import type { z } from 'zod';
import type { InvitationStatus } from '../../../common/schemas/invitations.ts';
import type { Db } from '../../db/database.ts';
import { decodeCursor } from '../../platform/pagination.ts';
import type { Tx } from '../../platform/transaction.ts';

type Status = z.infer<typeof InvitationStatus>;

function withInviter(db: Db | Tx['db']) {
  return db
    .selectFrom('invitations')
    .leftJoin('users as inviter', 'inviter.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('inviter.name as inviter_name');
}

export type InvitationWithInviter = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export function findInvitation(db: Db | Tx['db'], id: string) {
  return withInviter(db).where('invitations.id', '=', id).executeTakeFirst();
}

export function findInvitationByTokenHash(db: Db | Tx['db'], tokenHash: string) {
  return withInviter(db).where('invitations.token_hash', '=', tokenHash).executeTakeFirst();
}

/** Ids are time-ordered (UUIDv7), so "newest first" is "id descending". */
export function listInvitations(
  db: Db,
  filter: { status?: Status; cursor?: string; limit: number },
  now: Date,
) {
  let query = withInviter(db);
  switch (filter.status) {
    case 'accepted':
      query = query.where('invitations.accepted_at', 'is not', null);
      break;
    case 'revoked':
      query = query.where('invitations.revoked_at', 'is not', null);
      break;
    case 'expired':
      query = query
        .where('invitations.accepted_at', 'is', null)
        .where('invitations.revoked_at', 'is', null)
        .where('invitations.expires_at', '<=', now);
      break;
    case 'pending':
      query = query
        .where('invitations.accepted_at', 'is', null)
        .where('invitations.revoked_at', 'is', null)
        .where('invitations.expires_at', '>', now);
      break;
  }
  const after = decodeCursor<string>(filter.cursor, 'string');
  if (after !== undefined) query = query.where('invitations.id', '<', after);
  return query
    .orderBy('invitations.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

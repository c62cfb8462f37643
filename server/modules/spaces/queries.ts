// Reads of spaces, with the viewer's relation to each (role, pending request or invitation)
// in the same query, so the directory costs one round trip per page.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { SpaceMemberQuery, SpaceQuery } from '../../../common/schemas/spaces.ts';
import type { Db } from '../../db/database.ts';
import type { SpaceRole } from '../../db/schema.ts';
import { UUID_RE } from '../../platform/ids.ts';
import { containsPattern, decodeCursor } from '../../platform/pagination.ts';
import type { Tx } from '../../platform/transaction.ts';
import { listableSpaces, type Membership, type Viewer } from './visibility.ts';

type AnyDb = Db | Tx['db'];

function withViewer(db: AnyDb, viewer: Viewer) {
  return db
    .selectFrom('spaces')
    .leftJoin('space_members as mine', (j) =>
      j.onRef('mine.space_id', '=', 'spaces.id').on('mine.user_id', '=', viewer.id),
    )
    .leftJoin('space_requests as pending', (j) =>
      j
        .onRef('pending.space_id', '=', 'spaces.id')
        .on('pending.user_id', '=', viewer.id)
        .on('pending.status', '=', 'pending'),
    )
    .selectAll('spaces')
    .select([
      'mine.role as my_role',
      'pending.kind as pending_kind',
      sql<string>`lower(spaces.name) || '|' || spaces.id`.as('sort_key'),
    ]);
}

export type SpaceWithViewer = Awaited<ReturnType<ReturnType<typeof withViewer>['executeTakeFirstOrThrow']>>;

export const pendingOf = (row: Pick<SpaceWithViewer, 'pending_kind'>) =>
  row.pending_kind === 'request' ? 'requested' : row.pending_kind === 'invitation' ? 'invited' : null;

/** A space by id or slug with the viewer's relation to it (listing rules are the caller's). */
export async function findSpaceByRef(db: AnyDb, viewer: Viewer, ref: string) {
  const byId = UUID_RE.test(ref);
  return withViewer(db, viewer)
    .where(byId ? 'spaces.id' : 'spaces.slug', '=', byId ? ref : ref.toLowerCase())
    .executeTakeFirst();
}

export async function listSpaces(db: Db, viewer: Viewer, query: z.output<typeof SpaceQuery>) {
  // An invitation makes a space known to its invitee, even a secret one.
  let q = withViewer(db, viewer).where((eb) =>
    eb.or([listableSpaces(eb, viewer), eb('pending.kind', '=', 'invitation')]),
  );
  if (query.filter === 'mine') q = q.where('mine.role', 'is not', null);
  if (query.filter === 'invited') q = q.where('pending.kind', '=', 'invitation');
  if (query.type) q = q.where('spaces.type', '=', query.type);
  if (query.q) {
    const pattern = containsPattern(query.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(spaces.name)`, 'like', pattern),
        eb(sql`lower(spaces.description)`, 'like', pattern),
      ]),
    );
  }
  const after = decodeCursor<string>(query.cursor, 'string');
  if (after !== undefined) q = q.where(sql`lower(spaces.name) || '|' || spaces.id`, '>', after);
  return q
    .orderBy(sql`lower(spaces.name) || '|' || spaces.id`)
    .limit(query.limit + 1)
    .execute();
}

export async function membershipOf(db: AnyDb, spaceId: string, userId: string): Promise<Membership> {
  const row = await db
    .selectFrom('space_members')
    .select('role')
    .where('space_id', '=', spaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

const ROLE_ORDER = sql<number>`CASE space_members.role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END`;

export async function listMembers(db: Db, spaceId: string, query: z.output<typeof SpaceMemberQuery>) {
  let q = db
    .selectFrom('space_members')
    .innerJoin('users', 'users.id', 'space_members.user_id')
    .select([
      'users.id',
      'users.name',
      'users.handle',
      'users.job_title',
      'space_members.role',
      'space_members.joined_at',
      sql<string>`${ROLE_ORDER}::text || '|' || lower(users.name) || '|' || users.id`.as('sort_key'),
    ])
    .where('space_members.space_id', '=', spaceId)
    .where('users.status', '=', 'active');
  if (query.q) {
    const pattern = containsPattern(query.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([eb(sql`lower(users.name)`, 'like', pattern), eb('users.handle', 'like', pattern)]),
    );
  }
  const after = decodeCursor<string>(query.cursor, 'string');
  if (after !== undefined)
    q = q.where(sql`${ROLE_ORDER}::text || '|' || lower(users.name) || '|' || users.id`, '>', after);
  return q
    .orderBy(sql`${ROLE_ORDER}::text || '|' || lower(users.name) || '|' || users.id`)
    .limit(query.limit + 1)
    .execute();
}

export async function findMember(db: AnyDb, spaceId: string, userId: string) {
  return db
    .selectFrom('space_members')
    .innerJoin('users', 'users.id', 'space_members.user_id')
    .select([
      'users.id',
      'users.name',
      'users.handle',
      'users.job_title',
      'space_members.role',
      'space_members.joined_at',
    ])
    .where('space_members.space_id', '=', spaceId)
    .where('space_members.user_id', '=', userId)
    .executeTakeFirst();
}

export async function listPendingRequests(db: Db, spaceId: string) {
  return db
    .selectFrom('space_requests as r')
    .innerJoin('users as person', 'person.id', 'r.user_id')
    .innerJoin('users as creator', 'creator.id', 'r.created_by')
    .select([
      'r.id',
      'r.kind',
      'r.message',
      'r.created_at',
      'person.id as person_id',
      'person.name as person_name',
      'person.handle as person_handle',
      'person.job_title as person_job_title',
      'creator.id as creator_id',
      'creator.name as creator_name',
      'creator.handle as creator_handle',
      'creator.job_title as creator_job_title',
    ])
    .where('r.space_id', '=', spaceId)
    .where('r.status', '=', 'pending')
    .orderBy('r.created_at')
    .execute();
}

/** The managers of a space: who hears of join requests. */
export async function managersOf(db: AnyDb, spaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('space_members')
    .select('user_id')
    .where('space_id', '=', spaceId)
    .where('role', 'in', ['owner', 'moderator'] satisfies SpaceRole[])
    .execute();
  return rows.map((r) => r.user_id);
}

// Reading the moderation queue. A case is listed to the owners and moderators of the space its
// content lives in, and to administrators where they may read (moderationPolicy.canWorkCase, in SQL).
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { readableSpaceIds, type Viewer } from '../spaces/visibility.ts';

const moderatedSpaceIds = (eb: ExpressionBuilder<Database, keyof Database>, viewer: Viewer) =>
  eb
    .selectFrom('space_members as mm')
    .select('mm.space_id')
    .where('mm.user_id', '=', viewer.id)
    .where('mm.role', 'in', ['owner', 'moderator']);

function selectCases(db: Db) {
  return db
    .selectFrom('moderation_cases as mc')
    .innerJoin('users as su', 'su.id', 'mc.subject_id')
    .leftJoin('spaces as sp', 'sp.id', 'mc.space_id')
    .leftJoin('posts as tp', (j) => j.onRef('tp.id', '=', 'mc.target_id').on('mc.target_type', '=', 'post'))
    .leftJoin('comments as tc', (j) =>
      j.onRef('tc.id', '=', 'mc.target_id').on('mc.target_type', '=', 'comment'),
    )
    .selectAll('mc')
    .select([
      'su.name as subject_name',
      'su.handle as subject_handle',
      'su.job_title as subject_job_title',
      'sp.slug as space_slug',
      'sp.name as space_name',
      'sp.external as space_external',
      sql<string>`coalesce(tp.body, tc.body, '')`.as('body'),
      sql<string | null>`coalesce(tp.held, tc.held)`.as('held'),
      sql<boolean>`coalesce(tp.deleted_at, tc.deleted_at) is not null`.as('deleted'),
      sql<
        string[]
      >`array(select distinct r.reason from moderation_reports r where r.case_id = mc.id order by 1)`.as(
        'reasons',
      ),
    ]);
}
export type CaseRowFull = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

export function listCases(
  db: Db,
  viewer: Viewer,
  q: { status: 'open' | 'closed'; before?: string | undefined },
) {
  let query = selectCases(db).where('mc.status', '=', q.status);
  query = query.where((eb) =>
    viewer.role === 'admin'
      ? eb.or([eb('mc.space_id', 'is', null), eb('mc.space_id', 'in', readableSpaceIds(eb as never, viewer))])
      : eb('mc.space_id', 'in', moderatedSpaceIds(eb as never, viewer)),
  );
  if (q.before) query = query.where('mc.id', '<', q.before);
  return query.orderBy('mc.id', 'desc').limit(51).execute();
}

export function findCase(db: Db, id: string) {
  return selectCases(db).where('mc.id', '=', id).executeTakeFirst();
}

export function caseReports(db: Db, caseId: string) {
  return db
    .selectFrom('moderation_reports as r')
    .innerJoin('users as u', 'u.id', 'r.reporter_id')
    .select(['r.reason', 'r.details', 'r.created_at', 'u.id', 'u.name', 'u.handle', 'u.job_title'])
    .where('r.case_id', '=', caseId)
    .orderBy('r.id')
    .execute();
}

export function caseHistory(db: Db, caseId: string) {
  return db
    .selectFrom('moderation_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.action', 'e.note', 'e.at', 'u.id', 'u.name', 'u.handle', 'u.job_title'])
    .where('e.case_id', '=', caseId)
    .orderBy('e.id')
    .execute();
}

// Where a held thing lives and who wrote it: the columns both halves of the approval list show.
const PLACE_AND_AUTHOR = [
  's.id as space_id',
  's.slug as space_slug',
  's.name as space_name',
  's.external as space_external',
  'u.id as author_id',
  'u.name as author_name',
  'u.handle as author_handle',
  'u.job_title as author_job_title',
] as const;

/** Held posts and comments waiting for approval where the viewer may approve them. */
export async function listPending(db: Db, viewer: Viewer, spaceId: string | null) {
  // Administrators: the spaces they may read; others: the spaces they moderate.
  const mine =
    viewer.role === 'admin' ? readableSpaceIds(db as never, viewer) : moderatedSpaceIds(db as never, viewer);
  const inScope = spaceId
    ? sql<boolean>`s.id IN (${mine}) AND s.id = ${spaceId}`
    : sql<boolean>`s.id IN (${mine})`;
  const posts = db
    .selectFrom('posts as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .innerJoin('spaces as s', 's.id', 'p.space_id')
    .select([
      sql<'post'>`'post'`.as('kind'),
      'p.id',
      'p.id as post_id',
      'p.body',
      'p.created_at',
      ...PLACE_AND_AUTHOR,
    ])
    .where('p.held', '=', 'pending')
    .where('p.deleted_at', 'is', null)
    .where(inScope)
    .limit(200);
  const comments = db
    .selectFrom('comments as c')
    .innerJoin('posts as p', 'p.id', 'c.post_id')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .innerJoin('spaces as s', 's.id', 'p.space_id')
    .select([
      sql<'comment'>`'comment'`.as('kind'),
      'c.id',
      'p.id as post_id',
      'c.body',
      'c.created_at',
      ...PLACE_AND_AUTHOR,
    ])
    .where('c.held', '=', 'pending')
    .where('c.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where(inScope)
    .limit(200);
  const rows = [...(await posts.execute()), ...(await comments.execute())];
  return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
}

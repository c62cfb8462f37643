// Reads of analytics outside the dashboards themselves: the organisation's settings, what a
// reader may filter on, cohorts, and each person's activity (when the organisation allows it).
import { sql } from 'kysely';
import type { AnyDb, Db } from '../../db/database.ts';
import { readableSpaceIds, type Viewer } from '../spaces/visibility.ts';
import type { DayRange } from './filters.ts';
import type { AnalyticsReader } from './policies.ts';

export async function analyticsSettings(db: Db): Promise<{ minGroup: number; individual: boolean }> {
  const row = await db
    .selectFrom('organisation')
    .select(['analytics_min_group', 'analytics_individual'])
    .orderBy('id')
    .executeTakeFirst();
  return { minGroup: row?.analytics_min_group ?? 5, individual: row?.analytics_individual ?? false };
}

/** People holding the analyst grant whose account is active (the grant of others is dormant). */
export async function listAnalysts(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('analyst', '=', true)
    .where('status', '=', 'active')
    .where('erased_at', 'is', null)
    .where('role', '!=', 'guest')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function refreshedAt(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('analytics_state')
    .select('refreshed_at')
    .where('name', '=', 'rollups')
    .executeTakeFirst();
  return row?.refreshed_at ?? null;
}

export const viewerOf = (r: AnalyticsReader): Viewer => ({ id: r.id, role: r.role });

/** Of these spaces, the ids the reader may read (the visibility rule; an empty list stays empty). */
export async function readableAmong(
  db: AnyDb,
  reader: AnalyticsReader,
  spaceIds: string[],
): Promise<Set<string>> {
  if (spaceIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('spaces')
    .select('id')
    .where('id', 'in', spaceIds)
    .where((eb) => eb('spaces.id', 'in', readableSpaceIds(eb as never, viewerOf(reader))))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The spaces a reader may filter on: a space owner's own spaces; for the organisation's
 * readers, the spaces they may read (never the name of a secret or private space they are
 * not in: administrators get no reading privilege from the visibility rule).
 */
export async function filterableSpaces(db: Db, reader: AnalyticsReader, organisation: boolean) {
  let q = db.selectFrom('spaces').select(['id', 'name', 'type']);
  if (organisation)
    q = q.where((eb) => eb('spaces.id', 'in', readableSpaceIds(eb as never, viewerOf(reader))));
  else if (reader.ownedSpaceIds.length === 0) return [];
  else q = q.where('id', 'in', reader.ownedSpaceIds);
  return q.orderBy('name').orderBy('id').execute();
}

export async function listDepartments(db: Db) {
  return db.selectFrom('departments').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export async function listSites(db: Db) {
  return db.selectFrom('sites').select(['id', 'name']).orderBy('name').orderBy('id').execute();
}

export async function listCohortRows(db: Db, id?: string) {
  let q = db.selectFrom('analytics_cohorts').select(['id', 'name', 'kind', 'updated_at']);
  if (id) q = q.where('id', '=', id);
  return q.orderBy(sql`lower(name)`).orderBy('id').execute();
}
export type CohortRow = Awaited<ReturnType<typeof listCohortRows>>[number];

/** Members of cohorts with their names, and for spaces whether the reader may read them. */
export async function cohortMembers(db: Db, reader: AnalyticsReader, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return db
    .selectFrom('analytics_cohort_members as m')
    .innerJoin('analytics_cohorts as c', 'c.id', 'm.cohort_id')
    .leftJoin('spaces as s', (j) => j.onRef('s.id', '=', 'm.member_id').on('c.kind', '=', 'spaces'))
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'm.member_id').on('c.kind', '=', 'people'))
    .select((eb) => [
      'm.cohort_id',
      'm.member_id',
      'c.kind',
      'u.name as user_name',
      's.name as space_name',
      eb('m.member_id', 'in', readableSpaceIds(eb as never, viewerOf(reader))).as('readable'),
    ])
    .where('m.cohort_id', 'in', cohortIds)
    .orderBy('m.cohort_id')
    .orderBy(sql`coalesce(u.name, s.name)`)
    .orderBy('m.member_id')
    .execute();
}
export type CohortMemberRow = Awaited<ReturnType<typeof cohortMembers>>[number];

export async function findCohort(db: Db, id: string) {
  return db.selectFrom('analytics_cohorts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Each person's activity over the period, people-side filters applied (department, site,
 * people cohort); with place filters, only what they did in those spaces. Active accounts of
 * colleagues, the inactive among them included (with zeros): that is the point of the view.
 */
export async function peopleActivity(
  db: Db,
  f: {
    period: DayRange;
    departmentId: string | null;
    siteId: string | null;
    peopleCohortId: string | null;
    spaceIds: string[] | null;
  },
  page: { offset: number; limit: number } = { offset: 0, limit: 10_000 },
) {
  const inSpaces = f.spaceIds !== null;
  if (inSpaces && f.spaceIds!.length === 0) return [];
  const days = inSpaces
    ? db
        .selectFrom('analytics_space_person_days')
        .select((eb) => [
          'user_id',
          eb.fn.count<string>(sql`DISTINCT day`).as('active_days'),
          eb.fn.sum<string>('posts').as('posts'),
          eb.fn.sum<string>('comments').as('comments'),
          eb.fn.sum<string>('answers').as('answers'),
          eb.fn.sum<string>('reactions').as('reactions'),
          eb.fn.sum<string>('actions').as('actions'),
        ])
        .where('space_id', 'in', f.spaceIds!)
        .where('day', '>=', f.period.from)
        .where('day', '<=', f.period.to)
        .groupBy('user_id')
    : db
        .selectFrom('analytics_person_days')
        .select((eb) => [
          'user_id',
          eb.fn.countAll<string>().as('active_days'),
          eb.fn.sum<string>('posts').as('posts'),
          eb.fn.sum<string>('comments').as('comments'),
          eb.fn.sum<string>('answers').as('answers'),
          eb.fn.sum<string>('reactions').as('reactions'),
          eb.fn.sum<string>('actions').as('actions'),
        ])
        .where('day', '>=', f.period.from)
        .where('day', '<=', f.period.to)
        .groupBy('user_id');
  let q = db
    .selectFrom('users as u')
    .leftJoin(days.as('d'), 'd.user_id', 'u.id')
    .leftJoin('departments as dep', 'dep.id', 'u.department_id')
    .select([
      'u.id',
      'u.name',
      'dep.name as department',
      'd.active_days',
      'd.posts',
      'd.comments',
      'd.answers',
      'd.reactions',
      'd.actions',
    ])
    .where('u.status', '=', 'active')
    .where('u.erased_at', 'is', null)
    .where('u.role', '!=', 'guest');
  if (f.departmentId) q = q.where('u.department_id', '=', f.departmentId);
  if (f.siteId) q = q.where('u.site_id', '=', f.siteId);
  if (f.peopleCohortId)
    q = q.where('u.id', 'in', (eb) =>
      eb
        .selectFrom('analytics_cohort_members')
        .select('member_id')
        .where('cohort_id', '=', f.peopleCohortId!),
    );
  return q
    .orderBy(sql`coalesce(d.actions, 0)`, 'desc')
    .orderBy('u.name')
    .orderBy('u.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}
export type PersonActivityRow = Awaited<ReturnType<typeof peopleActivity>>[number];

/** Of these ids, the spaces the reader may not read (ids that are no space are left out). */
export async function unreadableSpaces(db: Db, reader: AnalyticsReader, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('spaces')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) => eb('spaces.id', 'not in', readableSpaceIds(eb as never, viewerOf(reader))))
    .execute();
  return new Set(rows.map((r) => r.id));
}

// Reads of retention for the admin page.

import type { Db } from '../../db/database.ts';
import { listableSpaceIds, type Viewer } from '../spaces/visibility.ts';

export async function listRules(db: Db) {
  return db
    .selectFrom('retention_rules as r')
    .leftJoin('spaces as s', 's.id', 'r.space_id')
    .leftJoin('users as u', 'u.id', 'r.updated_by')
    .select([
      'r.key',
      'r.scope',
      'r.space_type',
      'r.space_id',
      'r.keep_days',
      'r.updated_at',
      'r.updated_by',
      's.name as space_name',
      's.type as space_kind',
      'u.name as updated_by_name',
    ])
    .orderBy('r.scope')
    .orderBy('s.name')
    .orderBy('r.key')
    .execute();
}
export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export async function findRule(db: Db, key: string): Promise<RuleRow | undefined> {
  return (await listRules(db)).find((r) => r.key === key);
}

/** The spaces an administrator may pick: those they may see exist (a secret space they are not in is not named). */
export async function allSpaces(db: Db, viewer: Viewer) {
  return db
    .selectFrom('spaces')
    .select(['id', 'name', 'type'])
    .where((eb) => eb('spaces.id', 'in', listableSpaceIds(eb as never, viewer)))
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function nextRunAt(db: Db, task: string): Promise<Date | null> {
  const row = await db
    .selectFrom('scheduled_tasks')
    .select('next_run_at')
    .where('name', '=', task)
    .executeTakeFirst();
  return row?.next_run_at ?? null;
}

function holdQuery(db: Db) {
  return db
    .selectFrom('legal_holds as h')
    .leftJoin('users as p', 'p.id', 'h.user_id')
    .leftJoin('spaces as s', 's.id', 'h.space_id')
    .leftJoin('users as pb', 'pb.id', 'h.placed_by')
    .leftJoin('users as rb', 'rb.id', 'h.released_by')
    .select([
      'h.id',
      'h.name',
      'h.reason',
      'h.user_id',
      'h.space_id',
      'h.placed_by',
      'h.placed_at',
      'h.released_by',
      'h.released_at',
      'p.name as person_name',
      's.name as space_name',
      's.type as space_type',
      'pb.name as placed_by_name',
      'rb.name as released_by_name',
    ]);
}
export type HoldRow = Awaited<ReturnType<ReturnType<typeof holdQuery>['execute']>>[number];

export async function listHolds(db: Db): Promise<HoldRow[]> {
  return holdQuery(db)
    .orderBy((eb) => eb.case().when('h.released_at', 'is', null).then(0).else(1).end())
    .orderBy('h.placed_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(500)
    .execute();
}

export async function findHold(db: Db, id: string): Promise<HoldRow | undefined> {
  return holdQuery(db).where('h.id', '=', id).executeTakeFirst();
}

function runQuery(db: Db) {
  return db
    .selectFrom('retention_runs as r')
    .leftJoin('users as u', 'u.id', 'r.requested_by')
    .selectAll('r')
    .select('u.name as requested_by_name');
}
export type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>['execute']>>[number];

export async function listRuns(db: Db, limit = 20): Promise<RunRow[]> {
  return runQuery(db).orderBy('r.started_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
}

export async function findRun(db: Db, id: string): Promise<RunRow | undefined> {
  return runQuery(db).where('r.id', '=', id).executeTakeFirst();
}

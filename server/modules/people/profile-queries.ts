// Reads behind a profile and the org chart: skills with their endorsements, and the
// manager line up and down.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/transaction.ts';
import type { Viewer } from '../spaces/visibility.ts';

type AnyDb = Db | Tx['db'];

/** Endorsers shown by name on each skill; the count covers all of them. */
const ENDORSERS_SHOWN = 5;

export async function listSkills(db: AnyDb, userId: string, viewer: Viewer) {
  const [skills, endorsers] = await Promise.all([
    db
      .selectFrom('user_skills as s')
      .select(['s.key', 's.name'])
      .select((eb) => [
        eb
          .selectFrom('skill_endorsements as e')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('e.user_id', '=', 's.user_id')
          .whereRef('e.key', '=', 's.key')
          .as('endorsements'),
        eb
          .exists(
            eb
              .selectFrom('skill_endorsements as mine')
              .select('mine.key')
              .whereRef('mine.user_id', '=', 's.user_id')
              .whereRef('mine.key', '=', 's.key')
              .where('mine.endorser_id', '=', viewer.id),
          )
          .as('endorsed_by_me'),
      ])
      .where('s.user_id', '=', userId)
      .orderBy('s.position')
      .execute(),
    // The most recent endorsers of each skill, by a window over this person's endorsements.
    db
      .selectFrom((eb) =>
        eb
          .selectFrom('skill_endorsements as e')
          .innerJoin('users as u', 'u.id', 'e.endorser_id')
          .select(['e.key', 'u.id', 'u.name', 'u.handle', 'u.job_title'])
          .select(
            sql<number>`row_number() over (partition by e.key order by e.created_at desc, u.id)`.as('rank'),
          )
          .where('e.user_id', '=', userId)
          .as('ranked'),
      )
      .selectAll()
      .where('rank', '<=', ENDORSERS_SHOWN)
      .orderBy('rank')
      .execute(),
  ]);
  return skills.map((s) => ({
    ...s,
    endorsements: Number(s.endorsements ?? 0),
    endorsed_by_me: Boolean(s.endorsed_by_me),
    endorsers: endorsers.filter((e) => e.key === s.key),
  }));
}

export type SkillRow = Awaited<ReturnType<typeof listSkills>>[number];

/** How many active people report to each of these people. */
export async function reportCounts(db: AnyDb, managerIds: string[]): Promise<Map<string, number>> {
  if (managerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['manager_id', sql<number>`count(*)::int`.as('n')])
    .where('manager_id', 'in', managerIds)
    .where('status', '=', 'active')
    .where('role', '!=', 'guest')
    .groupBy('manager_id')
    .execute();
  return new Map(rows.map((r) => [r.manager_id as string, r.n]));
}

/**
 * The managers above someone, nearest first, whoever they are (the loop check needs them
 * all; the chart leaves guests out). A loop, were one ever written, stops the walk.
 */
export async function managerChain(db: AnyDb, userId: string): Promise<string[]> {
  const rows = await sql<{ id: string; depth: number }>`
    WITH RECURSIVE chain (id, depth, path) AS (
      SELECT manager_id, 1, ARRAY[id] FROM users WHERE id = ${userId} AND manager_id IS NOT NULL
      UNION ALL
      SELECT u.manager_id, c.depth + 1, c.path || u.id
      FROM chain c JOIN users u ON u.id = c.id
      WHERE u.manager_id IS NOT NULL AND NOT u.manager_id = ANY (c.path || u.id)
    )
    SELECT id, depth FROM chain ORDER BY depth`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Active colleagues with active reports and no active manager among colleagues: the top of the chart. */
export function orgRootIds(db: AnyDb) {
  return db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.status', '=', 'active')
    .where('u.role', '!=', 'guest')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('users as m')
            .select('m.id')
            .whereRef('m.id', '=', 'u.manager_id')
            .where('m.status', '=', 'active')
            .where('m.role', '!=', 'guest'),
        ),
      ),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('users as r')
          .select('r.id')
          .whereRef('r.manager_id', '=', 'u.id')
          .where('r.status', '=', 'active')
          .where('r.role', '!=', 'guest'),
      ),
    )
    .execute();
}

export function directReportIds(db: AnyDb, managerId: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('manager_id', '=', managerId)
    .where('status', '=', 'active')
    .where('role', '!=', 'guest')
    .execute();
}

// Reading the ambassador programme: kits, who is in, the kits an employee's audience gets,
// the tracked link behind a code, and the reach figures.
import { sql } from 'kysely';
import type { AnyDb } from '../../db/database.ts';

export function listAllKits(db: AnyDb) {
  return db.selectFrom('ambassador_kits').selectAll().orderBy('created_at', 'desc').execute();
}
export type KitRow = Awaited<ReturnType<typeof listAllKits>>[number];

export function findKit(db: AnyDb, id: string) {
  return db.selectFrom('ambassador_kits').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the kit's audience (departments or sites; none means everyone) includes the person. */
export function isForAudience(kit: KitRow, person: { department_id: string | null; site_id: string | null }) {
  const deps = kit.department_ids;
  const sites = kit.site_ids;
  if (deps.length === 0 && sites.length === 0) return true;
  return (
    (person.department_id !== null && deps.includes(person.department_id)) ||
    (person.site_id !== null && sites.includes(person.site_id))
  );
}

export async function currentKitsFor(db: AnyDb, userId: string, now: Date) {
  const [person, kits] = await Promise.all([
    db
      .selectFrom('users')
      .select(['department_id', 'site_id'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ambassador_kits')
      .selectAll()
      .where('status', '=', 'published')
      .where('starts_at', '<=', now)
      .where('ends_at', '>', now)
      .orderBy('published_at', 'desc')
      .execute(),
  ]);
  return kits.filter((k) => isForAudience(k, person));
}

export async function isOptedIn(db: AnyDb, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('ambassador_members')
    .select('opted_in')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.opted_in ?? false;
}

export async function leaderboardOn(db: AnyDb): Promise<boolean> {
  const row = await db.selectFrom('ambassador_settings').select('leaderboard').executeTakeFirst();
  return row?.leaderboard ?? true;
}

export async function organisationName(db: AnyDb): Promise<string> {
  const row = await db.selectFrom('organisation').select('name').executeTakeFirst();
  return row?.name ?? '';
}

/**
 * The redirect's one round trip: the link of a published kit within its dates, and its click
 * written in the same statement. Nothing comes back (and nothing is written) for any other code.
 */
export async function followLink(db: AnyDb, code: string, now: Date) {
  const result = await sql<{ target_url: string; slug: string; network: string }>`
    WITH l AS (
      SELECT k.target_url, k.slug, l.network, l.code
        FROM ambassador_links l JOIN ambassador_kits k ON k.id = l.kit_id
       WHERE l.code = ${code} AND k.status = 'published' AND k.starts_at <= ${now} AND k.ends_at > ${now}
    ), c AS (
      INSERT INTO ambassador_clicks (code, at) SELECT code, ${now} FROM l
    )
    SELECT target_url, slug, network FROM l`.execute(db);
  return result.rows[0];
}

/** Whether the code names a link at all (a kit archived or past its dates answers 410, not 404). */
export async function linkExists(db: AnyDb, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('ambassador_links')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function leaderboard(db: AnyDb, limit = 10) {
  const clicks = db
    .selectFrom('ambassador_clicks as c')
    .innerJoin('ambassador_links as l2', 'l2.code', 'c.code')
    .select(['l2.user_id', (eb) => eb.fn.countAll<string>().as('clicks')])
    .groupBy('l2.user_id')
    .as('cl');
  const rows = await db
    .selectFrom('ambassador_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .leftJoin(clicks, 'cl.user_id', 'l.user_id')
    .select(['u.id', 'u.name', (eb) => eb.fn.sum<string>('l.shares').as('shares'), 'cl.clicks'])
    .where('u.erased_at', 'is', null)
    .groupBy(['u.id', 'u.name', 'cl.clicks'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, shares: Number(r.shares ?? 0), clicks: Number(r.clicks ?? 0) }))
    .sort((a, b) => b.clicks - a.clicks || b.shares - a.shares || a.name.localeCompare(b.name))
    .slice(0, limit);
}

export async function reachByLink(db: AnyDb) {
  const clicks = db
    .selectFrom('ambassador_clicks')
    .select(['code', (eb) => eb.fn.countAll<string>().as('clicks')])
    .groupBy('code')
    .as('c');
  const rows = await db
    .selectFrom('ambassador_links as l')
    .leftJoin(clicks, 'c.code', 'l.code')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['l.kit_id', 'l.network', 'l.user_id', 'l.shares', 'c.clicks', 'd.name as department'])
    .execute();
  return rows.map((r) => ({ ...r, clicks: Number(r.clicks ?? 0) }));
}

export async function optedInCount(db: AnyDb) {
  const rows = await db
    .selectFrom('ambassador_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select(['m.user_id', 'd.name as department'])
    .where('m.opted_in', '=', true)
    .execute();
  return rows;
}

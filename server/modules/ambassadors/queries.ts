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

// The reach figures, aggregated, ordered and limited by the database: the report never loads
// the links or the clicks themselves. Clicks are counted per link once (`click_counts`), then
// summed per kit × network, per person, and per department.
const clickCounts = sql`click_counts AS (
  SELECT code, count(*)::int AS clicks FROM ambassador_clicks GROUP BY code
)`;
const perPerson = sql`per_person AS (
  SELECT l.user_id, sum(l.shares)::int AS shares, coalesce(sum(c.clicks), 0)::int AS clicks
    FROM ambassador_links l LEFT JOIN click_counts c ON c.code = l.code
   GROUP BY l.user_id
)`;
/** Who takes part: opted in now, or shared at some point. */
const participants = sql`participants AS (
  SELECT user_id FROM ambassador_members WHERE opted_in
  UNION
  SELECT user_id FROM per_person
)`;

/** The top ambassadors by clicks, then shares (erased people left out). */
export async function leaderboard(db: AnyDb, limit = 10) {
  const result = await sql<{ id: string; name: string; shares: number; clicks: number }>`
    WITH ${clickCounts}, ${perPerson}
    SELECT u.id, u.name, p.shares, p.clicks
      FROM per_person p JOIN users u ON u.id = p.user_id
     WHERE u.erased_at IS NULL
     ORDER BY p.clicks DESC, p.shares DESC, u.name, u.id
     LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The kits with the most clicks (then shares), with their totals. */
export async function kitTotals(db: AnyDb, limit = 50) {
  const result = await sql<{
    id: string;
    title: string;
    status: KitRow['status'];
    shares: number;
    clicks: number;
  }>`
    WITH ${clickCounts}
    SELECT k.id, k.title, k.status,
           coalesce(sum(l.shares), 0)::int AS shares, coalesce(sum(c.clicks), 0)::int AS clicks
      FROM ambassador_kits k
      LEFT JOIN ambassador_links l ON l.kit_id = k.id
      LEFT JOIN click_counts c ON c.code = l.code
     GROUP BY k.id
     ORDER BY clicks DESC, shares DESC, k.created_at DESC
     LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** Shares and clicks per network of the given kits, most clicked network first. */
export async function kitNetworks(db: AnyDb, kitIds: string[]) {
  if (kitIds.length === 0) return [];
  const result = await sql<{ kit_id: string; network: string; shares: number; clicks: number }>`
    WITH ${clickCounts}
    SELECT l.kit_id, l.network, sum(l.shares)::int AS shares, coalesce(sum(c.clicks), 0)::int AS clicks
      FROM ambassador_links l LEFT JOIN click_counts c ON c.code = l.code
     WHERE l.kit_id IN (${sql.join(kitIds)})
     GROUP BY l.kit_id, l.network
     ORDER BY clicks DESC, shares DESC, l.network`.execute(db);
  return result.rows;
}

/** Participation by department: the people taking part, their shares and clicks. */
export async function departmentReach(db: AnyDb) {
  const result = await sql<{ name: string | null; ambassadors: number; shares: number; clicks: number }>`
    WITH ${clickCounts}, ${perPerson}, ${participants}
    SELECT d.name, count(*)::int AS ambassadors,
           coalesce(sum(p.shares), 0)::int AS shares, coalesce(sum(p.clicks), 0)::int AS clicks
      FROM participants x
      JOIN users u ON u.id = x.user_id
      LEFT JOIN departments d ON d.id = u.department_id
      LEFT JOIN per_person p ON p.user_id = x.user_id
     GROUP BY d.id, d.name
     ORDER BY ambassadors DESC, clicks DESC, d.name NULLS LAST`.execute(db);
  return result.rows;
}

/** The programme's totals: people taking part, shares, clicks. */
export async function reachTotals(db: AnyDb) {
  const result = await sql<{ ambassadors: number; shares: number; clicks: number }>`
    WITH ${clickCounts}, ${perPerson}, ${participants}
    SELECT (SELECT count(*) FROM participants)::int AS ambassadors,
           (SELECT coalesce(sum(shares), 0) FROM ambassador_links)::int AS shares,
           (SELECT count(*) FROM ambassador_clicks)::int AS clicks`.execute(db);
  return result.rows[0] ?? { ambassadors: 0, shares: 0, clicks: 0 };
}

/** Colleagues holding the communication-manager grant whose account is active (the grant of others is dormant). */
export function listCommunicationManagers(db: AnyDb) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('communication_manager', '=', true)
    .where('status', '=', 'active')
    .where('erased_at', 'is', null)
    .where('role', '!=', 'guest')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

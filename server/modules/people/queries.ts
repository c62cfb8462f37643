// Reads about people. Each returns rows with the department, site and manager joined in,
// ready for the presenters.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Role, UserStatus } from '../../db/schema.ts';
import { containsPattern, decodeCursor } from '../../platform/pagination.ts';
import type { Tx } from '../../platform/transaction.ts';

function withPlaces(db: Db | Tx['db']) {
  return db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.department_id')
    .leftJoin('sites', 'sites.id', 'users.site_id')
    .leftJoin('users as managers', 'managers.id', 'users.manager_id')
    .selectAll('users')
    .select([
      'departments.name as department_name',
      'sites.name as site_name',
      'managers.name as manager_name',
      'managers.handle as manager_handle',
      'managers.job_title as manager_job_title',
    ]);
}

export type UserWithPlaces = Awaited<ReturnType<typeof findUser>> & {};

export function findUser(db: Db | Tx['db'], id: string) {
  return withPlaces(db).where('users.id', '=', id).executeTakeFirst();
}

export async function findUsers(db: Db | Tx['db'], ids: readonly string[]) {
  if (ids.length === 0) return [];
  return withPlaces(db).where('users.id', 'in', ids).execute();
}

export function findUserByEmail(db: Db | Tx['db'], email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

// Directory and admin lists are sorted by name; the cursor is "lower(name) \u0000 id".
const nameKey = sql<string>`lower(users.name) || chr(1) || users.id::text`;

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: UserStatus;
  roles?: Role[];
  departmentId?: string;
  siteId?: string;
  cursor?: string;
  limit: number;
}

export function listUsers(db: Db | Tx['db'], filter: UserFilter) {
  let query = withPlaces(db).select(nameKey.as('sort_key'));
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    query = query.where((eb) =>
      eb.or([eb('users.name', 'ilike', pattern), eb('users.email', 'ilike', pattern)]),
    );
  }
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.roles) query = query.where('users.role', 'in', filter.roles);
  if (filter.status) query = query.where('users.status', '=', filter.status);
  if (filter.departmentId) query = query.where('users.department_id', '=', filter.departmentId);
  if (filter.siteId) query = query.where('users.site_id', '=', filter.siteId);
  const after = decodeCursor<string>(filter.cursor, 'string');
  if (after !== undefined) query = query.where(nameKey, '>', after);
  return query
    .orderBy(nameKey)
    .limit(filter.limit + 1)
    .execute();
}

export function listDepartments(db: Db) {
  return db.selectFrom('departments').select(['id', 'name']).orderBy('name').execute();
}

export function listSites(db: Db) {
  return db.selectFrom('sites').select(['id', 'name']).orderBy('name').execute();
}

/** Active administrators, locked for the rest of the transaction (see change-role). */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

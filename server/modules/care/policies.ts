// Who may do what in customer care: one place. Routes call requireCareAgent / requireCareAdmin;
// lists of people (assignees, recipients of care notifications, the notifications list) use
// worksInbox, the same rule in SQL. The grant is read from the database on each request
// (loadCareReader), never taken from the session, so a withdrawn grant stops at once. Guests
// never see the inbox, whatever flag.
import { type Expression, type SqlBool, sql, type Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database, Role } from '../../db/schema.ts';
import type { Actor } from '../../platform/http/request.ts';
import { authorize, readGrant } from '../../platform/policy.ts';

export interface CareReader {
  id: string;
  role: Role;
  /** users.care_agent, as the database has it now. */
  agent: boolean;
}

export async function loadCareReader(db: Db, actor: Actor): Promise<CareReader> {
  const { role, granted } = await readGrant(db, actor.id, 'care_agent');
  return { id: actor.id, role, agent: granted };
}

const isAdmin = (r: CareReader) => r.role === 'admin';
const works = (r: CareReader) => r.role !== 'guest' && (r.role === 'admin' || r.agent);

export const carePolicy = {
  /** The inbox, its conversations, customers, replies, notes, views, canned replies: agents and administrators. */
  canWorkInbox: works,
  /** Channels, SLA targets, teams, the agent grant: administrators. */
  canConfigure: isAdmin,
};

/** 403 unless the actor works the inbox now. */
export async function requireCareAgent(db: Db, actor: Actor): Promise<void> {
  authorize(
    works(await loadCareReader(db, actor)),
    'Only customer-care agents and administrators work the inbox.',
  );
}

/** 403 unless the actor is an administrator now. */
export async function requireCareAdmin(db: Db, actor: Actor): Promise<void> {
  authorize(isAdmin(await loadCareReader(db, actor)), 'Only administrators configure customer care.');
}

/**
 * canWorkInbox in SQL, over the users row named `alias` ('users' by default): active, not
 * erased, not a guest, and an agent or an administrator.
 */
export function worksInbox(alias = 'users'): Expression<SqlBool> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<SqlBool>`(${col('status')} = 'active' and ${col('erased_at')} is null and ${col('role')} <> 'guest'
    and (${col('care_agent')} or ${col('role')} = 'admin'))`;
}

/** Whether this user works the inbox now (an assignee, a recipient). */
export async function isCareAgent(db: Db | Transaction<Database>, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where(worksInbox())
    .executeTakeFirst();
  return row !== undefined;
}

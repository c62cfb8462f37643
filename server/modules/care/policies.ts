// Who may do what in customer care: one place, applied with authorize() by every care route.
// The grant is read from the database on each request (loadCareReader), never taken from the
// session, so a withdrawn grant stops at once. Guests never see the inbox, whatever flag.
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../platform/http/request.ts';

export interface CareReader {
  id: string;
  role: Role;
  /** users.care_agent, as the database has it now. */
  agent: boolean;
}

export async function loadCareReader(db: Db, actor: Actor): Promise<CareReader> {
  const user = await db
    .selectFrom('users')
    .select(['role', 'care_agent', 'status', 'erased_at'])
    .where('id', '=', actor.id)
    .executeTakeFirst();
  const active = user && user.status === 'active' && !user.erased_at;
  return { id: actor.id, role: active ? user.role : 'guest', agent: Boolean(active && user.care_agent) };
}

const isAdmin = (r: CareReader) => r.role === 'admin';
const works = (r: CareReader) => r.role !== 'guest' && (r.role === 'admin' || r.agent);

export const carePolicy = {
  /** The inbox, its conversations, customers, replies, notes, views, canned replies: agents and administrators. */
  canWorkInbox: works,
  /** Channels, SLA targets, teams, the agent grant: administrators. */
  canConfigure: isAdmin,
};

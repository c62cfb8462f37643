// Policies answer "may this actor do this?" as plain functions, one file per domain
// (modules/<domain>/policies.ts). Routes call authorize() with their answer.
import type { AnyDb } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import { forbidden } from './errors.ts';

export function authorize(allowed: boolean, message?: string): void {
  if (!allowed) throw forbidden(message);
}

/** The per-person grants an administrator gives (a column of users each). */
export type Grant = 'analyst' | 'care_agent' | 'communication_manager';

/**
 * The actor's role and one grant, as the database has them now — never taken from the session,
 * so a withdrawn grant or a deactivated account stops at once. An account that is no longer
 * active counts as a guest without the grant, whatever its session says.
 */
export async function readGrant(
  db: AnyDb,
  actorId: string,
  grant: Grant,
): Promise<{ role: Role; granted: boolean }> {
  const user = await db
    .selectFrom('users')
    .select(['role', 'status', 'erased_at', grant])
    .where('id', '=', actorId)
    .executeTakeFirst();
  const active = user !== undefined && user.status === 'active' && !user.erased_at;
  return { role: active ? user.role : 'guest', granted: active && Boolean(user[grant]) };
}

// Who does what in the ambassador programme: one place, applied with authorize() by every
// ambassadors route. Communication managers are the administrators and the colleagues an
// administrator gave the grant (users.communication_manager); every employee may join and
// share; guests of external spaces are not employees and see nothing of it, whatever flag.
// The grant is read from the database on each request (loadAmbassadorReader), never taken
// from the session, so a withdrawn grant stops at once.
import type { AnyDb } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import type { Actor } from '../../platform/http/request.ts';
import { readGrant } from '../../platform/policy.ts';

export interface AmbassadorReader {
  id: string;
  role: Role;
  /** users.communication_manager, as the database has it now. */
  manager: boolean;
}

export async function loadAmbassadorReader(db: AnyDb, actor: Actor): Promise<AmbassadorReader> {
  const { role, granted } = await readGrant(db, actor.id, 'communication_manager');
  return { id: actor.id, role, manager: granted };
}

export const ambassadorsPolicy = {
  /** Kits (write, publish, archive, their image), the reach report, the leaderboard switch. */
  canManage: (r: AmbassadorReader) => r.role === 'admin' || (r.role !== 'guest' && r.manager),
  /** The programme's page, joining, sharing. */
  canTakePart: (r: Pick<AmbassadorReader, 'role'>) => r.role !== 'guest',
  /** The communication-manager grant: administrators. */
  canGrant: (r: Pick<AmbassadorReader, 'role'>) => r.role === 'admin',
};

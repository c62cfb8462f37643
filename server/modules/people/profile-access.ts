// How much of a profile the reader may see: all of it (colleagues, oneself), the card of
// someone sharing an external space (guests), or nothing. Asked by every profile route,
// the photo included, so a guest learns no one beyond the people of their spaces.
import type { Db } from '../../db/database.ts';
import { shareASpace } from '../external/queries.ts';
import type { Viewer } from '../spaces/visibility.ts';
import { peoplePolicy } from './policies.ts';

export type ProfileAccess = 'full' | 'card' | null;

export async function profileAccess(db: Db, viewer: Viewer, personId: string): Promise<ProfileAccess> {
  if (peoplePolicy.seesFullProfile(viewer, personId)) return 'full';
  const shares = await shareASpace(db, viewer.id, personId);
  return peoplePolicy.canSeeProfile(viewer, personId, shares) ? 'card' : null;
}

// The signed-in person as the web app holds them (GET /me, the session, sign-in): their row,
// and what the navigation may offer them, each decided by the capability's own policy so the
// shell never has to call a route that would refuse most people.
import type { Me } from '../../../common/schemas/session.ts';
import type { Db } from '../../db/database.ts';
import { readsAnalytics } from '../analytics/policies.ts';
import { presentMe } from './presenters.ts';
import { findUser } from './queries.ts';

/** The person's own payload; undefined when there is no such user. */
export async function loadMe(db: Db, userId: string): Promise<Me | undefined> {
  const [user, analytics] = await Promise.all([findUser(db, userId), readsAnalytics(db, userId)]);
  return user ? presentMe(user, { readsAnalytics: analytics }) : undefined;
}

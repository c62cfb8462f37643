// Who reads analytics, and what they may do there: one place, applied with authorize() by
// every analytics route. The reader's grant is read from the database for each request
// (loadReader), never taken from the session, so a withdrawn grant stops at once.
import { type DashboardName, ORGANISATION_DASHBOARDS } from '../../../common/schemas/analytics.ts';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { readGrant } from '../../platform/policy.ts';

export type Audience = 'admin' | 'analyst' | 'space_owner';

export interface AnalyticsReader {
  id: string;
  role: Role;
  /** users.analyst, as the database has it now. */
  analyst: boolean;
  /** Spaces where the reader's role is owner. */
  ownedSpaceIds: string[];
}

export function loadReader(db: Db, actor: Actor): Promise<AnalyticsReader> {
  return readerOf(db, actor.id);
}

async function readerOf(db: Db, userId: string): Promise<AnalyticsReader> {
  const [grant, owned] = await Promise.all([
    readGrant(db, userId, 'analyst'),
    db
      .selectFrom('space_members')
      .select('space_id')
      .where('user_id', '=', userId)
      .where('role', '=', 'owner')
      .orderBy('space_id')
      .execute(),
  ]);
  return {
    id: userId,
    role: grant.role,
    analyst: grant.granted,
    ownedSpaceIds: owned.map((o) => o.space_id),
  };
}

const audience = (r: AnalyticsReader): Audience | null => {
  // Guests (customers, partners) never read the organisation's figures, whatever they own.
  if (r.role === 'guest') return null;
  if (r.role === 'admin') return 'admin';
  if (r.analyst) return 'analyst';
  return r.ownedSpaceIds.length > 0 ? 'space_owner' : null;
};

const sees = (r: AnalyticsReader) => {
  const a = audience(r);
  return a === 'admin' || a === 'analyst';
};
const isAdmin = (r: AnalyticsReader) => audience(r) === 'admin';

export const analyticsPolicy = {
  audience,
  /** Dashboards and the scope: administrators, analysts, and owners for their own spaces. */
  canRead: (r: AnalyticsReader) => audience(r) !== null,
  /** A dashboard: care and ambassadors belong to no space, so not to a space owner. */
  canReadDashboard: (r: AnalyticsReader, name: DashboardName) =>
    (ORGANISATION_DASHBOARDS as readonly string[]).includes(name) ? sees(r) : audience(r) !== null,
  /** The organisation as a whole (every place, every person): administrators and analysts. */
  seesOrganisation: sees,
  /** The ROI estimate and cohorts: administrators and analysts. */
  canReadRoi: sees,
  canManageCohorts: sees,
  /** Settings, the analyst grant, the ROI assumptions, a refresh: administrators. */
  canManage: isAdmin,
  /** One person's activity: administrators, when the organisation allows it. */
  canSeePeople: (r: AnalyticsReader, individualAllowed: boolean) => isAdmin(r) && individualAllowed,
};

/**
 * Whether the person may open Analytics at all (canRead, the rule of the scope and the
 * dashboards), for the signed-in payload: the web's navigation asks this instead of calling a
 * route that refuses most people. Every analytics route still checks for itself.
 */
export async function readsAnalytics(db: Db, userId: string): Promise<boolean> {
  return analyticsPolicy.canRead(await readerOf(db, userId));
}

/** The refusal of people activity to an administrator while the organisation forbids it. */
export const individualOff = () =>
  new AppError(
    403,
    'analytics_individual_off',
    "Individual activity is switched off: an administrator may turn it on in the organisation's analytics settings.",
  );

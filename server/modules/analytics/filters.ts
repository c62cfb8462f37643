// The filters of a dashboard once the route has checked them against what the reader may
// see: every indicator takes this, never the raw query string.
import type { SpaceType } from '../../db/schema.ts';

/** Inclusive UTC days, YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

export interface ResolvedFilters {
  period: DayRange;
  /** The period of the same length just before. */
  previous: DayRange;
  /** People-side filters: only people of this department, this site, this people cohort. */
  departmentId: string | null;
  siteId: string | null;
  peopleCohortId: string | null;
  /**
   * Place-side filters: null counts every place (spaces and outside them); a list counts
   * only actions in those spaces (a space, a space type, a space cohort, or a space owner's
   * own spaces, already resolved to ids; possibly empty).
   */
  spaceIds: string[] | null;
  /**
   * Set when spaceIds are exactly the spaces of this type (the filter was a space type and
   * nothing narrowed it): the roll-ups kept per space type are read instead of each space's.
   */
  spaceType?: SpaceType | null;
  /**
   * Set (by buildDashboard) when the filters name one department, site or people cohort whose
   * group roll-ups are up to date with its members ('department:<id>', …): those are read
   * instead of each member's rows.
   */
  group?: string | null;
  /** The organisation's threshold: no figure for a group of fewer people. */
  minGroup: number;
}

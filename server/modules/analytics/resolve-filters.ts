// From the query string to ResolvedFilters: the period (the last 30 days ending today by
// default, UTC, from the clock), the previous period of the same length, and the filters
// checked against what the reader may see. Every analytics read goes through here, so no
// indicator ever sees a space its reader may not filter on.
import { MAX_PERIOD_DAYS } from '../../../common/schemas/analytics.ts';
import type { Db } from '../../db/database.ts';
import type { SpaceType } from '../../db/schema.ts';
import { forbidden, notFound, ValidationError } from '../../platform/errors.ts';
import type { DayRange, ResolvedFilters } from './filters.ts';
import { type AnalyticsReader, analyticsPolicy } from './policies.ts';
import { readableAmong } from './queries.ts';

export const DEFAULT_PERIOD_DAYS = 30;
const DAY_MS = 86_400_000;

export interface FilterQuery {
  from?: string | undefined;
  to?: string | undefined;
  departmentId?: string | undefined;
  siteId?: string | undefined;
  spaceId?: string | undefined;
  spaceType?: SpaceType | undefined;
  cohortId?: string | undefined;
}

const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The period asked for (defaults filled in from today) and the one just before it. */
export function resolvePeriod(
  query: Pick<FilterQuery, 'from' | 'to'>,
  now: Date,
): { period: DayRange; previous: DayRange } {
  const today = toDay(now.getTime());
  const to = query.to ?? (query.from && query.from > today ? query.from : today);
  const from = query.from ?? toDay(dayMs(to) - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS);
  if (from > to)
    throw new ValidationError([
      { field: 'to', reason: 'invalid', message: 'The period ends before it starts.' },
    ]);
  const days = (dayMs(to) - dayMs(from)) / DAY_MS + 1;
  if (days > MAX_PERIOD_DAYS)
    throw new ValidationError([
      { field: 'from', reason: 'invalid', message: `Choose a period of at most ${MAX_PERIOD_DAYS} days.` },
    ]);
  const previousTo = dayMs(from) - DAY_MS;
  return {
    period: { from, to },
    previous: { from: toDay(previousTo - (days - 1) * DAY_MS), to: toDay(previousTo) },
  };
}

const intersect = (a: string[] | null, b: string[]): string[] => {
  if (a === null) return b;
  const other = new Set(b);
  return a.filter((id) => other.has(id));
};

/**
 * Checks each filter and resolves the place-side ones to space ids. Unknown department, site
 * or cohort: 404. A space the reader may not read is not found either (its existence is not
 * theirs to learn); a space owner may only narrow to spaces they own (403 otherwise).
 */
export async function resolveFilters(
  db: Db,
  reader: AnalyticsReader,
  query: FilterQuery,
  now: Date,
  minGroup: number,
): Promise<ResolvedFilters> {
  const { period, previous } = resolvePeriod(query, now);
  const organisation = analyticsPolicy.seesOrganisation(reader);
  const [department, site, cohort] = await Promise.all([
    query.departmentId
      ? db.selectFrom('departments').select('id').where('id', '=', query.departmentId).executeTakeFirst()
      : null,
    query.siteId
      ? db.selectFrom('sites').select('id').where('id', '=', query.siteId).executeTakeFirst()
      : null,
    query.cohortId
      ? db
          .selectFrom('analytics_cohorts')
          .select(['id', 'kind'])
          .where('id', '=', query.cohortId)
          .executeTakeFirst()
      : null,
  ]);
  if (query.departmentId && !department) throw notFound('Department');
  if (query.siteId && !site) throw notFound('Site');
  if (query.cohortId) {
    // Cohorts belong to the organisation's readers; a space owner has none to choose from.
    if (!organisation) throw forbidden('Cohorts are for administrators and analysts.');
    if (!cohort) throw notFound('Cohort');
  }

  let spaceIds: string[] | null = organisation ? null : [...reader.ownedSpaceIds];
  if (query.spaceId) {
    if (organisation) {
      const readable = await readableAmong(db, reader, [query.spaceId]);
      if (!readable.has(query.spaceId)) throw notFound('Space');
    } else if (!reader.ownedSpaceIds.includes(query.spaceId)) {
      throw forbidden('You may only look at the spaces you own.');
    }
    spaceIds = intersect(spaceIds, [query.spaceId]);
  }
  if (query.spaceType) {
    const ofType = await db.selectFrom('spaces').select('id').where('type', '=', query.spaceType).execute();
    spaceIds = intersect(
      spaceIds,
      ofType.map((s) => s.id),
    );
  }
  let peopleCohortId: string | null = null;
  if (cohort?.kind === 'people') peopleCohortId = cohort.id;
  else if (cohort) {
    const members = await db
      .selectFrom('analytics_cohort_members')
      .select('member_id')
      .where('cohort_id', '=', cohort.id)
      .execute();
    spaceIds = intersect(
      spaceIds,
      members.map((m) => m.member_id),
    );
  }
  return {
    period,
    previous,
    departmentId: department?.id ?? null,
    siteId: site?.id ?? null,
    peopleCohortId,
    spaceIds: spaceIds === null ? null : [...new Set(spaceIds)].sort(),
    // Exactly the type's spaces: nothing else narrowed the place (nor a reader's own spaces).
    spaceType:
      query.spaceType && organisation && !query.spaceId && cohort?.kind !== 'spaces' ? query.spaceType : null,
    minGroup,
  };
}

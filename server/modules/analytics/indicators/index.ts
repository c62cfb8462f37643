// The dashboards: five built from the roll-ups, three from their capability's own tables
// (care, ideas, ambassadors), for resolved filters. Privacy first: when the
// filtered group of people is smaller than the organisation's threshold, no figure at all.
import { sql } from 'kysely';
import type { Dashboard, DashboardName } from '../../../../common/schemas/analytics.ts';
import type { ResolvedFilters } from '../filters.ts';
import { ROI_LINES } from '../roi.ts';
import { adoption } from './adoption.ts';
import { ambassadors } from './ambassadors.ts';
import { care } from './care.ts';
import { collaboration } from './collaboration.ts';
import {
  type Built,
  type DashboardModule,
  type Db,
  groupCondition,
  namedGroup,
  num,
  rows,
  suppressedFigures,
  upToDateGroup,
} from './common.ts';
import { engagement, engagementMeasures } from './engagement.ts';
import { ideas } from './ideas.ts';
import { knowledge, knowledgeMeasures } from './knowledge.ts';
import { participation } from './participation.ts';

export const dashboards: Record<DashboardName, DashboardModule> = {
  adoption,
  participation,
  collaboration,
  knowledge,
  engagement,
  care,
  ideas,
  ambassadors,
};

/** People in the filtered group: active accounts matching the people filters (members of the chosen spaces). */
export async function groupSize(db: Db, f: ResolvedFilters): Promise<number> {
  const [row] = await rows<{ n: unknown }>(
    db,
    sql`SELECT count(*)::int AS n FROM users u WHERE ${groupCondition(f)}`,
  );
  return num(row?.n);
}

/**
 * A module's figures for the filtered group: suppressed when the group is under the
 * threshold, built from the group's own roll-ups when those are up to date.
 */
async function guardedBuild(db: Db, module: DashboardModule, filters: ResolvedFilters) {
  // The figures are built while the group is sized and its roll-ups checked (each a read of
  // the group's members), on the likely answers: big enough, up to date. When either turns
  // out otherwise, that build is dropped unseen: no figure of a group under the threshold
  // leaves here, and a stale group's figures are built again from its members' rows.
  const named = namedGroup(filters);
  const likely = module.build(db, { ...filters, group: named });
  // Dropped builds may fail unobserved; the kept one is awaited below.
  likely.catch(() => {});
  const [size, group] = await Promise.all([groupSize(db, filters), upToDateGroup(db, filters)]);
  const suppressed = size < filters.minGroup;
  let built: Built;
  if (suppressed) {
    await likely.catch(() => {});
    built = { figures: suppressedFigures(module.figures), charts: [], notes: [] };
  } else if (group === named) built = await likely;
  else {
    await likely.catch(() => {});
    built = await module.build(db, { ...filters, group });
  }
  return { size, suppressed, built };
}

export async function buildDashboard(
  db: Db,
  name: DashboardName,
  filters: ResolvedFilters,
  refreshedAt: Date | null,
): Promise<Dashboard> {
  const { size, suppressed, built } = await guardedBuild(db, dashboards[name], filters);
  return {
    dashboard: name,
    period: filters.period,
    previous: filters.previous,
    refreshedAt: refreshedAt ? refreshedAt.toISOString() : null,
    minGroup: filters.minGroup,
    groupSize: size,
    suppressed,
    notes: built.notes,
    figures: built.figures,
    charts: built.charts,
  };
}

/**
 * The figures the ROI estimate multiplies (questions answered, answers accepted, pages
 * reused, posts, comments), read by the functions that give them on the knowledge and
 * engagement dashboards, without the rest of those dashboards.
 */
const measures: DashboardModule = {
  figures: ROI_LINES.map((line) => ({ key: line.figure, unit: 'count' })),
  async build(db, f) {
    const [k, e] = await Promise.all([knowledgeMeasures(db, f), engagementMeasures(db, f)]);
    return { figures: [...k, ...e], charts: [], notes: [] };
  },
};

/** The measured figures of the ROI estimate, by key; every value null when the group is below the threshold. */
export async function measuredFigures(
  db: Db,
  filters: ResolvedFilters,
): Promise<Record<string, number | null>> {
  const { built } = await guardedBuild(db, measures, filters);
  return Object.fromEntries(built.figures.map((fig) => [fig.key, fig.value]));
}

/** Which dashboard shows each measured figure (for the ROI's lines). */
export const FIGURE_DASHBOARD: Record<string, DashboardName> = Object.fromEntries(
  (Object.entries(dashboards) as [DashboardName, DashboardModule][]).flatMap(([name, m]) =>
    m.figures.map((fig) => [fig.key, name] as const),
  ),
);

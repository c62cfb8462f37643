// Analytics over HTTP: what a reader may see, the dashboards, the ROI estimate and its
// assumptions, cohorts, the privacy settings, the analyst grant, individual activity and a
// refresh. Every route loads the reader's grant from the database and asks analyticsPolicy.
import type { FastifyInstance } from 'fastify';
import { api } from '../../../common/api.ts';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/request.ts';
import { route } from '../../platform/http/route.ts';
import { authorize } from '../../platform/policy.ts';
import { enforce } from '../../platform/rate-limit.ts';
import { createCohort, deleteCohort, updateCohort } from './cohorts.ts';
import { recordPeopleViewed, setAnalyst, setAnalyticsSettings, setAssumptions } from './commands.ts';
import { buildDashboard, measuredFigures } from './indicators/index.ts';
import { analyticsPolicy, individualOff, loadReader, type AnalyticsReader as Reader } from './policies.ts';
import { barIds, presentCohort, presentDashboard, presentPersonActivity } from './presenters.ts';
import {
  analyticsSettings,
  cohortMembers,
  filterableSpaces,
  listAnalysts,
  listCohortRows,
  listDepartments,
  listSites,
  peopleActivity,
  refreshedAt,
  unreadableSpaces,
} from './queries.ts';
import { analyticsLimits } from './rate-limits.ts';
import { type FilterQuery, resolveFilters } from './resolve-filters.ts';
import { assumptionRows, estimate } from './roi.ts';
import { refreshRollups } from './rollups/refresh.ts';

export function registerAnalyticsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const limit = (rule: keyof typeof analyticsLimits, actor: Actor) =>
    enforce(ctx.limiter, [[analyticsLimits[rule], actor.id]]);

  /** Resolves the filters of a read the reader is allowed to make. */
  const filtersFor = async (reader: Reader, query: FilterQuery) => {
    const settings = await analyticsSettings(ctx.db);
    return resolveFilters(ctx.db, reader, query, ctx.clock.now(), settings.minGroup);
  };

  const cohortsOf = async (reader: Reader, id?: string) => {
    const rows = await listCohortRows(ctx.db, id);
    const members = await cohortMembers(
      ctx.db,
      reader,
      rows.map((r) => r.id),
    );
    return rows.map((r) => presentCohort(r, members));
  };

  route(app, ctx, api.getAnalyticsScope, async ({ actor }) => {
    const reader = await loadReader(ctx.db, actor);
    const audience = analyticsPolicy.audience(reader);
    authorize(audience !== null, 'Analytics are for administrators, analysts and space owners.');
    const organisation = analyticsPolicy.seesOrganisation(reader);
    const [settings, spaces, departments, sites, cohorts, refreshed] = await Promise.all([
      analyticsSettings(ctx.db),
      filterableSpaces(ctx.db, reader, organisation),
      listDepartments(ctx.db),
      listSites(ctx.db),
      organisation ? listCohortRows(ctx.db) : [],
      refreshedAt(ctx.db),
    ]);
    return {
      audience: audience!,
      spaces,
      departments,
      sites,
      cohorts: cohorts.map((c) => ({ id: c.id, name: c.name, kind: c.kind })),
      minGroup: settings.minGroup,
      individual: analyticsPolicy.canSeePeople(reader, settings.individual),
      canManage: analyticsPolicy.canManage(reader),
      refreshedAt: refreshed?.toISOString() ?? null,
    };
  });

  route(app, ctx, api.getPeopleActivity, async ({ actor, query, meta }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canManage(reader), "Only administrators may see one person's activity.");
    const settings = await analyticsSettings(ctx.db);
    if (!analyticsPolicy.canSeePeople(reader, settings.individual)) throw individualOff();
    await limit('readPerAccount', actor);
    const filters = await resolveFilters(ctx.db, reader, query, ctx.clock.now(), settings.minGroup);
    // One more than the page says whether another follows.
    const rows = await peopleActivity(ctx.db, filters, { offset: query.offset, limit: query.limit + 1 });
    const items = rows.slice(0, query.limit);
    await recordPeopleViewed(ctx.db, { actor, meta, at: ctx.clock.now() }, filters, items.length);
    return {
      period: filters.period,
      items: items.map(presentPersonActivity),
      nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
    };
  });

  route(app, ctx, api.listCohorts, async ({ actor }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canManageCohorts(reader), 'Cohorts are for administrators and analysts.');
    return { items: await cohortsOf(reader) };
  });

  route(app, ctx, api.createCohort, async ({ actor, body, meta }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canManageCohorts(reader), 'Cohorts are for administrators and analysts.');
    await limit('changePerAccount', actor);
    const id = await createCohort(ctx, { actor, reader, meta }, body);
    return (await cohortsOf(reader, id))[0]!;
  });

  route(app, ctx, api.updateCohort, async ({ actor, params, body, meta }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canManageCohorts(reader), 'Cohorts are for administrators and analysts.');
    await limit('changePerAccount', actor);
    await updateCohort(ctx, { actor, reader, meta }, params.id, body);
    const [cohort] = await cohortsOf(reader, params.id);
    if (!cohort) throw notFound('Cohort');
    return cohort;
  });

  route(app, ctx, api.deleteCohort, async ({ actor, params, meta }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canManageCohorts(reader), 'Cohorts are for administrators and analysts.');
    await limit('changePerAccount', actor);
    await deleteCohort(ctx, { actor, reader, meta }, params.id);
  });

  const settingsView = async () => {
    const [settings, analysts] = await Promise.all([analyticsSettings(ctx.db), listAnalysts(ctx.db)]);
    return { ...settings, analysts };
  };

  route(app, ctx, api.getAnalyticsSettings, async ({ actor }) => {
    authorize(analyticsPolicy.canManage(await loadReader(ctx.db, actor)));
    return settingsView();
  });

  route(app, ctx, api.setAnalyticsSettings, async ({ actor, body, meta }) => {
    authorize(analyticsPolicy.canManage(await loadReader(ctx.db, actor)));
    await limit('changePerAccount', actor);
    await setAnalyticsSettings(ctx, { actor, meta }, body);
    return settingsView();
  });

  route(app, ctx, api.setAnalyst, async ({ actor, params, body, meta }) => {
    authorize(analyticsPolicy.canManage(await loadReader(ctx.db, actor)));
    await limit('changePerAccount', actor);
    await setAnalyst(ctx, { actor, meta }, params.id, body.analyst);
  });

  route(app, ctx, api.getDashboard, async ({ actor, params, query }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(
      analyticsPolicy.canRead(reader),
      'Analytics are for administrators, analysts and space owners.',
    );
    authorize(
      analyticsPolicy.canReadDashboard(reader, params.name),
      'This dashboard is for administrators and analysts.',
    );
    await limit('readPerAccount', actor);
    const filters = await filtersFor(reader, query);
    const dashboard = await buildDashboard(ctx.db, params.name, filters, await refreshedAt(ctx.db));
    return presentDashboard(dashboard, await unreadableSpaces(ctx.db, reader, barIds(dashboard)));
  });

  const estimateFor = async (reader: Reader, query: FilterQuery) => {
    const filters = await filtersFor(reader, query);
    const [rows, figures] = await Promise.all([assumptionRows(ctx.db), measuredFigures(ctx.db, filters)]);
    return estimate(
      rows,
      figures,
      filters.period,
      ctx.config.ANALYTICS_CURRENCY,
      analyticsPolicy.canManage(reader),
    );
  };

  route(app, ctx, api.getRoiEstimate, async ({ actor, query }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canReadRoi(reader), 'The ROI estimate is for administrators and analysts.');
    await limit('readPerAccount', actor);
    return estimateFor(reader, query);
  });

  route(app, ctx, api.setRoiAssumptions, async ({ actor, body, meta }) => {
    const reader = await loadReader(ctx.db, actor);
    authorize(analyticsPolicy.canManage(reader), 'Only administrators change the ROI assumptions.');
    await limit('changePerAccount', actor);
    await setAssumptions(ctx, { actor, meta }, body.values);
    return estimateFor(reader, {});
  });

  route(app, ctx, api.refreshAnalytics, async ({ actor }) => {
    authorize(
      analyticsPolicy.canManage(await loadReader(ctx.db, actor)),
      'Only administrators refresh analytics.',
    );
    await limit('refreshPerAccount', actor);
    const done = await refreshRollups(ctx.db, ctx.clock.now());
    return { refreshedAt: done.refreshedAt.toISOString(), days: done.days };
  });
}

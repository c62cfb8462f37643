// Endpoints of analytics: what the reader may see, the five dashboards, the ROI estimate and
// its assumptions, cohorts, the organisation's settings, the analyst grant and a refresh.
import { z } from 'zod';
import { endpoint } from '../endpoint.ts';
import {
  AnalystBody,
  AnalyticsFilters,
  AnalyticsScope,
  AnalyticsSettings,
  AnalyticsSettingsBody,
  AssumptionsBody,
  Cohort,
  CohortBody,
  CohortList,
  CohortUpdateBody,
  Dashboard,
  DashboardName,
  PeopleActivity,
  RefreshResult,
  RoiEstimate,
} from '../schemas/analytics.ts';
import { Id } from '../schemas/primitives.ts';

const tags = ['analytics'];
const IdParams = z.object({ id: Id });

export const analyticsApi = {
  getAnalyticsScope: endpoint({
    method: 'GET',
    path: '/api/v1/analytics',
    operationId: 'getAnalyticsScope',
    tags,
    access: 'signed-in',
    summary:
      'What the reader may see and filter on (administrators, analysts, and space owners for their own spaces).',
    response: AnalyticsScope,
  }),
  getDashboard: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/dashboards/:name',
    operationId: 'getDashboard',
    tags,
    access: 'signed-in',
    summary:
      'One dashboard (adoption, participation, collaboration, knowledge, engagement) for a period and filters, compared with the previous period; figures of groups below the threshold are suppressed.',
    params: z.object({ name: DashboardName }),
    query: AnalyticsFilters,
    response: Dashboard,
  }),
  getRoiEstimate: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/roi',
    operationId: 'getRoiEstimate',
    tags,
    access: 'signed-in',
    summary:
      'The ROI estimate: measured figures times the assumptions, line by line (administrators and analysts).',
    query: AnalyticsFilters,
    response: RoiEstimate,
  }),
  setRoiAssumptions: endpoint({
    method: 'PUT',
    path: '/api/v1/analytics/roi/assumptions',
    operationId: 'setRoiAssumptions',
    tags,
    access: 'signed-in',
    summary: 'Change ROI assumptions by key (administrators; audited).',
    body: AssumptionsBody,
    response: RoiEstimate,
  }),
  getPeopleActivity: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/people',
    operationId: 'getPeopleActivity',
    tags,
    access: 'signed-in',
    summary:
      "Each person's activity over the period (administrators, only when the organisation allows it; audited).",
    query: AnalyticsFilters,
    response: PeopleActivity,
  }),
  listCohorts: endpoint({
    method: 'GET',
    path: '/api/v1/analytics/cohorts',
    operationId: 'listCohorts',
    tags,
    access: 'signed-in',
    summary: 'Pilot cohorts: named groups of spaces or people (administrators and analysts).',
    response: CohortList,
  }),
  createCohort: endpoint({
    method: 'POST',
    path: '/api/v1/analytics/cohorts',
    operationId: 'createCohort',
    tags,
    access: 'signed-in',
    summary: 'Create a cohort (administrators and analysts; audited).',
    body: CohortBody,
    response: Cohort,
    status: 201,
  }),
  updateCohort: endpoint({
    method: 'PUT',
    path: '/api/v1/analytics/cohorts/:id',
    operationId: 'updateCohort',
    tags,
    access: 'signed-in',
    summary: 'Rename a cohort or change its members (administrators and analysts; audited).',
    params: IdParams,
    body: CohortUpdateBody,
    response: Cohort,
  }),
  deleteCohort: endpoint({
    method: 'DELETE',
    path: '/api/v1/analytics/cohorts/:id',
    operationId: 'deleteCohort',
    tags,
    access: 'signed-in',
    summary: 'Delete a cohort (administrators and analysts; audited).',
    params: IdParams,
    response: null,
  }),
  getAnalyticsSettings: endpoint({
    method: 'GET',
    path: '/api/v1/admin/analytics',
    operationId: 'getAnalyticsSettings',
    tags,
    access: 'signed-in',
    summary:
      'The smallest group a figure is shown for, and whether individual activity is visible (administrators).',
    response: AnalyticsSettings,
  }),
  setAnalyticsSettings: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/analytics',
    operationId: 'setAnalyticsSettings',
    tags,
    access: 'signed-in',
    summary: 'Change the analytics privacy settings (administrators; audited).',
    body: AnalyticsSettingsBody,
    response: AnalyticsSettings,
  }),
  setAnalyst: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/users/:id/analyst',
    operationId: 'setAnalyst',
    tags,
    access: 'signed-in',
    summary:
      "Grant or withdraw the analyst grant: reading the organisation's dashboards (administrators; audited).",
    params: IdParams,
    body: AnalystBody,
    response: null,
  }),
  refreshAnalytics: endpoint({
    method: 'POST',
    path: '/api/v1/analytics/refresh',
    operationId: 'refreshAnalytics',
    tags,
    access: 'signed-in',
    summary: 'Bring the roll-ups up to date with the activity log now (administrators).',
    response: RefreshResult,
  }),
};

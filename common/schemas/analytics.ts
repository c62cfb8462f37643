// The analytics contract: filters every dashboard takes, and one generic shape for what a
// dashboard returns (key figures and charts), so the web renders, prints and exports every
// dashboard the same way. Figure and chart keys are stable: they name the definition in
// docs/analytics.md and the label in the web's i18n (analytics.figure.<key>, analytics.chart.<key>).
import { z } from 'zod';
import { DateTime, Id } from './primitives.ts';
import { SpaceType } from './spaces.ts';

/** The dashboards read from the activity roll-ups. */
export const DASHBOARDS = ['adoption', 'participation', 'collaboration', 'knowledge', 'engagement'] as const;
/** The dashboards of capabilities with tables of their own (docs/analytics.md, "Care, ideas, ambassadors"). */
export const DOMAIN_DASHBOARDS = ['care', 'ideas', 'ambassadors'] as const;
/** Dashboards that belong to no space: administrators and analysts only, never a space owner. */
export const ORGANISATION_DASHBOARDS = ['care', 'ambassadors'] as const;
export const DashboardName = z.enum([...DASHBOARDS, ...DOMAIN_DASHBOARDS]);
export type DashboardName = z.infer<typeof DashboardName>;

/** A calendar day, UTC: YYYY-MM-DD. */
export const Day = z.iso.date({ message: 'Enter a date as YYYY-MM-DD.' });

/** At most this many days in one period (a year and a day, so a leap year fits). */
export const MAX_PERIOD_DAYS = 366;

const filterFields = {
  /** First and last day of the period, both included; the last 30 days by default. */
  from: Day.optional(),
  to: Day.optional(),
  departmentId: Id.optional(),
  siteId: Id.optional(),
  spaceId: Id.optional(),
  spaceType: SpaceType.optional(),
  cohortId: Id.optional(),
};

function checkPeriod(v: { from?: string | undefined; to?: string | undefined }, issue: z.RefinementCtx) {
  if (v.from && v.to && v.from > v.to)
    issue.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts.' });
  if (v.from && v.to && (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 + 1 > MAX_PERIOD_DAYS)
    issue.addIssue({
      code: 'custom',
      path: ['to'],
      message: `Choose a period of at most ${MAX_PERIOD_DAYS} days.`,
    });
}

export const AnalyticsFilters = z.object(filterFields).superRefine(checkPeriod);
export type AnalyticsFilters = z.infer<typeof AnalyticsFilters>;

export const Period = z.object({ from: Day, to: Day });

export const FIGURE_UNITS = ['count', 'percent', 'ratio', 'minutes', 'hours', 'days', 'currency'] as const;
export const FigureUnit = z.enum(FIGURE_UNITS);

/**
 * One key figure, with the same figure over the previous period of the same length.
 * `value` is null when it is suppressed (`suppressed`: the group is smaller than the
 * organisation's threshold) or cannot be computed (e.g. a median of no questions).
 */
/**
 * Figures for which a fall is the good news (a delay, a miss, failed searches, concentration
 * of contributions, people who only read): the dashboards colour their change the other way
 * round. Every other figure is better higher.
 */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set([
  'median_days_to_first_contribution',
  'readers_share',
  'gini',
  'median_hours_to_first_answer',
  'searches_no_result',
  'median_first_response_minutes',
  'median_resolution_hours',
  'first_response_breaches',
  'resolution_breaches',
  'negative_share',
  'median_hours_to_decision',
]);

export const Figure = z.object({
  key: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  unit: FigureUnit,
  suppressed: z.boolean(),
});
export type Figure = z.infer<typeof Figure>;

/** A point of a time series: a day (or the Monday of a week) and a value. */
export const SeriesPoint = z.object({ x: Day, y: z.number().nullable() });
export const Line = z.object({ key: z.string(), points: z.array(SeriesPoint) });

/** A labelled item: `label` is data (a department's name) when `id` is set, else an i18n key. */
export const Bar = z.object({
  id: z.string().nullable(),
  label: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  suppressed: z.boolean(),
});

export const Chart = z.discriminatedUnion('type', [
  z.object({ type: z.literal('line'), key: z.string(), unit: FigureUnit, lines: z.array(Line) }),
  z.object({ type: z.literal('bar'), key: z.string(), unit: FigureUnit, bars: z.array(Bar) }),
  z.object({
    type: z.literal('heatmap'),
    key: z.string(),
    unit: FigureUnit,
    /** Rows are who acted, columns whose content it was aimed at. */
    rows: z.array(z.object({ id: z.string().nullable(), label: z.string(), suppressed: z.boolean() })),
    columns: z.array(z.object({ id: z.string().nullable(), label: z.string(), suppressed: z.boolean() })),
    /** cells[row][column]; null where either side is suppressed. */
    cells: z.array(z.array(z.number().nullable())),
  }),
  z.object({
    type: z.literal('lorenz'),
    key: z.string(),
    unit: FigureUnit,
    /** Cumulative share of people (x, 0..1, least active first) and of contributions (y). */
    points: z.array(z.object({ x: z.number(), y: z.number() })),
    gini: z.number().nullable(),
  }),
  z.object({
    type: z.literal('table'),
    key: z.string(),
    unit: FigureUnit,
    /** Column keys (i18n: analytics.column.<key>); rows are values in that order. */
    columns: z.array(z.string()),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  }),
]);
export type Chart = z.infer<typeof Chart>;

export const Dashboard = z.object({
  dashboard: DashboardName,
  period: Period,
  previous: Period,
  /** When the roll-ups last read the activity log (null: never). */
  refreshedAt: DateTime.nullable(),
  /** The organisation's threshold: no figure for a group of fewer people. */
  minGroup: z.number(),
  /** People in the filtered group; figures are suppressed when it is below minGroup. */
  groupSize: z.number().nullable(),
  suppressed: z.boolean(),
  /** Filters that do not apply to some charts of this dashboard (i18n keys), if any. */
  notes: z.array(z.string()),
  figures: z.array(Figure),
  charts: z.array(Chart),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const AnalyticsAudience = z.enum(['admin', 'analyst', 'space_owner']);

/** What the reader may filter on, and what they may see. */
export const AnalyticsScope = z.object({
  audience: AnalyticsAudience,
  /** Space owners: only their own spaces; the space filter is then required to be one of them. */
  spaces: z.array(z.object({ id: z.string(), name: z.string(), type: SpaceType })),
  departments: z.array(z.object({ id: z.string(), name: z.string() })),
  sites: z.array(z.object({ id: z.string(), name: z.string() })),
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['spaces', 'people']) })),
  minGroup: z.number(),
  /** Administrators, when the organisation allows it: one person's activity. */
  individual: z.boolean(),
  canManage: z.boolean(),
  refreshedAt: DateTime.nullable(),
});
export type AnalyticsScope = z.infer<typeof AnalyticsScope>;

export const CohortKind = z.enum(['spaces', 'people']);
export const Cohort = z.object({
  id: z.string(),
  name: z.string(),
  kind: CohortKind,
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Spaces of the cohort the reader may not read: counted, never named (kept on update). */
  hiddenMembers: z.number(),
  updatedAt: DateTime,
});
export type Cohort = z.infer<typeof Cohort>;
export const CohortList = z.object({ items: z.array(Cohort) });
export const CohortBody = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(80, 'Keep the name under 80 characters.'),
  kind: CohortKind,
  memberIds: z.array(Id).min(1, 'Choose at least one member.').max(5000),
});
export const CohortUpdateBody = CohortBody.omit({ kind: true });

/** One ROI assumption: its current value and the default it started from. */
export const Assumption = z.object({
  key: z.string(),
  value: z.number(),
  default: z.number(),
  unit: z.enum(['minutes', 'currency', 'count', 'percent']),
  updatedAt: DateTime.nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

/** A line of the estimate: a measured figure times assumptions, and what it is worth. */
export const RoiLine = z.object({
  key: z.string(),
  /** The measured figure and the dashboard that shows how it is computed. */
  figure: z.object({ key: z.string(), dashboard: DashboardName, value: z.number().nullable() }),
  assumptionKeys: z.array(z.string()),
  /** Hours saved (null when the figure is suppressed). */
  hours: z.number().nullable(),
  amount: z.number().nullable(),
});

export const RoiEstimate = z.object({
  period: Period,
  currency: z.string(),
  assumptions: z.array(Assumption),
  lines: z.array(RoiLine),
  totalHours: z.number().nullable(),
  total: z.number().nullable(),
  canEdit: z.boolean(),
});
export type RoiEstimate = z.infer<typeof RoiEstimate>;

export const AssumptionsBody = z.object({
  values: z.record(z.string(), z.number().min(0, 'Enter zero or more.').max(1_000_000_000)),
});

export const AnalyticsSettings = z.object({
  minGroup: z.number().int().min(1).max(1000),
  individual: z.boolean(),
  /** Who holds the analyst grant (active accounts), for the administrators' pages. */
  analysts: z.array(z.object({ id: z.string(), name: z.string() })),
});
export const AnalyticsSettingsBody = z.object({
  minGroup: z
    .number()
    .int('Enter a whole number.')
    .min(1, 'Enter at least 1.')
    .max(1000, 'Enter at most 1,000.'),
  individual: z.boolean(),
});

export const AnalystBody = z.object({ analyst: z.boolean() });

/** One person's activity over the period (administrators, when the organisation allows it). */
export const PersonActivity = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string().nullable(),
  activeDays: z.number(),
  posts: z.number(),
  comments: z.number(),
  answers: z.number(),
  reactions: z.number(),
  actions: z.number(),
});
/** At most this many people in one page of individual activity (the default page). */
export const MAX_PEOPLE_PAGE = 10_000;
/** The filters, and a page: `offset` people skipped (most active first), at most `limit`. */
export const PeopleActivityQuery = z
  .object({
    ...filterFields,
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PEOPLE_PAGE).default(MAX_PEOPLE_PAGE),
  })
  .superRefine(checkPeriod);
export const PeopleActivity = z.object({
  period: Period,
  items: z.array(PersonActivity),
  /** The offset of the next page, or null on the last one. */
  nextOffset: z.number().nullable(),
});

export const RefreshResult = z.object({ refreshedAt: DateTime, days: z.number() });

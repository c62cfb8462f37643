// The ROI estimate: measured figures (from the roll-ups, over the filtered period) times
// assumptions the administrators may change. Every line names the figure it multiplies and
// the dashboard that shows how that figure is computed, so nobody has to take the total on
// faith. The defaults live here; the table holds only what administrators changed.
import type { z } from 'zod';
import type { Assumption, DashboardName, RoiEstimate } from '../../../common/schemas/analytics.ts';
import type { Db } from '../../db/database.ts';
import { displayName } from '../privacy/former-employee.ts';
import type { DayRange } from './filters.ts';

type Unit = z.infer<typeof Assumption>['unit'];

/** Every assumption, its default and unit; a key not here is refused. */
export const ASSUMPTIONS = {
  /** Minutes a colleague saves when a question of theirs gets an answer (vs. asking around). */
  minutes_per_answer: { default: 20, unit: 'minutes' },
  /** Extra minutes saved when an answer is marked accepted: nobody needs to check it again. */
  minutes_per_accepted_answer: { default: 10, unit: 'minutes' },
  /** Minutes saved each time someone reads a page written by someone else instead of redoing it. */
  minutes_per_reused_page: { default: 15, unit: 'minutes' },
  /** Emails a post in a space replaces (a message to many, the replies it avoids). */
  emails_avoided_per_post: { default: 2, unit: 'count' },
  /** Emails a comment replaces. */
  emails_avoided_per_comment: { default: 0.5, unit: 'count' },
  /** Minutes to write, read and file one email. */
  minutes_per_email: { default: 4, unit: 'minutes' },
  /** The loaded cost of an hour of work, in the configured currency. */
  hour_cost: { default: 45, unit: 'currency' },
} as const satisfies Record<string, { default: number; unit: Unit }>;
export type AssumptionKey = keyof typeof ASSUMPTIONS;
export const ASSUMPTION_KEYS = Object.keys(ASSUMPTIONS) as AssumptionKey[];
export const isAssumptionKey = (key: string): key is AssumptionKey => Object.hasOwn(ASSUMPTIONS, key);

type Values = Record<AssumptionKey, number>;

interface LineDefinition {
  key: string;
  figure: string;
  dashboard: DashboardName;
  assumptions: AssumptionKey[];
  /** Hours saved for one measured unit. */
  hoursPerUnit: (v: Values) => number;
}

/** The lines: figure × hours per unit; every amount is hours × hour_cost. */
export const ROI_LINES: LineDefinition[] = [
  {
    key: 'answered_questions',
    figure: 'questions_answered',
    dashboard: 'knowledge',
    assumptions: ['minutes_per_answer', 'hour_cost'],
    hoursPerUnit: (v) => v.minutes_per_answer / 60,
  },
  {
    key: 'accepted_answers',
    figure: 'answers_accepted',
    dashboard: 'knowledge',
    assumptions: ['minutes_per_accepted_answer', 'hour_cost'],
    hoursPerUnit: (v) => v.minutes_per_accepted_answer / 60,
  },
  {
    key: 'reused_pages',
    figure: 'pages_reused',
    dashboard: 'knowledge',
    assumptions: ['minutes_per_reused_page', 'hour_cost'],
    hoursPerUnit: (v) => v.minutes_per_reused_page / 60,
  },
  {
    key: 'emails_avoided_by_posts',
    figure: 'posts',
    dashboard: 'engagement',
    assumptions: ['emails_avoided_per_post', 'minutes_per_email', 'hour_cost'],
    hoursPerUnit: (v) => (v.emails_avoided_per_post * v.minutes_per_email) / 60,
  },
  {
    key: 'emails_avoided_by_comments',
    figure: 'comments',
    dashboard: 'engagement',
    assumptions: ['emails_avoided_per_comment', 'minutes_per_email', 'hour_cost'],
    hoursPerUnit: (v) => (v.emails_avoided_per_comment * v.minutes_per_email) / 60,
  },
];

const round = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export async function assumptionRows(db: Db) {
  return db
    .selectFrom('analytics_assumptions as a')
    .leftJoin('users as u', 'u.id', 'a.updated_by')
    .select(['a.key', 'a.value', 'a.updated_at', 'a.updated_by', 'u.name as updated_by_name'])
    .execute();
}
type AssumptionRow = Awaited<ReturnType<typeof assumptionRows>>[number];

/** Current values: the administrators' where they set one, the default otherwise. */
export function currentValues(rows: Pick<AssumptionRow, 'key' | 'value'>[]): Values {
  const values = Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, ASSUMPTIONS[k].default])) as Values;
  for (const row of rows) if (isAssumptionKey(row.key)) values[row.key] = Number(row.value);
  return values;
}

/** Computes the estimate from measured figures (null: suppressed or unknown). */
export function estimate(
  rows: AssumptionRow[],
  figures: Record<string, number | null>,
  period: DayRange,
  currency: string,
  canEdit: boolean,
): RoiEstimate {
  const values = currentValues(rows);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const lines = ROI_LINES.map((line) => {
    const value = figures[line.figure] ?? null;
    const hours = value === null ? null : value * line.hoursPerUnit(values);
    return {
      key: line.key,
      figure: { key: line.figure, dashboard: line.dashboard, value },
      assumptionKeys: line.assumptions,
      hours: hours === null ? null : round(hours, 1),
      amount: hours === null ? null : round(hours * values.hour_cost, 2),
    };
  });
  const known = lines.filter((l) => l.hours !== null);
  return {
    period,
    currency,
    assumptions: ASSUMPTION_KEYS.map((key) => {
      const row = byKey.get(key);
      return {
        key,
        value: values[key],
        default: ASSUMPTIONS[key].default,
        unit: ASSUMPTIONS[key].unit,
        updatedAt: row ? row.updated_at.toISOString() : null,
        updatedBy:
          row?.updated_by && row.updated_by_name
            ? { id: row.updated_by, name: displayName(row.updated_by_name) }
            : null,
      };
    }),
    lines,
    totalHours:
      known.length === 0
        ? null
        : round(
            known.reduce((n, l) => n + l.hours!, 0),
            1,
          ),
    total:
      known.length === 0
        ? null
        : round(
            known.reduce((n, l) => n + l.amount!, 0),
            2,
          ),
    canEdit,
  };
}

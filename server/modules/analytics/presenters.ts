// What leaves the server about analytics, per reader: a dashboard never names a space its
// reader may not read (those bars become one "other spaces" bar), a cohort never names such a
// space either (it is counted), and former employees show in the reader's language.
import type { z } from 'zod';
import type { Chart, Cohort, Dashboard, PersonActivity } from '../../../common/schemas/analytics.ts';
import { displayName } from '../privacy/former-employee.ts';
import type { CohortMemberRow, CohortRow, PersonActivityRow } from './queries.ts';

/** The label of the bar that stands for every space the reader may not read (an i18n key). */
export const OTHER_SPACES = 'other_spaces';

type Bar = Extract<Chart, { type: 'bar' }>['bars'][number];

/** Ids a dashboard's bars name: the route checks which of them are spaces the reader may not read. */
export function barIds(dashboard: Dashboard): string[] {
  const ids = new Set<string>();
  for (const chart of dashboard.charts)
    if (chart.type === 'bar') for (const bar of chart.bars) if (bar.id) ids.add(bar.id);
  return [...ids];
}

const sum = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
};

function foldBars(bars: Bar[], hidden: Set<string>): Bar[] {
  const folded = bars.filter((b) => b.id !== null && hidden.has(b.id));
  if (folded.length === 0) return bars;
  const kept = bars.filter((b) => !(b.id !== null && hidden.has(b.id)));
  const suppressed = folded.every((b) => b.suppressed);
  return [
    ...kept,
    {
      id: null,
      label: OTHER_SPACES,
      value: suppressed ? null : sum(folded.map((b) => b.value)),
      previous: suppressed ? null : sum(folded.map((b) => b.previous)),
      suppressed,
    },
  ];
}

/** The dashboard as this reader may see it: bars of `hidden` spaces folded into one. */
export function presentDashboard(dashboard: Dashboard, hidden: Set<string>): Dashboard {
  if (hidden.size === 0) return dashboard;
  return {
    ...dashboard,
    charts: dashboard.charts.map((chart) =>
      chart.type === 'bar' ? { ...chart, bars: foldBars(chart.bars, hidden) } : chart,
    ),
  };
}

export function presentCohort(row: CohortRow, members: CohortMemberRow[]): Cohort {
  const mine = members.filter((m) => m.cohort_id === row.id);
  const shown = row.kind === 'spaces' ? mine.filter((m) => m.readable && m.space_name !== null) : mine;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    members: shown.map((m) => ({
      id: m.member_id,
      name: row.kind === 'spaces' ? m.space_name! : m.user_name ? displayName(m.user_name) : '',
    })),
    hiddenMembers: mine.length - shown.length,
    updatedAt: row.updated_at.toISOString(),
  };
}

const count = (v: string | number | null) => (v === null ? 0 : Number(v));

export function presentPersonActivity(row: PersonActivityRow): z.infer<typeof PersonActivity> {
  return {
    id: row.id,
    name: displayName(row.name),
    department: row.department,
    activeDays: count(row.active_days),
    posts: count(row.posts),
    comments: count(row.comments),
    answers: count(row.answers),
    reactions: count(row.reactions),
    actions: count(row.actions),
  };
}

// Every chart as a table: what "Show as table" displays and what "Download CSV" writes,
// from the same data, so the file says exactly what the screen does.
import type { TFunction } from 'i18next';
import type { Chart } from '../../../common/schemas/analytics.ts';
import { columnLabel, itemLabel, lineLabel } from './labels.ts';

/** A cell: a value, or a value hidden because the group is too small. */
export type TableCell = { value: string | number | null; suppressed?: boolean };

export interface ChartTable {
  columns: string[];
  /** The first cell of each row names it. */
  rows: TableCell[][];
}

const cell = (value: string | number | null, suppressed = false): TableCell =>
  suppressed ? { value: null, suppressed } : { value };

export function chartTable(t: TFunction, chart: Chart): ChartTable {
  switch (chart.type) {
    case 'line': {
      const days = [...new Set(chart.lines.flatMap((line) => line.points.map((p) => p.x)))].sort();
      const byLine = chart.lines.map((line) => new Map(line.points.map((p) => [p.x, p.y])));
      return {
        columns: [t('analytics.table.day'), ...chart.lines.map((line) => lineLabel(t, line.key))],
        rows: days.map((day) => [cell(day), ...byLine.map((values) => cell(values.get(day) ?? null))]),
      };
    }
    case 'bar':
      return {
        columns: [t('analytics.table.item'), t('analytics.table.value'), t('analytics.table.previous')],
        rows: chart.bars.map((bar) => [
          cell(itemLabel(t, bar)),
          cell(bar.value, bar.suppressed),
          cell(bar.previous, bar.suppressed),
        ]),
      };
    case 'heatmap':
      return {
        columns: [t('analytics.table.fromTo'), ...chart.columns.map((column) => itemLabel(t, column))],
        rows: chart.rows.map((row, r) => [
          cell(itemLabel(t, row)),
          ...chart.columns.map((column, c) => {
            const value = chart.cells[r]?.[c] ?? null;
            return cell(value, value === null && (row.suppressed || column.suppressed));
          }),
        ]),
      };
    case 'lorenz':
      return {
        columns: [t('analytics.lorenz.people'), t('analytics.lorenz.contributions')],
        rows: chart.points.map((p) => [cell(p.x), cell(p.y)]),
      };
    case 'table':
      return {
        columns: chart.columns.map((key) => columnLabel(t, key)),
        rows: chart.rows.map((row) => row.map((value) => cell(value))),
      };
  }
}

/** The table as CSV rows: hidden values say so in words rather than leaving a blank. */
export function csvRows(table: ChartTable, suppressedText: string): (string | number | null)[][] {
  return table.rows.map((row) => row.map((c) => (c.suppressed ? suppressedText : c.value)));
}

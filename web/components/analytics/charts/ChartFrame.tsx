import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart, Figure } from '../../../../common/schemas/analytics.ts';
import { Button } from '../../Button.tsx';
import { chartTable, csvRows } from '../chart-table.ts';
import { csvDialect, csvFileName, downloadCsv, toCsv } from '../csv.ts';
import { formatValue } from '../format.ts';
import { chartTitle } from '../labels.ts';
import { BarChart } from './BarChart.tsx';
import { ChartTableView } from './ChartTableView.tsx';
import { Heatmap } from './Heatmap.tsx';
import { LineChart } from './LineChart.tsx';
import { LorenzChart } from './LorenzChart.tsx';

interface ChartFrameProps {
  chart: Chart;
  dashboard: string;
  period: { from: string; to: string };
  minGroup: number;
}

/** A chart with its title, a table view of the same data, and a CSV of it. */
export function ChartFrame({ chart, dashboard, period, minGroup }: ChartFrameProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // A plain table is already a table: nothing to toggle.
  const [asTable, setAsTable] = useState(chart.type === 'table');
  const title = chartTitle(t, chart.key);
  const table = chartTable(t, chart);

  function download() {
    const text = toCsv(
      table.columns,
      csvRows(table, t('analytics.chartUi.notShown')),
      csvDialect(i18n.language),
    );
    downloadCsv(csvFileName(dashboard, chart.key, period.from, period.to), text);
  }

  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={`chart-${chart.key}`}>
      <div className="chart-head">
        <h3 id={`${id}-title`} className="chart-title">
          {title}
        </h3>
        <div className="chart-actions">
          {chart.type === 'table' ? null : (
            <Button type="button" small aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
              {t('analytics.chartUi.showTable')}
              <span className="sr-only">: {title}</span>
            </Button>
          )}
          <Button type="button" small onClick={download}>
            {t('analytics.chartUi.download')}
            <span className="sr-only">: {title}</span>
          </Button>
        </div>
      </div>
      {asTable ? (
        <ChartTableView table={table} unit={chart.unit} caption={title} minGroup={minGroup} />
      ) : (
        <ChartBody chart={chart} title={title} period={period} minGroup={minGroup} />
      )}
    </figure>
  );
}

function ChartBody({
  chart,
  title,
  period,
  minGroup,
}: {
  chart: Chart;
  title: string;
  period: { from: string; to: string };
  minGroup: number;
}) {
  switch (chart.type) {
    case 'line':
      return <LineChart chart={chart} title={title} period={period} />;
    case 'bar':
      return <BarChart chart={chart} title={title} minGroup={minGroup} />;
    case 'heatmap':
      return <Heatmap chart={chart} title={title} minGroup={minGroup} />;
    case 'lorenz':
      return <LorenzChart chart={chart} title={title} />;
    case 'table':
      return null;
  }
}

/** Axis ticks: 0, half and the top of a scale rounded up to a readable number. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (max <= step * power) return step * power;
  return 10 * power;
}

export type UnitFormatter = (value: number | null) => string;

export function useUnitFormatter(unit: Figure['unit']): UnitFormatter {
  const { i18n } = useTranslation();
  return (value) => formatValue(value, unit, i18n.language);
}

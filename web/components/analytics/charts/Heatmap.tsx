import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import { itemLabel } from '../labels.ts';
import { useUnitFormatter } from './ChartFrame.tsx';

type HeatmapData = Extract<Chart, { type: 'heatmap' }>;

const CELL = 44;
const ROW_LABEL = 150;
const COLUMN_LABEL = 110;
/** Five steps from pale to dark: the number in each cell carries the value in print. */
const STEPS = 5;
const LEVELS = [0, 1, 2, 3, 4, 5] as const;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Departments × departments: who acted (rows) on whose content (columns). */
export function Heatmap({ chart, title, minGroup }: { chart: HeatmapData; title: string; minGroup: number }) {
  const { t } = useTranslation();
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const format = useUnitFormatter(chart.unit);
  if (chart.rows.length === 0 || chart.columns.length === 0)
    return <p className="muted">{t('analytics.chartUi.empty')}</p>;
  const max = Math.max(1, ...chart.cells.flat().map((v) => v ?? 0));
  const step = (value: number) => (value <= 0 ? 0 : Math.min(STEPS, Math.ceil((value / max) * STEPS)));
  const W = ROW_LABEL + chart.columns.length * CELL + 4;
  const H = COLUMN_LABEL + chart.rows.length * CELL + 4;
  const hasSuppressed = chart.rows.some((r) => r.suppressed) || chart.columns.some((c) => c.suppressed);
  return (
    <div className="chart-body">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: lets keyboard users scroll a wide matrix */}
      <section className="chart-scroll" tabIndex={0} aria-label={title}>
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="chart-svg heatmap-svg"
          style={{ minWidth: `${Math.min(W, 36 * chart.columns.length + 120)}px` }}
          role="img"
          aria-label={t('analytics.chartUi.heatmapSummary', {
            title,
            rows: chart.rows.length,
            columns: chart.columns.length,
          })}
        >
          <defs>
            <pattern
              id={hatch}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
            </pattern>
          </defs>
          {chart.columns.map((column, c) => (
            <text
              key={column.id ?? column.label}
              className="axis-label"
              transform={`translate(${ROW_LABEL + c * CELL + CELL / 2 + 4},${COLUMN_LABEL - 6}) rotate(-55)`}
            >
              {truncate(itemLabel(t, column), 16)}
            </text>
          ))}
          {chart.rows.map((row, r) => (
            <g key={row.id ?? row.label}>
              <text
                x={ROW_LABEL - 6}
                y={COLUMN_LABEL + r * CELL + CELL / 2 + 4}
                textAnchor="end"
                className="axis-label"
              >
                {truncate(itemLabel(t, row), 20)}
              </text>
              {chart.columns.map((column, c) => {
                const value = chart.cells[r]?.[c] ?? null;
                const x = ROW_LABEL + c * CELL;
                const y = COLUMN_LABEL + r * CELL;
                const hidden = value === null && (row.suppressed || column.suppressed);
                const level = value === null ? 0 : step(value);
                return (
                  <g key={column.id ?? column.label}>
                    <rect
                      x={x + 1}
                      y={y + 1}
                      width={CELL - 2}
                      height={CELL - 2}
                      className={hidden ? 'heat-cell heat-hidden' : `heat-cell heat-${level}`}
                      fill={hidden ? `url(#${hatch})` : undefined}
                    />
                    <text
                      x={x + CELL / 2}
                      y={y + CELL / 2 + 4}
                      textAnchor="middle"
                      className={`heat-value${level >= 4 && !hidden ? ' heat-value-light' : ''}`}
                    >
                      {hidden ? '×' : value === null ? '—' : format(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </section>
      <ul className="chart-legend">
        <li>
          <span className="heat-scale" aria-hidden="true">
            {LEVELS.map((level) => (
              <span key={level} className={`heat-swatch heat-${level}`} />
            ))}
          </span>{' '}
          0 → {format(max)}
        </li>
        {hasSuppressed ? <li>{t('analytics.chartUi.hatched', { count: minGroup })}</li> : null}
      </ul>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import { itemLabel } from '../labels.ts';
import { niceMax, useUnitFormatter } from './ChartFrame.tsx';

type BarChartData = Extract<Chart, { type: 'bar' }>;

const W = 440;
const ROW = 44;
const LABEL = 16;
const BAR = 16;
const VALUE_ROOM = 120;

/**
 * Horizontal bars (long department names fit on a phone): the label above its bar, the
 * value after it, and a black tick where the previous period stood.
 */
export function BarChart({
  chart,
  title,
  minGroup,
}: {
  chart: BarChartData;
  title: string;
  minGroup: number;
}) {
  const { t } = useTranslation();
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const format = useUnitFormatter(chart.unit);
  if (chart.bars.length === 0) return <p className="muted">{t('analytics.chartUi.empty')}</p>;
  const top = niceMax(Math.max(0, ...chart.bars.flatMap((b) => [b.value ?? 0, b.previous ?? 0])));
  const width = (value: number) => (value / top) * (W - VALUE_ROOM);
  const H = chart.bars.length * ROW + 4;
  const hasPrevious = chart.bars.some((b) => b.previous !== null && !b.suppressed);
  const hasSuppressed = chart.bars.some((b) => b.suppressed);
  return (
    <div className="chart-body">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="chart-svg"
        role="img"
        aria-label={t('analytics.chartUi.barSummary', { title, count: chart.bars.length })}
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
        {chart.bars.map((bar, i) => {
          const y = i * ROW + 2;
          const label = itemLabel(t, bar);
          return (
            <g key={bar.id ?? bar.label}>
              <text x={0} y={y + LABEL - 3} className="bar-label">
                {label}
              </text>
              {bar.suppressed ? (
                <>
                  <rect
                    x={0}
                    y={y + LABEL}
                    width={60}
                    height={BAR}
                    fill={`url(#${hatch})`}
                    className="bar-suppressed"
                  />
                  <text x={68} y={y + LABEL + BAR - 4} className="bar-value">
                    {t('analytics.card.notShown', { count: minGroup })}
                  </text>
                </>
              ) : (
                <>
                  <rect
                    x={0}
                    y={y + LABEL}
                    width={Math.max(1, width(bar.value ?? 0))}
                    height={BAR}
                    className="bar"
                  />
                  {bar.previous !== null ? (
                    <line
                      x1={width(bar.previous)}
                      x2={width(bar.previous)}
                      y1={y + LABEL - 3}
                      y2={y + LABEL + BAR + 3}
                      className="previous-marker"
                    />
                  ) : null}
                  <text
                    x={width(Math.max(bar.value ?? 0, bar.previous ?? 0)) + 8}
                    y={y + LABEL + BAR - 4}
                    className="bar-value"
                  >
                    {format(bar.value)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      {hasPrevious || hasSuppressed ? (
        <ul className="chart-legend">
          {hasPrevious ? <li>{t('analytics.chartUi.previousMarker')}</li> : null}
          {hasSuppressed ? <li>{t('analytics.chartUi.hatched', { count: minGroup })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import { formatDate, formatList } from '../../../i18n/format.ts';
import { isPreviousLine, lineLabel } from '../labels.ts';
import { niceMax, useUnitFormatter } from './ChartFrame.tsx';

type LineChartData = Extract<Chart, { type: 'line' }>;

const W = 520;
const H = 220;
const M = { left: 56, right: 12, top: 12, bottom: 28 };

/** Each line has its own colour and its own dash, so it reads in black and white too. */
const STYLES = [
  { className: 'series-0', dash: undefined },
  { className: 'series-1', dash: '2 3' },
  { className: 'series-2', dash: '10 3 2 3' },
  { className: 'series-3', dash: '1 6' },
];
const PREVIOUS = { className: 'series-previous', dash: '6 4' };

export function LineChart({
  chart,
  title,
  period,
}: {
  chart: LineChartData;
  title: string;
  period: { from: string; to: string };
}) {
  const { t, i18n } = useTranslation();
  const format = useUnitFormatter(chart.unit);
  const days = [...new Set(chart.lines.flatMap((line) => line.points.map((p) => p.x)))].sort();
  const values = chart.lines.flatMap((line) => line.points.map((p) => p.y ?? 0));
  if (days.length === 0) return <p className="muted">{t('analytics.chartUi.empty')}</p>;
  // Most series are counts, from zero up; a sentiment runs from −1 to 1, so the axis goes
  // below zero as far as the lowest point needs (a line drawn under the axis otherwise).
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  const bottom = low < 0 ? -niceMax(-low) : 0;
  const top = high > 0 || bottom === 0 ? niceMax(high) : 0;
  const ticks = bottom < 0 ? [...new Set([bottom, 0, top])] : [0, top / 2, top];
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (day: string) =>
    M.left + (days.length === 1 ? plotW / 2 : (days.indexOf(day) / (days.length - 1)) * plotW);
  const y = (value: number) => M.top + plotH - ((value - bottom) / (top - bottom)) * plotH;
  let current = 0;
  const styled = chart.lines.map((line) => {
    const style = isPreviousLine(line.key) ? PREVIOUS : (STYLES[current++ % STYLES.length] ?? PREVIOUS);
    return { line, style, label: lineLabel(t, line.key) };
  });
  const summary = t('analytics.chartUi.lineSummary', {
    title,
    lines: formatList(
      styled.map((s) => s.label),
      i18n.language,
    ),
    from: formatDate(`${period.from}T12:00:00Z`, i18n.language),
    to: formatDate(`${period.to}T12:00:00Z`, i18n.language),
  });
  const tickDays = days.length > 2 ? [days[0], days[Math.floor(days.length / 2)], days.at(-1)] : days;

  return (
    <div className="chart-body">
      <svg viewBox={`0 0 ${W} ${H}`} className="chart-svg" role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} className="grid" />
            <text x={M.left - 6} y={y(tick) + 4} textAnchor="end" className="axis-label">
              {format(tick)}
            </text>
          </g>
        ))}
        {tickDays.map((day, i) =>
          day ? (
            <text
              key={day}
              x={x(day)}
              y={H - 8}
              textAnchor={i === 0 ? 'start' : i === tickDays.length - 1 ? 'end' : 'middle'}
              className="axis-label"
            >
              {formatDate(`${day}T12:00:00Z`, i18n.language)}
            </text>
          ) : null,
        )}
        {styled.map(({ line, style }) => (
          <path
            key={line.key}
            d={pathOf(line.points, x, y)}
            className={`series ${style.className}`}
            strokeDasharray={style.dash}
            fill="none"
          />
        ))}
      </svg>
      <ul className="chart-legend">
        {styled.map(({ line, style, label }) => (
          <li key={line.key}>
            <svg viewBox="0 0 28 8" className="legend-swatch" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="4"
                y2="4"
                className={`series ${style.className}`}
                strokeDasharray={style.dash}
              />
            </svg>
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A path through the points; a missing value lifts the pen. */
function pathOf(
  points: readonly { x: string; y: number | null }[],
  x: (day: string) => number,
  y: (value: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const point of [...points].sort((a, b) => a.x.localeCompare(b.x))) {
    if (point.y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(point.x).toFixed(1)},${y(point.y).toFixed(1)}`;
    pen = true;
  }
  return d;
}

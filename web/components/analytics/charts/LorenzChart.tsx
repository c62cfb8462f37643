import { useTranslation } from 'react-i18next';
import type { Chart } from '../../../../common/schemas/analytics.ts';
import { formatNumber } from '../format.ts';

type LorenzData = Extract<Chart, { type: 'lorenz' }>;

const S = 320;
const M = { left: 44, right: 12, top: 12, bottom: 40 };

/** The Lorenz curve of contributions, the diagonal of perfect equality and the Gini figure. */
export function LorenzChart({ chart, title }: { chart: LorenzData; title: string }) {
  const { t, i18n } = useTranslation();
  const size = S - M.left - M.right;
  const x = (v: number) => M.left + v * size;
  const y = (v: number) => M.top + size - v * size;
  const points = [...chart.points].sort((a, b) => a.x - b.x);
  if (points.length === 0) return <p className="muted">{t('analytics.chartUi.empty')}</p>;
  const withOrigin = points[0]?.x === 0 ? points : [{ x: 0, y: 0 }, ...points];
  const d = withOrigin
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`)
    .join('');
  const gini = chart.gini === null ? '—' : formatNumber(chart.gini, i18n.language, 2);
  const pct = (v: number) => new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(v);
  return (
    <div className="chart-body lorenz">
      <svg
        viewBox={`0 0 ${S} ${S}`}
        className="chart-svg lorenz-svg"
        role="img"
        aria-label={`${title}. ${t('analytics.chartUi.gini', { value: gini })}`}
      >
        <rect x={M.left} y={M.top} width={size} height={size} className="plot-frame" />
        {[0, 0.5, 1].map((v) => (
          <g key={v}>
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" className="axis-label">
              {pct(v)}
            </text>
            <text x={x(v)} y={M.top + size + 16} textAnchor="middle" className="axis-label">
              {pct(v)}
            </text>
          </g>
        ))}
        <line
          x1={x(0)}
          y1={y(0)}
          x2={x(1)}
          y2={y(1)}
          className="series series-previous"
          strokeDasharray="6 4"
        />
        <path d={d} className="series series-0" fill="none" />
        <text x={M.left + size / 2} y={S - 6} textAnchor="middle" className="axis-label">
          {t('analytics.lorenz.people')}
        </text>
      </svg>
      <div>
        <p className="lorenz-gini" data-testid="gini">
          {t('analytics.chartUi.gini', { value: gini })}
        </p>
        <ul className="chart-legend">
          <li>
            <svg viewBox="0 0 28 8" className="legend-swatch" aria-hidden="true">
              <line x1="0" x2="28" y1="4" y2="4" className="series series-0" />
            </svg>
            {t('analytics.lorenz.contributions')}
          </li>
          <li>
            <svg viewBox="0 0 28 8" className="legend-swatch" aria-hidden="true">
              <line x1="0" x2="28" y1="4" y2="4" className="series series-previous" strokeDasharray="6 4" />
            </svg>
            {t('analytics.chartUi.equality')}
          </li>
        </ul>
      </div>
    </div>
  );
}

// Figures in the reader's language (Intl: "1 920 €" in French, "€1,920" in English) and
// the change from the previous period, worded so it does not rely on colour.
import { type FigureUnit, LOWER_IS_BETTER } from '../../../common/schemas/analytics.ts';

type Unit = (typeof FigureUnit.options)[number];

const cache = new Map<string, Intl.NumberFormat>();
function formatter(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.NumberFormat(language, options);
    cache.set(key, found);
  }
  return found;
}

export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return formatter(language, { maximumFractionDigits }).format(value);
}

export function formatMoney(value: number, currency: string, language: string): string {
  try {
    return formatter(language, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${formatNumber(value, language, 0)} ${currency}`;
  }
}

/**
 * A figure with its unit. Percentages arrive as percentages (42.5 → "42,5 %"), as the
 * indicators compute them; minutes, hours and days with one decimal at most.
 */
export function formatValue(value: number | null, unit: Unit, language: string, currency = 'EUR'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent':
      return formatter(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'ratio':
      return formatNumber(value, language, 2);
    case 'minutes':
      return formatter(language, {
        style: 'unit',
        unit: 'minute',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }).format(value);
    case 'hours':
      return formatter(language, {
        style: 'unit',
        unit: 'hour',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }).format(value);
    case 'days':
      return formatter(language, {
        style: 'unit',
        unit: 'day',
        unitDisplay: 'long',
        maximumFractionDigits: 1,
      }).format(value);
    case 'currency':
      return formatMoney(value, currency, language);
    default:
      return formatNumber(value, language, 1);
  }
}

export type Trend = 'up' | 'down' | 'same';

export interface Change {
  trend: Trend;
  /** The change, formatted: "+12 %" (relative), or "+3 points" worth for a percentage. */
  amount: string;
  /** Percentage-point change (unit percent) rather than a relative one. */
  points: boolean;
}

/**
 * Whether a figure's change is good news (`good`), bad news (`bad`) or none (`same`): a rise is
 * good unless the figure is one where lower is better (LOWER_IS_BETTER: delays, misses…).
 */
export function changeTone(key: string, trend: Trend): 'good' | 'bad' | 'same' {
  if (trend === 'same') return 'same';
  return (trend === 'up') !== LOWER_IS_BETTER.has(key) ? 'good' : 'bad';
}

/** The change from the previous period, or null when there is nothing to compare with. */
export function changeFrom(
  value: number | null,
  previous: number | null,
  unit: Unit,
  language: string,
): Change | null {
  if (value === null || previous === null) return null;
  if (unit === 'percent') {
    const diff = value - previous;
    const trend: Trend = Math.abs(diff) < 0.05 ? 'same' : diff > 0 ? 'up' : 'down';
    return {
      trend,
      amount: formatter(language, { maximumFractionDigits: 1, signDisplay: 'never' }).format(diff),
      points: true,
    };
  }
  if (previous === 0) return value === 0 ? { trend: 'same', amount: '0 %', points: false } : null;
  const ratio = (value - previous) / Math.abs(previous);
  const trend: Trend = Math.abs(ratio) < 0.0005 ? 'same' : ratio > 0 ? 'up' : 'down';
  return {
    trend,
    amount: formatter(language, {
      style: 'percent',
      maximumFractionDigits: 1,
      signDisplay: 'never',
    }).format(ratio),
    points: false,
  };
}

/** "fewer_than_five" → "Fewer than five": a readable fallback for a key with no label yet. */
export function humanise(key: string): string {
  const words = key.replace(/[_.-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

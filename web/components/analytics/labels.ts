// Names of figures, charts, lines, bars and columns: the dashboards send stable keys, the
// catalogue words them (analytics.figure.<key>.label, analytics.chart.<key>, …). A key the
// catalogue does not know yet still reads as words rather than as a raw key.
import type { TFunction } from 'i18next';
import type { AnalyticsScope } from '../../../common/schemas/analytics.ts';
import { isApiError } from '../../api/client.ts';
import { errorMessage, translateDynamic } from '../../i18n/messages.ts';
import { humanise } from './format.ts';

const SAFE_KEY = /^[a-z0-9_]+$/i;

function lookup(t: TFunction, prefix: string, key: string, fallback: string): string {
  return SAFE_KEY.test(key) ? translateDynamic(t, `${prefix}.${key}`, fallback) : fallback;
}

export function figureLabel(t: TFunction, key: string): string {
  return SAFE_KEY.test(key)
    ? translateDynamic(t, `analytics.figure.${key}.label`, humanise(key))
    : humanise(key);
}

/** The one-paragraph definition of a figure (docs/analytics.md), or null if none yet. */
export function figureDefinition(t: TFunction, key: string): string | null {
  if (!SAFE_KEY.test(key)) return null;
  const text = translateDynamic(t, `analytics.figure.${key}.definition`, '');
  return text === '' ? null : text;
}

export function chartTitle(t: TFunction, key: string): string {
  return lookup(t, 'analytics.chart', key, figureLabel(t, key));
}

/** A line of a line chart: its own label, else the figure of the same key. */
export function lineLabel(t: TFunction, key: string): string {
  return lookup(t, 'analytics.line', key, figureLabel(t, key));
}

/** A bar, row or column: data (a department's name) when it has an id, else a key. */
export function itemLabel(t: TFunction, item: { id: string | null; label: string }): string {
  return item.id !== null ? item.label : lookup(t, 'analytics.label', item.label, humanise(item.label));
}

export function columnLabel(t: TFunction, key: string): string {
  return lookup(t, 'analytics.column', key, humanise(key));
}

export function noteText(t: TFunction, key: string): string {
  return lookup(t, 'analytics.note', key, humanise(key));
}

/** A previous-period line is drawn dashed: by convention its key names the previous period. */
export function isPreviousLine(key: string): boolean {
  return key === 'previous' || key.startsWith('previous_') || key.endsWith('_previous');
}

/**
 * Why a dashboard or the ROI did not load. A space owner who reaches past their spaces (an
 * address naming another space, a view of the organisation) is told why, not just refused.
 */
export function readErrorText(t: TFunction, error: unknown, audience: AnalyticsScope['audience']): string {
  return audience === 'space_owner' && isApiError(error, 'forbidden')
    ? t('analytics.dashboard.ownerForbidden')
    : errorMessage(t, error);
}

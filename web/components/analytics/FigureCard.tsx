import { useTranslation } from 'react-i18next';
import type { Figure } from '../../../common/schemas/analytics.ts';
import { changeFrom, changeTone, formatValue } from './format.ts';
import { figureDefinition, figureLabel } from './labels.ts';

const ARROWS = { up: '↑', down: '↓', same: '→' } as const;

/**
 * One key figure: its value, the previous period's, and the change in words and an arrow
 * (never colour alone; green when the change is good news, red when bad: LOWER_IS_BETTER); a
 * disclosure says how it is computed.
 */
export function FigureCard({ figure, minGroup }: { figure: Figure; minGroup: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const label = figureLabel(t, figure.key);
  const change = figure.suppressed ? null : changeFrom(figure.value, figure.previous, figure.unit, language);
  const changeText = change
    ? change.trend === 'same'
      ? t('analytics.card.same')
      : t(`analytics.card.${change.trend}${change.points ? 'Points' : ''}`, { amount: change.amount })
    : null;
  const tone = change ? changeTone(figure.key, change.trend) : 'same';
  return (
    <article className="figure-card" data-testid={`figure-${figure.key}`} data-suppressed={figure.suppressed}>
      <h3 className="figure-label">{label}</h3>
      {figure.suppressed ? (
        <p className="figure-suppressed">{t('analytics.card.notShown', { count: minGroup })}</p>
      ) : (
        <>
          <p className="figure-value" data-testid="figure-value">
            {formatValue(figure.value, figure.unit, language)}
          </p>
          {changeText ? (
            <p className={`figure-change figure-change-${tone}`} data-tone={tone}>
              <span aria-hidden="true">{ARROWS[change?.trend ?? 'same']} </span>
              {changeText}
            </p>
          ) : null}
          <p className="figure-previous">
            {figure.previous === null
              ? t('analytics.card.noPrevious')
              : t('analytics.card.previous', { value: formatValue(figure.previous, figure.unit, language) })}
          </p>
        </>
      )}
      <details className="figure-definition">
        <summary>
          {t('analytics.card.howComputed')}
          <span className="sr-only"> {label}</span>
        </summary>
        <p>{figureDefinition(t, figure.key) ?? t('analytics.card.noDefinition')}</p>
      </details>
    </article>
  );
}

import { describe, expect, it } from 'vitest';
import { changeFrom, changeTone, formatMoney, formatValue, humanise } from './format.ts';

// Intl separates French thousands with a narrow no-break space and puts a no-break space
// before % and €: the tests spell them out.
const NNBSP = '\u202F';
const NBSP = '\u00A0';

describe('formatValue', () => {
  it('formats each unit in the reader language', () => {
    expect(formatValue(1234.56, 'count', 'en')).toBe('1,234.6');
    expect(formatValue(1234, 'count', 'fr')).toBe(`1${NNBSP}234`);
    expect(formatValue(42.5, 'percent', 'en')).toBe('42.5%');
    expect(formatValue(42.5, 'percent', 'fr')).toBe(`42,5${NBSP}%`);
    expect(formatValue(null, 'count', 'en')).toBe('—');
    expect(formatValue(1920, 'currency', 'fr')).toBe(`1${NNBSP}920${NBSP}€`);
    expect(formatValue(1.234, 'ratio', 'en')).toBe('1.23');
  });

  it('formats money without cents', () => {
    expect(formatMoney(1920.4, 'EUR', 'en')).toBe('€1,920');
  });
});

describe('changeFrom', () => {
  it('gives the size of the change and its direction (the words carry the sign)', () => {
    expect(changeFrom(120, 100, 'count', 'en')).toEqual({ trend: 'up', amount: '20%', points: false });
    expect(changeFrom(80, 100, 'count', 'en')).toEqual({ trend: 'down', amount: '20%', points: false });
    expect(changeFrom(100, 100, 'count', 'en')).toMatchObject({ trend: 'same' });
  });

  it('speaks in points for percentages, and says nothing without a base', () => {
    expect(changeFrom(50, 45, 'percent', 'en')).toEqual({ trend: 'up', amount: '5', points: true });
    expect(changeFrom(5, 0, 'count', 'en')).toBeNull();
    expect(changeFrom(null, 3, 'count', 'en')).toBeNull();
  });
});

describe('humanise', () => {
  it('reads a key as words', () => {
    expect(humanise('questions_answered')).toBe('Questions answered');
  });
});

describe('changeTone', () => {
  it('calls a rise good news, and a fall bad news, for most figures', () => {
    expect(changeTone('active_people', 'up')).toBe('good');
    expect(changeTone('questions_answered', 'down')).toBe('bad');
    expect(changeTone('posts', 'same')).toBe('same');
  });
  it('turns it round where lower is better: delays, misses, failed searches, concentration', () => {
    for (const key of [
      'median_hours_to_first_answer',
      'median_first_response_minutes',
      'searches_no_result',
      'gini',
      'readers_share',
      'resolution_breaches',
    ]) {
      expect(changeTone(key, 'up'), key).toBe('bad');
      expect(changeTone(key, 'down'), key).toBe('good');
    }
  });
});

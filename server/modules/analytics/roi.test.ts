import { describe, expect, it } from 'vitest';
import { FIGURE_DASHBOARD } from './indicators/index.ts';
import { ASSUMPTIONS, estimate, ROI_LINES } from './roi.ts';

const period = { from: '2026-03-01', to: '2026-03-30' };

describe('ROI estimate', () => {
  it('names, for each line, a figure the dashboards measure and assumptions that exist', () => {
    for (const line of ROI_LINES) {
      expect([line.key, FIGURE_DASHBOARD[line.figure]]).toEqual([line.key, line.dashboard]);
      for (const key of line.assumptions) expect(Object.hasOwn(ASSUMPTIONS, key)).toBe(true);
      expect(line.assumptions).toContain('hour_cost');
    }
  });

  it('multiplies figures by the defaults, and leaves a suppressed figure out of the total', () => {
    const result = estimate(
      [],
      { questions_answered: 30, answers_accepted: null, pages_reused: 12, posts: 90, comments: 0 },
      period,
      'EUR',
      false,
    );
    const byKey = Object.fromEntries(result.lines.map((l) => [l.key, l]));
    expect(byKey.answered_questions).toMatchObject({ hours: 10, amount: 450 });
    expect(byKey.accepted_answers).toMatchObject({ hours: null, amount: null });
    expect(byKey.reused_pages).toMatchObject({ hours: 3, amount: 135 });
    expect(byKey.emails_avoided_by_posts).toMatchObject({ hours: 12, amount: 540 });
    expect(result).toMatchObject({ totalHours: 25, total: 1125, currency: 'EUR' });
  });

  it('uses what administrators changed, and says who changed it', () => {
    const at = new Date('2026-03-02T10:00:00Z');
    const result = estimate(
      [{ key: 'hour_cost', value: '60', updated_at: at, updated_by: 'u1', updated_by_name: 'Alice' }],
      { questions_answered: 3 },
      period,
      'CHF',
      true,
    );
    expect(result.lines[0]).toMatchObject({ hours: 1, amount: 60 });
    expect(result.assumptions.find((a) => a.key === 'hour_cost')).toEqual({
      key: 'hour_cost',
      value: 60,
      default: 45,
      unit: 'currency',
      updatedAt: at.toISOString(),
      updatedBy: { id: 'u1', name: 'Alice' },
    });
    expect(result.total).toBe(60);
  });
});

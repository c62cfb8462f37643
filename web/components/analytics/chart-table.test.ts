import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { chartTable, csvRows } from './chart-table.ts';
import { ENGLISH_CSV, toCsv } from './csv.ts';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  t = instance.getFixedT('en');
});

describe('chartTable', () => {
  it('lays a line chart out by day, one column per line', () => {
    const table = chartTable(t, {
      type: 'line',
      key: 'active_people',
      unit: 'count',
      lines: [
        {
          key: 'active_people',
          points: [
            { x: '2026-11-02', y: 4 },
            { x: '2026-11-01', y: 3 },
          ],
        },
        { key: 'active_people_previous', points: [{ x: '2026-11-01', y: 2 }] },
      ],
    });
    expect(table.rows.map((row) => row.map((c) => c.value))).toEqual([
      ['2026-11-01', 3, 2],
      ['2026-11-02', 4, null],
    ]);
    expect(table.columns[0]).toBe('Day');
  });

  it('marks suppressed cells of a heatmap and writes them in words in the CSV', () => {
    const table = chartTable(t, {
      type: 'heatmap',
      key: 'cross_department',
      unit: 'count',
      rows: [
        { id: 'a', label: '=Sales', suppressed: false },
        { id: 'b', label: 'Tiny', suppressed: true },
      ],
      columns: [{ id: 'a', label: '=Sales', suppressed: false }],
      cells: [[7], [null]],
    });
    expect(table.rows[1]?.[1]).toEqual({ value: null, suppressed: true });
    const text = toCsv(table.columns, csvRows(table, 'Not shown'), ENGLISH_CSV);
    expect(text).toContain(`"'=Sales",7\r\n"Tiny","Not shown"\r\n`);
  });
});

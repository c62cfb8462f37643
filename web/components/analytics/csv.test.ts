import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFileName, toCsv } from './csv.ts';

describe('csvCell', () => {
  it('quotes text and doubles quotes inside it', () => {
    expect(csvCell('Ventes')).toBe('"Ventes"');
    expect(csvCell('Say "hi", twice')).toBe('"Say ""hi"", twice"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+33 1 23')).toBe('"\'+33 1 23"');
    expect(csvCell('-1+2')).toBe('"\'-1+2"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\tcmd')).toBe('"\'\tcmd"');
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('writes numbers as numbers and nothing for missing values', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const text = toCsv(
      ['Département', 'Valeur'],
      [
        ['Comptabilité', 12],
        ['Ressources humaines', null],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('"Département","Valeur"\r\n"Comptabilité",12\r\n"Ressources humaines",\r\n');
  });

  it('writes only the header when there is no row', () => {
    expect(toCsv(['Day'], [])).toBe(`${BOM}"Day"\r\n`);
  });
});

describe('csvFileName', () => {
  it('names the dashboard, the chart and the period', () => {
    expect(csvFileName('adoption', 'active_people', '2026-11-01', '2026-11-30')).toBe(
      'trame-adoption-active-people-2026-11-01-2026-11-30.csv',
    );
    expect(csvFileName('Knowledge', '../../etc', '2026-01-01', '2026-01-31')).toBe(
      'trame-knowledge-etc-2026-01-01-2026-01-31.csv',
    );
  });
});

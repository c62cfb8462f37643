import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvDialect, csvFileName, ENGLISH_CSV, FRENCH_CSV, toCsv } from './csv.ts';

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

  it('writes a decimal comma in the French dialect, and the guard still applies', () => {
    expect(csvCell(3.5, FRENCH_CSV)).toBe('3,5');
    expect(csvCell(-1250.75, FRENCH_CSV)).toBe('-1250,75');
    expect(csvCell(42, FRENCH_CSV)).toBe('42');
    expect(csvCell('-1+2', FRENCH_CSV)).toBe('"\'-1+2"');
    expect(csvCell('3.5', FRENCH_CSV)).toBe('"3.5"');
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
      ENGLISH_CSV,
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe('"Département","Valeur"\r\n"Comptabilité",12\r\n"Ressources humaines",\r\n');
  });

  it('writes only the header when there is no row', () => {
    expect(toCsv(['Day'], [], ENGLISH_CSV)).toBe(`${BOM}"Day"\r\n`);
  });

  it('writes commas between cells and a decimal point in English', () => {
    const text = toCsv(
      ['Day', 'Rate', 'People'],
      [
        ['1 Nov 2026', 12.5, 1200],
        ['2 Nov 2026', -0.25, null],
      ],
      csvDialect('en'),
    );
    expect(text).toBe(`${BOM}"Day","Rate","People"\r\n"1 Nov 2026",12.5,1200\r\n"2 Nov 2026",-0.25,\r\n`);
  });

  it('writes semicolons between cells and a decimal comma in French, for French Excel', () => {
    const text = toCsv(
      ['Jour', 'Taux', 'Personnes, actives'],
      [
        ['1 nov. 2026', 12.5, 1200],
        ['2 nov. 2026', -0.25, null],
        ['=cmd|calc', 3, 0.5],
      ],
      csvDialect('fr'),
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1)).toBe(
      '"Jour";"Taux";"Personnes, actives"\r\n' +
        '"1 nov. 2026";12,5;1200\r\n' +
        '"2 nov. 2026";-0,25;\r\n' +
        // The formula guard holds in either dialect.
        '"\'=cmd|calc";3;0,5\r\n',
    );
  });
});

describe('csvDialect', () => {
  it('follows the interface language: French gets semicolons and a decimal comma', () => {
    expect(csvDialect('fr')).toEqual(FRENCH_CSV);
    expect(csvDialect('fr-FR')).toEqual({ separator: ';', decimal: ',' });
    expect(csvDialect('en')).toEqual(ENGLISH_CSV);
    expect(csvDialect('en-GB')).toEqual({ separator: ',', decimal: '.' });
    expect(csvDialect(undefined)).toEqual(ENGLISH_CSV);
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

// CSV files built in the browser from the data a chart shows, for Excel and LibreOffice.
// A cell a spreadsheet would read as a formula (= + - @, or a tab or carriage return first)
// gets a leading quote, so a department named "=HYPERLINK(…)" stays text. Numbers we format
// ourselves are written as numbers: a negative figure is not an injection.
// French Excel expects `;` between cells, the comma being its decimal mark: a French reader
// gets that dialect, or the file opens in one column.

export type CsvCell = string | number | null | undefined;

/** What separates cells, and what separates a number's decimals. */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export const ENGLISH_CSV: CsvDialect = { separator: ',', decimal: '.' };
export const FRENCH_CSV: CsvDialect = { separator: ';', decimal: ',' };

/** The dialect of the interface language (i18next's `fr`, `fr-FR`…); English otherwise. */
export function csvDialect(language: string | undefined): CsvDialect {
  return language?.toLowerCase().startsWith('fr') ? FRENCH_CSV : ENGLISH_CSV;
}

/** Excel reads UTF-8 (accents) only when the file starts with a byte order mark. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell, dialect: CsvDialect = ENGLISH_CSV): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    // No thousands separator: a spreadsheet would read "1 234" or "1,234" as text.
    return dialect.decimal === ',' ? String(value).replace('.', ',') : String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/** The whole file: BOM, a header row, then the rows; CRLF line ends as RFC 4180 says. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  dialect: CsvDialect,
): string {
  const lines = [header, ...rows].map((row) =>
    row.map((cell) => csvCell(cell, dialect)).join(dialect.separator),
  );
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** `trame-<dashboard>-<chart>-<from>-<to>.csv`, with only safe characters in each part. */
export function csvFileName(dashboard: string, chart: string, from: string, to: string): string {
  const part = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'data';
  return `trame-${part(dashboard)}-${part(chart)}-${from}-${to}.csv`;
}

/** Offers the text as a file download (browser only). */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

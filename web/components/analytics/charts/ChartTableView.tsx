import { useTranslation } from 'react-i18next';
import type { Figure } from '../../../../common/schemas/analytics.ts';
import { Table } from '../../Table.tsx';
import type { ChartTable, TableCell } from '../chart-table.ts';
import { formatValue } from '../format.ts';

/** The data of a chart as a table (first column names the row); scrolls inside its box. */
export function ChartTableView({
  table,
  unit,
  caption,
  minGroup,
}: {
  table: ChartTable;
  unit: Figure['unit'];
  caption: string;
  minGroup: number;
}) {
  const { t } = useTranslation();
  if (table.rows.length === 0) return <p className="muted">{t('analytics.chartUi.empty')}</p>;
  return (
    <Table caption={caption} columns={table.columns} className="chart-table">
      {table.rows.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional data
        <tr key={r}>
          {row.map((cell, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional data
            <Cell key={c} header={c === 0} cell={cell} unit={unit} minGroup={minGroup} />
          ))}
        </tr>
      ))}
    </Table>
  );
}

function Cell({
  header,
  cell,
  unit,
  minGroup,
}: {
  header: boolean;
  cell: TableCell;
  unit: Figure['unit'];
  minGroup: number;
}) {
  const { t, i18n } = useTranslation();
  const text = cell.suppressed ? (
    <span title={t('analytics.card.notShown', { count: minGroup })}>{t('analytics.chartUi.notShown')}</span>
  ) : typeof cell.value === 'number' ? (
    formatValue(cell.value, unit, i18n.language)
  ) : (
    (cell.value ?? '—')
  );
  if (header) return <th scope="row">{text}</th>;
  return <td className={typeof cell.value === 'number' ? 'num' : undefined}>{text}</td>;
}

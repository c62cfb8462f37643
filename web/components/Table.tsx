import type { ReactNode } from 'react';

interface TableProps {
  /** Names the table for assistive technology; shown only to screen readers. */
  caption: string;
  columns: readonly ReactNode[];
  children: ReactNode;
  className?: string;
}

/** A data table that scrolls sideways on narrow screens instead of breaking the layout. */
export function Table({ caption, columns, children, className }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: lets keyboard users scroll a wide table
    <section className="table-wrap" tabIndex={0} aria-label={caption}>
      <table className={className ? `table ${className}` : 'table'}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed per table
              <th key={index} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

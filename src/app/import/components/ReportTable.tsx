import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';
import { measuredAfterLayout } from '../../shared/virtualLayout';

/** A row of one line of text (`.report-scroller tr`): fixed, so rows are never measured (which lays the page out). */
const ROW_HEIGHT = 36;

/** The box's height before it is laid out (`.report-scroller`'s max-height). */
const VIEW_HEIGHT = 24 * 16;

export interface ReportColumn<T> {
  header: string;
  cell: (item: T) => ReactNode;
  className?: string;
}

interface ReportTableProps<T> {
  items: readonly T[];
  columns: readonly ReportColumn<T>[];
  testId?: string;
  rowTestId?: string;
  rowClassName?: (item: T) => string | undefined;
}

/**
 * A list from the import's check (its issues, the changes cleaning made), in a box of its own height that scrolls.
 * Only the rows in view are drawn: 500 rows of each list laid out at once held up the page for ~100 ms.
 */
export function ReportTable<T>({ items, columns, testId, rowTestId, rowClassName }: ReportTableProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    ...measuredAfterLayout(VIEW_HEIGHT),
  });
  const rows = virtualizer.getVirtualItems();
  // Spacer rows stand for the rows not drawn, so the scroll bar and the columns stay those of the whole table.
  const above = rows[0]?.start ?? 0;
  const below = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);
  return (
    <div ref={scroller} className="table-scroller report-scroller" tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {above > 0 && <tr aria-hidden="true" style={{ height: above }} />}
          {rows.map((row) => {
            const item = items[row.index] as T;
            return (
              <tr key={row.index} data-testid={rowTestId} className={rowClassName?.(item)}>
                {columns.map((column) => (
                  <td key={column.header} className={column.className}>
                    {column.cell(item)}
                  </td>
                ))}
              </tr>
            );
          })}
          {below > 0 && <tr aria-hidden="true" style={{ height: below }} />}
        </tbody>
      </table>
    </div>
  );
}

// Transactions (customer, date, optional amount) read from a table for the clv and segments tasks, with errors that
// name the file, row and column of a bad cell.
import type { Transaction } from '../../src/analytics/summary';
import { dateParser } from './dates';
import { columnIndex, readTable, TableError } from './table';

export interface TransactionColumns {
  file: string;
  id: string;
  date: string;
  amount?: string | undefined;
  /** One character or "ws". */
  delimiter?: string | undefined;
  dateFormat?: string | undefined;
}

export function readTransactions(columns: TransactionColumns): Transaction[] {
  const table = readTable(columns.file, columns.delimiter === undefined ? {} : { delimiter: columns.delimiter });
  const idColumn = columnIndex(table, columns.id);
  const dateColumn = columnIndex(table, columns.date);
  const amountColumn = columns.amount === undefined ? null : columnIndex(table, columns.amount);
  const parseDate = dateParser(columns.dateFormat);
  const firstRow = table.header ? 2 : 1;
  return table.rows.map((row, i) => {
    const where = (spec: string): string => `row ${i + firstRow}, column ${spec}`;
    const customerKey = (row[idColumn] as string).trim();
    if (customerKey === '') throw new TableError(table.file, `${where(columns.id)}: the customer id is empty`);
    let at: number;
    try {
      at = parseDate(row[dateColumn] as string);
    } catch (error) {
      throw new TableError(table.file, `${where(columns.date)}: ${(error as Error).message}`);
    }
    if (amountColumn === null) return { customerKey, at };
    const cell = (row[amountColumn] as string).trim();
    const amount = Number(cell);
    if (cell === '' || !Number.isFinite(amount)) {
      throw new TableError(table.file, `${where(columns.amount as string)}: "${cell}" is not a number`);
    }
    return { customerKey, at, amount };
  });
}

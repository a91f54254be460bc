// Reads the reference files of ../shared/data/cdnow for the analytics tests (REFERENCE.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from '../../../src/analytics/summary';

export const DATA = join(import.meta.dirname, '../../../../shared/data');

export interface SummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  zbar: number;
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar in weeks. */
export function cdnowSummary(): SummaryRow[] {
  return readFileSync(join(DATA, 'cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(',');
      return { id: id as string, frequency: Number(x), recency: Number(tx), T: Number(T), zbar: Number(zbar) };
    });
}

/** Whitespace-separated CDNOW purchases; `customerColumn` and `amountColumn` are 0-based, the date is yyyymmdd. */
export function cdnowTransactions(file: string, customerColumn: number, dateColumn: number, amountColumn: number): Transaction[] {
  const lines = readFileSync(join(DATA, 'cdnow', file), 'utf8').trim().split(/\r?\n/);
  const body = /^\s*\d/.test(lines[0] as string) ? lines : lines.slice(1);
  return body.map((line) => {
    const cells = line.trim().split(/\s+/);
    const date = cells[dateColumn] as string;
    return {
      customerKey: cells[customerColumn] as string,
      at: Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
      amount: Number(cells[amountColumn]),
    };
  });
}

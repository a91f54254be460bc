import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { column, columnIndex, readTable } from '../../../scripts/eval/table';

const DATA = join(import.meta.dirname, '../../../../shared/data');

describe('readTable', () => {
  test('a whitespace-delimited file with a header row: columns by name or position', () => {
    const table = readTable(join(DATA, 'cdnow/CDNOW_master.txt'));
    expect(table.header).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(table.rows).toHaveLength(69_659);
    expect(table.rows[0]).toEqual(['00001', '19970101', '1', '11.77']);
    expect(column(table, 'dollar_value').slice(0, 2)).toEqual(['11.77', '12.00']);
    expect(column(table, '4').slice(0, 2)).toEqual(['11.77', '12.00']);
  });

  test('a whitespace-delimited file without a header: columns by position only', () => {
    const table = readTable(join(DATA, 'cdnow/CDNOW_sample.txt'));
    expect(table.header).toBeNull();
    expect(table.rows).toHaveLength(6_919);
    expect(table.rows[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
    expect(() => columnIndex(table, 'date')).toThrow(/no column named "date" \(it has no header row: name columns by position\)/);
  });

  test('a CSV with a header: columns by name or position, clear errors for unknown ones', () => {
    const table = readTable(join(DATA, 'telco/Telco-Customer-Churn.csv'));
    expect(table.header?.[0]).toBe('customerID');
    expect(table.rows).toHaveLength(7_043);
    expect(columnIndex(table, 'Churn')).toBe(20);
    expect(columnIndex(table, '21')).toBe(20);
    expect(() => columnIndex(table, 'Churned')).toThrow(/Telco-Customer-Churn.csv: no column named "Churned"; its columns are customerID/);
    expect(() => columnIndex(table, '22')).toThrow(/column 22 is out of range: the file has 21 columns/);
  });
});

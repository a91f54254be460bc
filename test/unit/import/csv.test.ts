import { describe, expect, test } from 'vitest';
import { DelimitedReader, detectDelimiter, readDelimited, type RowBatch } from '../../../src/import/csv';
import { ImportError } from '../../../src/import/errors';
import { fixtureText } from './fixtures';

function readAll(text: string, chunkChars?: number, options = {}): { header: string[]; batch: RowBatch } {
  const batch: RowBatch = { rows: [], problems: [] };
  const reader = readDelimited(text, options, chunkChars);
  for (let step = reader.next(); ; step = reader.next()) {
    if (step.done) return { header: step.value, batch };
    batch.rows.push(...step.value.rows);
    batch.problems.push(...step.value.problems);
  }
}

describe('detectDelimiter', () => {
  test.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a;b;c\n1,5;2;3\n', ';'],
    ['a|b\n1|2\n', '|'],
    [' customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n', 'whitespace'],
  ])('%j → %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });
});

describe('DelimitedReader', () => {
  test('rows carry spreadsheet row numbers: header row 1, blank lines counted, quoted newlines one row', () => {
    const text = '\uFEFFName,Email,Note\r\n"Li, Wei",li@x.com,"two\r\nlines"\r\n\r\nAmy,a@x.com,"say ""hi"""\r\n';
    const { header, batch } = readAll(text);
    expect(header).toEqual(['Name', 'Email', 'Note']);
    expect(batch.rows).toEqual([
      { row: 2, cells: ['Li, Wei', 'li@x.com', 'two\r\nlines'] },
      { row: 4, cells: ['Amy', 'a@x.com', 'say "hi"'] },
    ]);
    expect(batch.problems).toEqual([]);
  });

  test('the same rows whatever the size of the pieces the file arrives in', () => {
    const text = fixtureText('hubspot-contacts.csv');
    const whole = readAll(text);
    for (const size of [1, 2, 7, 64]) expect(readAll(text, size)).toEqual(whole);
    expect(whole.batch.rows).toHaveLength(5);
    expect(whole.batch.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
  });

  test('ragged rows and an unclosed quote are reported with row and reason, the good rows still read', () => {
    const { batch } = readAll(fixtureText('messy-customers.csv'), 16);
    expect(batch.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(batch.problems).toEqual([
      { row: 9, code: 'too_few_cells', cells: ['Ragged', 'ragged@example.com'], expectedCells: 8 },
      { row: 10, code: 'unclosed_quote', cells: ['Open quote,open@example.com,,,,,,\r\nAfter Open,after@example.com,,,,,,\r\n'] },
    ]);
  });

  test('too many cells is a problem, but empty cells past the header are what spreadsheets write', () => {
    const { batch } = readAll('a,b\n1,2,,\n1,2,3\n"x"y,2\n');
    expect(batch.rows).toEqual([{ row: 2, cells: ['1', '2'] }]);
    expect(batch.problems).toEqual([
      { row: 3, code: 'too_many_cells', cells: ['1', '2', '3'], expectedCells: 2 },
      { row: 4, code: 'malformed_quote', cells: ['x"y,2\n'] },
    ]);
  });

  test('whitespace-delimited text split across pieces, "\\r\\n" cut between them', () => {
    const text = ' id  date n\r\n 001 19970101  1\r\n\r\n 002 19970102 3\r\n';
    for (const size of [1, 3, 13, 100]) {
      expect(readAll(text, size)).toEqual({
        header: ['id', 'date', 'n'],
        batch: { rows: [{ row: 2, cells: ['001', '19970101', '1'] }, { row: 4, cells: ['002', '19970102', '3'] }], problems: [] },
      });
    }
  });

  test('without a header the columns are numbered and data starts at row 1', () => {
    expect(readAll('x;1\ny;2\n', undefined, { hasHeader: false })).toEqual({
      header: ['Column 1', 'Column 2'],
      batch: { rows: [{ row: 1, cells: ['x', '1'] }, { row: 2, cells: ['y', '2'] }], problems: [] },
    });
  });

  test('an empty file, or one of blank lines, is an error', () => {
    expect(() => new DelimitedReader().end()).toThrow(new ImportError('empty_file'));
    const reader = new DelimitedReader();
    reader.push('\r\n \r\n,,\r\n');
    expect(() => reader.end()).toThrow(new ImportError('empty_file'));
  });
});

// Reads a delimited text file for the evaluation command: comma, tab or any one character, or runs of whitespace
// (CDNOW's files), with or without a header row. Columns are named by header or by 1-based position.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

export interface Table {
  file: string;
  /** Column names, or null when the file has no header row. */
  header: string[] | null;
  rows: string[][];
}

export interface ReadTableOptions {
  /** One character, or 'ws' for runs of spaces and tabs; by default guessed from the first line. */
  delimiter?: string;
  /** Whether the first row names the columns; by default guessed: a header has no numeric cell. */
  header?: boolean;
}

export class TableError extends Error {
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'TableError';
  }
}

export function readTable(file: string, options: ReadTableOptions = {}): Table {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? guessDelimiter(text);
  let rows: string[][];
  if (delimiter === 'ws') {
    rows = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map((line) => line.split(/\s+/));
  } else {
    const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
    const error = parsed.errors[0];
    if (error) throw new TableError(file, `row ${(error.row ?? 0) + 1}: ${error.message}`);
    rows = parsed.data;
  }
  if (rows.length === 0) throw new TableError(file, 'the file has no rows');
  const first = rows[0] as string[];
  const hasHeader = options.header ?? first.every((cell) => cell.trim() === '' || !isNumeric(cell));
  const width = first.length;
  const body = hasHeader ? rows.slice(1) : rows;
  body.forEach((row, index) => {
    if (row.length !== width) {
      throw new TableError(file, `row ${index + (hasHeader ? 2 : 1)} has ${row.length} cells, the first row ${width}`);
    }
  });
  return { file, header: hasHeader ? first.map((cell) => cell.trim()) : null, rows: body };
}

/** The index of a column named by its header or by its 1-based position. */
export function columnIndex(table: Table, spec: string): number {
  const byName = table.header?.indexOf(spec) ?? -1;
  if (byName >= 0) return byName;
  if (/^\d+$/.test(spec)) {
    const position = Number(spec);
    const width = table.header?.length ?? table.rows[0]?.length ?? 0;
    if (position >= 1 && position <= width) return position - 1;
    throw new TableError(table.file, `column ${spec} is out of range: the file has ${width} columns`);
  }
  const known = table.header ? `; its columns are ${table.header.join(', ')}` : ' (it has no header row: name columns by position)';
  throw new TableError(table.file, `no column named "${spec}"${known}`);
}

export function column(table: Table, spec: string): string[] {
  const index = columnIndex(table, spec);
  return table.rows.map((row) => row[index] as string);
}

export function isNumeric(cell: string): boolean {
  return cell.trim() !== '' && Number.isFinite(Number(cell));
}

function guessDelimiter(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  for (const candidate of [',', '\t', ';', '|']) if (line.includes(candidate)) return candidate;
  return 'ws';
}

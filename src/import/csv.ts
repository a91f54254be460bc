import Papa from 'papaparse';
import { ImportError } from './errors';

/** `whitespace`: columns separated by runs of spaces or tabs, no quoting (fixed-width exports such as CDNOW). */
export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';
const QUOTED_DELIMITERS = [',', '\t', ';', '|'] as const;

/** One record of a file: `row` is where a user sees it in a spreadsheet (the header is row 1). */
export interface SourceRow {
  row: number;
  cells: string[];
}

export type RowProblemCode = 'unclosed_quote' | 'malformed_quote' | 'too_many_cells' | 'too_few_cells' | 'unclosed_card';

/** A record that cannot be read as a row of the table; it is reported, never imported and never dropped silently. */
export interface RowProblem {
  row: number;
  code: RowProblemCode;
  /** Cells as read, so the report shows what was there. */
  cells: string[];
  expectedCells?: number;
}

export interface RowBatch {
  rows: SourceRow[];
  problems: RowProblem[];
}

export interface DelimitedOptions {
  /** Detected from the first rows when not given. */
  delimiter?: Delimiter;
  /** Without a header the columns are named "Column 1", "Column 2"... and data starts at row 1. */
  hasHeader?: boolean;
}

/**
 * The delimiter that splits the sample's lines into the same number (≥ 2) of cells: papaparse's guess among the
 * quoting delimiters, else runs of whitespace when they split every line alike.
 */
export function detectDelimiter(sample: string): Delimiter {
  const guess = Papa.parse<string[]>(sample, { preview: 10, skipEmptyLines: true });
  const found = QUOTED_DELIMITERS.find((d) => d === guess.meta.delimiter);
  const undetected = guess.errors.some((e) => e.code === 'UndetectableDelimiter');
  if (found && !undetected) return found;
  const lines = sample.split(/\r\n|\n|\r/).slice(0, 10).filter((line) => line.trim() !== '');
  const counts = new Set(lines.map((line) => line.trim().split(/\s+/).length));
  const [count] = counts;
  if (counts.size === 1 && count !== undefined && count > 1) return 'whitespace';
  return ',';
}

function detectNewline(text: string): '\r\n' | '\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr !== -1 && (lf === -1 || cr < lf)) return text[cr + 1] === '\n' ? '\r\n' : '\r';
  return '\n';
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Enough text to see several lines before guessing the delimiter and line ending. */
const DETECTION_CHARS = 16 * 1024;

/**
 * Reads a delimited text file that arrives in pieces (a worker reading a File slice by slice): each `push` returns
 * the records completed so far, with their spreadsheet row numbers; a record cut at the end of a piece waits for the
 * next. Blank lines count as rows (as in a spreadsheet) but yield nothing.
 */
export class DelimitedReader {
  header: string[] | null = null;
  delimiter: Delimiter | null;
  private readonly hasHeader: boolean;
  private parser: Papa.Parser | null = null;
  private detected = false;
  private pending = '';
  private started = false;
  private lastRow = 0;

  constructor(options: DelimitedOptions = {}) {
    this.delimiter = options.delimiter ?? null;
    this.hasHeader = options.hasHeader ?? true;
  }

  push(text: string): RowBatch {
    this.pending += this.started ? text : text.replace(/^\uFEFF/, '');
    this.started = true;
    if (!this.detected && !this.canDetect()) return { rows: [], problems: [] };
    return this.parse(false);
  }

  /** A given delimiter needs only the first line end (a lone "\r" at the end may be half of "\r\n"). */
  private canDetect(): boolean {
    if (this.pending.length >= DETECTION_CHARS) return true;
    return this.delimiter !== null && (this.pending.includes('\n') || /\r[^\n]/.test(this.pending));
  }

  /** The rest of the file; throws `empty_file` when the file held no row at all. */
  end(): RowBatch {
    const batch = this.parse(true);
    if (!this.header) throw new ImportError('empty_file');
    return batch;
  }

  private parse(atEnd: boolean): RowBatch {
    if (!this.detected && this.pending.trim() === '') return { rows: [], problems: [] };
    this.delimiter ??= detectDelimiter(this.pending.slice(0, DETECTION_CHARS));
    this.detected = true;
    const input = this.pending;
    const records = this.delimiter === 'whitespace' ? this.splitWhitespace(input, atEnd) : this.splitQuoted(input, atEnd);
    return this.toBatch(records);
  }

  private splitQuoted(input: string, atEnd: boolean): Array<{ cells: string[]; problem?: RowProblemCode }> {
    this.parser ??= new Papa.Parser({ delimiter: this.delimiter as string, newline: detectNewline(input) });
    const result = this.parser.parse(input, 0, !atEnd) as Papa.ParseResult<string[]>;
    this.pending = atEnd ? '' : input.slice(result.meta.cursor);
    const problems = new Map<number, RowProblemCode>();
    // A quote closed in the wrong place also leaves the field open to the end; the wrong place is the better clue.
    for (const error of result.errors) {
      const row = error.row ?? result.data.length - 1;
      if (error.code === 'InvalidQuotes') problems.set(row, 'malformed_quote');
      else if (error.code === 'MissingQuotes' && !problems.has(row)) problems.set(row, 'unclosed_quote');
    }
    return result.data.map((cells, index) => {
      const problem = problems.get(index);
      return problem ? { cells, problem } : { cells };
    });
  }

  private splitWhitespace(input: string, atEnd: boolean): Array<{ cells: string[] }> {
    // A "\r" at the very end may be the first half of "\r\n", so it waits with the unfinished line.
    const cut = atEnd ? input.length : Math.max(input.lastIndexOf('\n'), input.lastIndexOf('\r', input.length - 2)) + 1;
    this.pending = input.slice(cut);
    const lines = input.slice(0, cut).split(/\r\n|\n|\r/);
    if (lines.at(-1) === '') lines.pop();
    return lines.map((line) => ({ cells: line.trim() === '' ? [] : line.trim().split(/\s+/) }));
  }

  private toBatch(records: Array<{ cells: string[]; problem?: RowProblemCode }>): RowBatch {
    const batch: RowBatch = { rows: [], problems: [] };
    for (const { cells, problem } of records) {
      const row = ++this.lastRow;
      if (problem) {
        batch.problems.push({ row, code: problem, cells });
        continue;
      }
      if (isBlank(cells)) continue;
      if (!this.header) {
        this.header = this.hasHeader ? cells.map((cell) => cell.trim()) : cells.map((_, i) => `Column ${i + 1}`);
        if (this.hasHeader) continue;
      }
      const expected = this.header.length;
      // Trailing empty cells beyond the header are what spreadsheets write for formatted but empty columns.
      const trimmed = cells.length > expected && isBlank(cells.slice(expected)) ? cells.slice(0, expected) : cells;
      if (trimmed.length === expected) batch.rows.push({ row, cells: trimmed });
      else {
        const code = trimmed.length > expected ? 'too_many_cells' : 'too_few_cells';
        batch.problems.push({ row, code, cells, expectedCells: expected });
      }
    }
    return batch;
  }
}

/** Reads delimited text already in memory, in pieces of about `chunkChars`, as a worker would read a file. */
export function* readDelimited(text: string, options: DelimitedOptions = {}, chunkChars = 256 * 1024): Generator<RowBatch, string[]> {
  const reader = new DelimitedReader(options);
  for (let start = 0; start < text.length; start += chunkChars) {
    const batch = reader.push(text.slice(start, start + chunkChars));
    if (batch.rows.length || batch.problems.length) yield batch;
  }
  const last = reader.end();
  if (last.rows.length || last.problems.length) yield last;
  return reader.header ?? [];
}

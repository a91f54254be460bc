// A generic encoder for tabular churn data: columns arrive as strings (a CSV, or fields of CRM records) or as
// numbers (features already computed) and leave as the numeric features of REFERENCE.md §4 — one-hot categoricals
// without their first level, 0/1 columns as they are, other numbers z-scored with the training rows' mean and
// population standard deviation.
import type { Matrix } from './matrix';

/**
 * One column's cells. A Float64Array is a column of numbers, encoded exactly as the same numbers written as strings
 * would be, without the cost of formatting and parsing millions of cells.
 */
export type Column = readonly string[] | Float64Array;

export type ColumnKind = 'numeric' | 'binary' | 'categorical';
export type ExclusionReason = 'id' | 'constant' | 'empty';

export interface PlannedColumn {
  name: string;
  kind: ColumnKind;
}

export interface ColumnPlan {
  /** One entry per input column, in input order; null for excluded columns. */
  columns: (PlannedColumn | null)[];
  excluded: { name: string; reason: ExclusionReason }[];
}

export type FittedColumn =
  | { kind: 'numeric'; name: string; source: number; mean: number; sd: number }
  | { kind: 'binary'; name: string; source: number }
  | { kind: 'categorical'; name: string; source: number; levels: string[] };

/** One encoded feature: a number column, or one level of a categorical column. */
export interface Feature {
  name: string;
  column: string;
  level?: string;
}

export interface Encoder {
  columns: FittedColumn[];
  features: Feature[];
  /** For each feature, the index of its column in `columns`. */
  featureColumn: number[];
}

const isBlank = (cell: string): boolean => cell.trim() === '';
const toNumber = (cell: string): number => (isBlank(cell) ? 0 : Number(cell));
const numberAt = (cells: Column, row: number): number => (cells instanceof Float64Array ? (cells[row] as number) : toNumber(cells[row] as string));
/** A cell as text (trimmed): what categorical levels and reasons show. */
export const cellText = (cells: Column, row: number): string => (cells instanceof Float64Array ? String(cells[row]) : (cells[row] as string).trim());

/**
 * Decides what each column is from all its cells. A column is numeric when every non-blank cell is a finite number
 * (blank cells then count as 0: in the IBM Telco file the blank TotalCharges are customers of tenure 0, who have
 * been charged nothing, and REFERENCE.md §4 reproduces scikit-learn with exactly that rule); numeric with only 0 and
 * 1 it is binary and kept as is. Strings that are all distinct identify rows and are excluded, as are columns with
 * a single value.
 */
export function planColumns(names: readonly string[], columns: readonly Column[]): ColumnPlan {
  const excluded: ColumnPlan['excluded'] = [];
  const planned = columns.map((cells, index): PlannedColumn | null => {
    const name = names[index] ?? String(index + 1);
    if (cells instanceof Float64Array) {
      const kind = planNumbers(name, cells);
      if (kind === 'empty' || kind === 'constant') {
        excluded.push({ name, reason: kind });
        return null;
      }
      return { name, kind };
    }
    const filled = cells.filter((cell) => !isBlank(cell));
    if (filled.length === 0) {
      excluded.push({ name, reason: 'empty' });
      return null;
    }
    const distinct = new Set(cells.map((cell) => cell.trim()));
    if (distinct.size === 1) {
      excluded.push({ name, reason: 'constant' });
      return null;
    }
    if (filled.every((cell) => Number.isFinite(Number(cell)))) {
      const binary = filled.every((cell) => Number(cell) === 0 || Number(cell) === 1);
      return { name, kind: binary ? 'binary' : 'numeric' };
    }
    if (distinct.size === cells.length) {
      excluded.push({ name, reason: 'id' });
      return null;
    }
    return { name, kind: 'categorical' };
  });
  return { columns: planned, excluded };
}

/** The rule of planColumns for a column of numbers: there are no blanks, and a number is not an id. */
function planNumbers(name: string, cells: Float64Array): 'empty' | 'constant' | 'binary' | 'numeric' {
  if (cells.length === 0) return 'empty';
  let constant = true;
  let binary = true;
  const first = cells[0] as number;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i] as number;
    if (!Number.isFinite(value)) throw new RangeError(`column ${name}: ${value} is not a number a model can use`);
    if (value !== first) constant = false;
    if (value !== 0 && value !== 1) binary = false;
  }
  return constant ? 'constant' : binary ? 'binary' : 'numeric';
}

/** Learns levels, means and standard deviations from the training rows only. */
export function fitEncoder(plan: ColumnPlan, columns: readonly Column[], rows: ArrayLike<number>): Encoder {
  const fitted: FittedColumn[] = [];
  plan.columns.forEach((column, source) => {
    if (!column) return;
    const cells = columns[source];
    if (!cells) throw new Error(`column ${column.name} (${source + 1}) is missing`);
    const { name } = column;
    if (column.kind === 'binary') {
      fitted.push({ kind: 'binary', name, source });
    } else if (column.kind === 'numeric') {
      let sum = 0;
      for (let i = 0; i < rows.length; i++) sum += numberAt(cells, rows[i] as number);
      const mean = sum / rows.length;
      let squares = 0;
      for (let i = 0; i < rows.length; i++) squares += (numberAt(cells, rows[i] as number) - mean) ** 2;
      fitted.push({ kind: 'numeric', name, source, mean, sd: Math.sqrt(squares / rows.length) });
    } else {
      const levels = new Set<string>();
      for (let i = 0; i < rows.length; i++) levels.add(cellText(cells, rows[i] as number));
      // Code-unit order, as Python's sorted() and pandas' get_dummies use.
      fitted.push({ kind: 'categorical', name, source, levels: [...levels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) });
    }
  });
  const features: Feature[] = [];
  const featureColumn: number[] = [];
  fitted.forEach((column, index) => {
    if (column.kind === 'categorical') {
      for (const level of column.levels.slice(1)) {
        features.push({ name: `${column.name}=${level}`, column: column.name, level });
        featureColumn.push(index);
      }
    } else {
      features.push({ name: column.name, column: column.name });
      featureColumn.push(index);
    }
  });
  return { columns: fitted, features, featureColumn };
}

/**
 * Encodes rows with a fitted encoder. A level the training rows never had encodes like the dropped first level (all
 * indicators 0); a constant training column (standard deviation 0) encodes as 0.
 */
export function encodeRows(encoder: Encoder, columns: readonly Column[], rows: ArrayLike<number>): Matrix {
  const cols = encoder.features.length;
  const data = new Float64Array(rows.length * cols);
  let offset = 0;
  for (const column of encoder.columns) {
    const cells = columns[column.source];
    if (!cells) throw new Error(`column ${column.name} (${column.source + 1}) is missing`);
    if (column.kind === 'categorical') {
      const position = new Map(column.levels.slice(1).map((level, index) => [level, index]));
      for (let i = 0; i < rows.length; i++) {
        const hit = position.get(cellText(cells, rows[i] as number));
        if (hit !== undefined) data[i * cols + offset + hit] = 1;
      }
      offset += column.levels.length - 1;
      continue;
    }
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      const value = numberAt(cells, row);
      if (!Number.isFinite(value)) {
        throw new Error(`column ${column.name}, row ${row + 1}: "${String(cells[row])}" is not a number`);
      }
      data[i * cols + offset] = column.kind === 'binary' ? value : column.sd > 0 ? (value - column.mean) / column.sd : 0;
    }
    offset += 1;
  }
  return { rows: rows.length, cols, data };
}

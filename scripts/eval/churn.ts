// `eval churn`: k-fold evaluation of Rapport's churn models on any CSV with a two-valued target column.
import { parseArgs } from 'node:util';
import { planColumns } from '../../src/analytics/churn/encode';
import { auc, stratifiedFolds } from '../../src/analytics/churn/metrics';
import { churnProbabilities, trainChurnModels, type BaseModelKind } from '../../src/analytics/churn/model';
import { columnIndex, readTable, TableError, type Table } from './table';

const USAGE =
  'usage: eval churn --csv <file> --target <column> [--positive <value>] [--id <column>] [--folds <csv of id,fold>] [--json]';
const DEFAULT_FOLDS = 5;
const POSITIVE_WORDS = /^(yes|y|true|t|1|churn|churned)$/i;

interface ModelResult {
  auc_per_fold: number[];
  auc_mean: number;
}

export async function runChurn(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      csv: { type: 'string' },
      target: { type: 'string' },
      positive: { type: 'string' },
      id: { type: 'string' },
      folds: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.csv || !values.target) throw new Error(`churn: --csv and --target are required\n${USAGE}`);
  const table = readTable(values.csv);
  const targetIndex = columnIndex(table, values.target);
  const targetName = table.header?.[targetIndex] ?? String(targetIndex + 1);
  const labels = churnLabels(table, targetIndex, targetName, values.positive);

  const foldsTable = values.folds === undefined ? null : readTable(values.folds);
  const idSpec = values.id ?? foldsIdColumn(table, foldsTable);
  const idIndex = idSpec === undefined ? -1 : columnIndex(table, idSpec);
  // Without an id column, row numbers padded to equal width sort in file order.
  const width = String(table.rows.length).length;
  const ids = idIndex >= 0 ? cellsAt(table, idIndex) : table.rows.map((_, i) => String(i + 1).padStart(width, '0'));
  const folds = foldsTable ? foldsFromFile(table, foldsTable, ids) : stratifiedFolds(ids, labels, DEFAULT_FOLDS);
  const foldCount = Math.max(...folds) + 1;

  const featureIndexes = (table.header ?? table.rows[0] ?? []).map((_, i) => i).filter((i) => i !== targetIndex && i !== idIndex);
  const names = featureIndexes.map((i) => table.header?.[i] ?? String(i + 1));
  const columns = featureIndexes.map((i) => cellsAt(table, i));
  const plan = planColumns(names, columns);
  const used = plan.columns.filter((planned) => planned !== null);
  if (used.length === 0) throw new TableError(table.file, 'no usable feature columns');

  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  const positives = labels.reduce((sum, label) => sum + label, 0);
  out(`${table.file}: ${labels.length} rows, ${positives} positive (${targetName}), ${foldCount} folds`);
  out(`features: ${used.map((planned) => `${planned.name} (${planned.kind})`).join(', ')}`);
  if (plan.excluded.length > 0) out(`excluded: ${plan.excluded.map((column) => `${column.name} (${column.reason})`).join(', ')}`);

  const results = new Map<string, number[]>();
  const trainingMs = new Map<BaseModelKind, number>();
  const data = { plan, columns, ids, labels };
  for (let fold = 0; fold < foldCount; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    folds.forEach((assigned, row) => (assigned === fold ? testRows : trainRows).push(row));
    const testLabels = Uint8Array.from(testRows, (row) => labels[row] as number);
    const training = await trainChurnModels(data, trainRows);
    const record = (name: string, value: number): void => void results.set(name, [...(results.get(name) ?? []), value]);
    const parts: string[] = [];
    let selected = Number.NaN;
    for (const [kind, model] of Object.entries(training.models)) {
      const value = auc(churnProbabilities(model, columns, testRows), testLabels);
      record(kind, value);
      if (kind === training.chosen) selected = value;
      parts.push(`${kind} ${value.toFixed(4)}`);
    }
    record('selected', selected);
    for (const [kind, ms] of Object.entries(training.trainingMs) as [BaseModelKind, number][]) {
      trainingMs.set(kind, (trainingMs.get(kind) ?? 0) + ms);
    }
    out(`fold ${fold}: test AUC ${parts.join(', ')}; chosen on validation: ${training.chosen} (${(training.validationAuc[training.chosen] ?? 0).toFixed(4)})`);
  }

  const models: Record<string, ModelResult> = {};
  let best = '';
  for (const [name, perFold] of results) {
    const mean = perFold.reduce((sum, value) => sum + value, 0) / perFold.length;
    models[name] = { auc_per_fold: perFold, auc_mean: mean };
    if (!best || mean > (models[best] as ModelResult).auc_mean) best = name;
    out(`${name.padEnd(9)} AUC ${perFold.map((value) => value.toFixed(4)).join(' ')}  mean ${mean.toFixed(4)}`);
  }
  out(`training time: ${[...trainingMs].map(([kind, ms]) => `${kind} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
  out(`"selected" is the model chosen in each fold by validation AUC within the training folds.`);
  if (values.json) out(JSON.stringify({ task: 'churn', models, best }));
}

/** Cells by index: a header cell that happens to read as a number must not be taken for a position. */
function cellsAt(table: Table, index: number): string[] {
  return table.rows.map((row) => row[index] as string);
}

/** 1 for the positive class. The positive value is the one given, else the only one that reads as yes/true/1/churn. */
function churnLabels(table: Table, targetIndex: number, targetName: string, positive: string | undefined): Uint8Array {
  const firstRow = table.header ? 2 : 1;
  const cells = table.rows.map((row, i) => {
    const cell = (row[targetIndex] as string).trim();
    if (cell === '') throw new TableError(table.file, `row ${i + firstRow}: the target column "${targetName}" is blank`);
    return cell;
  });
  const distinct = [...new Set(cells)].sort();
  const list = distinct.map((value) => `"${value}"`).join(', ');
  if (distinct.length !== 2) {
    throw new TableError(table.file, `the target column "${targetName}" must have exactly 2 values, it has ${distinct.length}: ${distinct.length > 10 ? `${distinct.slice(0, 10).map((value) => `"${value}"`).join(', ')}, ...` : list}`);
  }
  let chosen = positive?.trim();
  if (chosen !== undefined && !distinct.includes(chosen)) {
    throw new TableError(table.file, `--positive "${chosen}" is not a value of "${targetName}" (it has ${list})`);
  }
  if (chosen === undefined) {
    const readsPositive = distinct.filter((value) => POSITIVE_WORDS.test(value));
    if (readsPositive.length !== 1) {
      throw new TableError(table.file, `cannot tell which value of "${targetName}" means churn (it has ${list}): pass --positive <value>`);
    }
    chosen = readsPositive[0] as string;
  }
  return Uint8Array.from(cells, (cell) => (cell === chosen ? 1 : 0));
}

/** The folds file's id column names the table's id column when --id is not given. */
function foldsIdColumn(table: Table, folds: Table | null): string | undefined {
  const name = folds?.header?.[0];
  if (folds && (name === undefined || !table.header?.includes(name))) {
    throw new TableError(folds.file, `pass --id: the folds file's first column does not name a column of ${table.file}`);
  }
  return name;
}

function foldsFromFile(table: Table, folds: Table, ids: readonly string[]): Int32Array {
  const firstRow = folds.header ? 2 : 1;
  const foldOf = new Map<string, number>();
  folds.rows.forEach((row, i) => {
    const [id = '', fold = ''] = row.map((cell) => cell.trim());
    if (!/^\d+$/.test(fold)) throw new TableError(folds.file, `row ${i + firstRow}: fold "${fold}" is not a whole number ≥ 0`);
    if (foldOf.has(id)) throw new TableError(folds.file, `row ${i + firstRow}: id "${id}" appears twice`);
    foldOf.set(id, Number(fold));
  });
  const assigned = Int32Array.from(ids, (id, row) => {
    const fold = foldOf.get(id);
    if (fold === undefined) throw new TableError(folds.file, `no fold for id "${id}" (row ${row + (table.header ? 2 : 1)} of ${table.file})`);
    return fold;
  });
  const count = Math.max(...assigned) + 1;
  for (let fold = 0; fold < count; fold++) {
    if (!assigned.includes(fold)) throw new TableError(folds.file, `fold ${fold} has no rows (folds must be numbered 0..${count - 1})`);
  }
  if (count < 2) throw new TableError(folds.file, 'at least 2 folds are needed');
  return assigned;
}

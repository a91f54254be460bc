// `eval segments`: RFM values of each customer at a snapshot date, k-means on their standardised logs, and the
// clusters' inertia, iterations, sizes and silhouette.
import { parseArgs } from 'node:util';
import { rfmValues } from '../../src/analytics/rfm';
import { segmentCustomers } from '../../src/analytics/segments';
import { parseOptionDate } from './dates';
import { readTransactions } from './transactions';

const USAGE =
  'segments --transactions <file> --id <col> --date <col> --amount <col> --snapshot <date> --k <n> ' +
  '[--init sorted-sum|kmeans++] [--seed <n>] [--delimiter <char|ws>] [--date-format <fmt>] [--json]';

/** Up to this many customers the silhouette is exact (n^2 distances, ~3 s at 25k); above, a seeded sample. */
const EXACT_SILHOUETTE_MAX = 30_000;
const SILHOUETTE_SAMPLE = 10_000;

export async function runSegments(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      transactions: { type: 'string' },
      id: { type: 'string' },
      date: { type: 'string' },
      amount: { type: 'string' },
      snapshot: { type: 'string' },
      k: { type: 'string' },
      init: { type: 'string', default: 'sorted-sum' },
      seed: { type: 'string', default: '0' },
      delimiter: { type: 'string' },
      'date-format': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const { transactions: file, id, date, amount, snapshot } = values;
  if (file === undefined || id === undefined || date === undefined || amount === undefined || snapshot === undefined || values.k === undefined) {
    throw new Error(`usage: ${USAGE}`);
  }
  const k = wholeNumber('k', values.k);
  const seed = wholeNumber('seed', values.seed);
  if (values.init !== 'sorted-sum' && values.init !== 'kmeans++') throw new Error(`--init must be sorted-sum or kmeans++, got "${values.init}"`);
  const transactions = readTransactions({ file, id, date, amount, delimiter: values.delimiter, dateFormat: values['date-format'] });
  const rfm = rfmValues(transactions, parseOptionDate('snapshot', snapshot));
  const n = rfm.keys.length;
  if (k < 1 || k > n) throw new Error(`--k must be between 1 and the ${n} customers, got ${k}`);
  for (const [name, column] of [['R', rfm.recency], ['M', rfm.monetary]] as const) {
    const negative = column.findIndex((value) => value < 0);
    if (negative >= 0) throw new Error(`customer ${rfm.keys[negative]}: ${name} is negative (${column[negative]}); log features need values >= 0`);
  }
  const mean = (column: Float64Array): number => column.reduce((sum, value) => sum + value, 0) / column.length;
  console.info(`customers: ${n}; mean R ${mean(rfm.recency).toFixed(4)} days, F ${mean(rfm.frequency).toFixed(6)}, M ${mean(rfm.monetary).toFixed(6)}`);
  const started = performance.now();
  const result = segmentCustomers(rfm, {
    k,
    init: values.init,
    seed,
    ...(n > EXACT_SILHOUETTE_MAX ? { silhouetteSample: SILHOUETTE_SAMPLE } : {}),
  });
  const sizes = result.segments.map((segment) => segment.size);
  console.info(`k ${k} (${values.init}${values.init === 'kmeans++' ? `, seed ${seed}` : ''}): inertia ${result.inertia.toFixed(6)} after ${result.iterations} iterations`);
  console.info(`silhouette ${result.silhouette.toFixed(4)}${n > EXACT_SILHOUETTE_MAX ? ` (sample of ${SILHOUETTE_SAMPLE})` : ''} (${Math.round(performance.now() - started)} ms)`);
  result.segments.forEach((segment, c) => {
    console.info(
      `  ${c}: ${segment.size} customers, R ${segment.recency.toFixed(1)} F ${segment.frequency.toFixed(2)} M ${segment.monetary.toFixed(2)} — ${segment.description.code}`,
    );
  });
  if (values.json) {
    console.info(JSON.stringify({ task: 'segments', k, inertia: result.inertia, iterations: result.iterations, sizes, silhouette: result.silhouette }));
  }
}

function wholeNumber(option: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`--${option} must be a whole number, got "${text}"`);
  return Number(text);
}

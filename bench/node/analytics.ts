// Helpers of bench/suites/analytics.mjs, run with tsx; each prints one JSON line:
//   tsx bench/node/analytics.ts kmeans <runs>   Rapport's k-means vs a plain typed-array Lloyd loop and ml-kmeans
//   tsx bench/node/analytics.ts bgnbd <runs>    BG/NBD maximum-likelihood fit on the CDNOW summary (REFERENCE.md §2)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { fitBgNbd } from '../../src/analytics/bgnbd';
import { lloyd, sortedSumStart } from '../../src/analytics/kmeans';
import { mulberry32 } from '../../src/analytics/random';

const POINTS = 100_000;
const D = 3;
const K = 4;
const SEED = 20_261_123;
const MAX_ITERATIONS = 300;

/** Four overlapping Gaussian blobs in 3-D (Box-Muller from a seeded generator). */
function blobs(): Float64Array {
  const random = mulberry32(SEED);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = [
    [0, 0, 0],
    [3, 1, 0],
    [0, 3, 2],
    [2, 2, 4],
  ];
  const data = new Float64Array(POINTS * D);
  for (let i = 0; i < POINTS; i++) {
    const centre = centres[i % K] as number[];
    for (let j = 0; j < D; j++) data[i * D + j] = (centre[j] as number) + normal();
  }
  return data;
}

/** The reference: the textbook Lloyd loop on typed arrays, stopping when no assignment changes. */
function plainLloyd(data: Float64Array, start: Float64Array): { iterations: number; inertia: number } {
  const n = data.length / D;
  const centroids = Float64Array.from(start);
  const labels = new Int32Array(n).fill(-1);
  const sums = new Float64Array(K * D);
  const counts = new Int32Array(K);
  let iterations = 0;
  let inertia = 0;
  for (; iterations < MAX_ITERATIONS; ) {
    iterations++;
    let changed = 0;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < K; c++) {
        let distance = 0;
        for (let j = 0; j < D; j++) {
          const diff = (data[i * D + j] as number) - (centroids[c * D + j] as number);
          distance += diff * diff;
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed++;
      }
      inertia += bestDistance;
    }
    if (changed === 0) break;
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      counts[c] = (counts[c] as number) + 1;
      for (let j = 0; j < D; j++) sums[c * D + j] = (sums[c * D + j] as number) + (data[i * D + j] as number);
    }
    for (let c = 0; c < K; c++) for (let j = 0; j < D; j++) if ((counts[c] as number) > 0) centroids[c * D + j] = (sums[c * D + j] as number) / (counts[c] as number);
  }
  return { iterations, inertia };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function timed<T>(runs: number, work: () => T): { ms: number; result: T } {
  const times: number[] = [];
  let result = work();
  for (let run = 0; run < runs; run++) {
    const from = performance.now();
    result = work();
    times.push(performance.now() - from);
  }
  return { ms: median(times), result };
}

function kmeansBench(runs: number): void {
  const data = blobs();
  const start = sortedSumStart(data, D, K);
  const rows = Array.from({ length: POINTS }, (_, i) => Array.from(data.subarray(i * D, i * D + D)));
  const startRows = Array.from({ length: K }, (_, c) => Array.from(start.subarray(c * D, c * D + D)));
  const rapport = timed(runs, () => lloyd(data, D, start, MAX_ITERATIONS));
  const plain = timed(runs, () => plainLloyd(data, start));
  const ml = timed(runs, () => mlKmeans(rows, K, { initialization: startRows, tolerance: 0, maxIterations: MAX_ITERATIONS }));
  process.stdout.write(
    `${JSON.stringify({
      rapportMs: rapport.ms,
      plainMs: plain.ms,
      mlMs: ml.ms,
      iterations: { rapport: rapport.result.iterations, plain: plain.result.iterations, ml: ml.result.iterations },
      inertia: { rapport: rapport.result.inertia, plain: plain.result.inertia },
    })}\n`,
  );
}

function bgnbdBench(runs: number): void {
  const file = join(import.meta.dirname, '../../..', 'shared/data/cdnow/cdnow_customers_summary_with_transactions.csv');
  const rows = readFileSync(file, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
  const history = {
    frequency: rows.map((row) => row[1] as number),
    recency: rows.map((row) => row[2] as number),
    T: rows.map((row) => row[3] as number),
  };
  const fit = timed(runs, () => fitBgNbd(history));
  process.stdout.write(`${JSON.stringify({ ms: fit.ms, customers: rows.length, params: fit.result.params, logLikelihood: fit.result.logLikelihood })}\n`);
}

const [command, runsText] = process.argv.slice(2);
const runs = Math.max(3, Number(runsText ?? 5));
if (command === 'kmeans') kmeansBench(runs);
else if (command === 'bgnbd') bgnbdBench(runs);
else throw new Error(`usage: tsx bench/node/analytics.ts kmeans|bgnbd <runs>`);

import { describe, expect, test } from 'vitest';
import { chooseK, kmeans, lloyd, silhouette, sortedSumStart } from '../../../src/analytics/kmeans';
import { mulberry32 } from '../../../src/analytics/random';
import { rfmValues } from '../../../src/analytics/rfm';
import { logStandardise } from '../../../src/analytics/standardise';
import { cdnowTransactions } from './cdnow';

describe('RFM k-means on CDNOW_master (REFERENCE.md §5)', () => {
  const rfm = rfmValues(cdnowTransactions('CDNOW_master.txt', 0, 1, 3), Date.UTC(1998, 6, 1));
  const { data } = logStandardise([rfm.recency, rfm.frequency, rfm.monetary]);
  const mean = (column: Float64Array): number => column.reduce((sum, value) => sum + value, 0) / column.length;

  test('R, F, M per customer at the 1998-07-01 snapshot', () => {
    expect(rfm.keys).toHaveLength(23_570);
    expect(mean(rfm.recency)).toBeCloseTo(368.2216, 4);
    expect(mean(rfm.frequency)).toBeCloseTo(2.955409, 6);
    expect(mean(rfm.monetary)).toBeCloseTo(106.080426, 6);
  });

  test('sorted-sum start, k = 4: inertia 15897.398233 after 34 iterations, sizes 8971 / 7389 / 4866 / 2344, silhouette 0.4065', () => {
    const result = kmeans(data, 3, 4, { init: 'sorted-sum' });
    expect(result.inertia).toBeCloseTo(15897.398233, 6);
    expect(result.iterations).toBe(34);
    expect(result.converged).toBe(true);
    expect(Array.from(result.sizes)).toEqual([8971, 7389, 4866, 2344]);
    expect(silhouette(data, 3, result.labels, 4)).toBeCloseTo(0.4065, 4);
  }, 20_000);

  test('k-means++ with 10 restarts (seed 0) reaches the same basin as scikit-learn (15897.50) or a lower one', () => {
    console.info('k-means++ seed 0');
    const result = kmeans(data, 3, 4, { init: 'kmeans++', restarts: 10, seed: 0 });
    expect(result.inertia).toBeGreaterThan(15897.3);
    expect(result.inertia).toBeLessThan(15897.6);
  });
});

describe('k-means, hand-computed', () => {
  // Two obvious groups on a line, and one far point.
  const data = Float64Array.from([0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11, 50, 50]);

  test('sorted-sum start takes the points at floor((i + 0.5) n / k) of the sum order', () => {
    // Sums 0, 1, 1, 20, 21, 21, 100; ties on sum broken by the first column: (0,1) before (1,0).
    expect(Array.from(sortedSumStart(data, 2, 2))).toEqual([0, 1, 11, 10]);
    expect(Array.from(sortedSumStart(data, 2, 3))).toEqual([0, 1, 10, 10, 11, 10]);
  });

  test('Lloyd: centroids are the means, inertia the squared distances, ties go to the lower cluster', () => {
    const result = kmeans(data, 2, 3);
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1, 2]);
    expect(Array.from(result.centroids)).toEqual([1 / 3, 1 / 3, 31 / 3, 31 / 3, 50, 50]);
    expect(result.inertia).toBeCloseTo(2 * (2 / 9 + 5 / 9 + 5 / 9), 12);
    // Point 1 is as far from 0 as from 2 and joins cluster 0; had it joined cluster 1 it would have stayed there.
    const tie = lloyd(Float64Array.from([0, 1, 2]), 1, Float64Array.from([0, 2]));
    expect(Array.from(tie.labels)).toEqual([0, 0, 1]);
  });

  test('a cluster left empty takes the farthest point', () => {
    const result = lloyd(data, 2, Float64Array.from([0, 0, 1000, 1000]));
    expect(Array.from(result.sizes)).toEqual([6, 1]);
    expect(Array.from(result.centroids.subarray(2))).toEqual([50, 50]);
  });

  test('silhouette of two tight pairs: exact value by hand', () => {
    const points = Float64Array.from([0, 1, 10, 11]);
    // a = 1 for every point; b = mean distance to the other pair: (10 + 11) / 2 or (9 + 10) / 2.
    const expected = ((10.5 - 1) / 10.5 + (9.5 - 1) / 9.5) / 2;
    expect(silhouette(points, 1, Int32Array.from([0, 0, 1, 1]), 2)).toBeCloseTo(expected, 14);
    expect(silhouette(points, 1, Int32Array.from([0, 0, 1, 1]), 2, { sampleSize: 4, seed: 3 })).toBeCloseTo(expected, 14);
  });

  test('a sampled silhouette is the mean of the sampled points\' silhouettes, each against every point', () => {
    const points = Float64Array.from([0, 0, 1, 0, 0, 2, 5, 5, 6, 5, 5, 7, 9, 1, 8, 0]);
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2]);
    const exact = (i: number): number => {
      const totals = [0, 0, 0];
      const sizes = [0, 0, 0];
      for (let other = 0; other < 8; other++) {
        const label = labels[other] as number;
        sizes[label] = (sizes[label] as number) + 1;
        totals[label] = (totals[label] as number) + Math.hypot((points[2 * i] as number) - (points[2 * other] as number), (points[2 * i + 1] as number) - (points[2 * other + 1] as number));
      }
      const own = labels[i] as number;
      const a = (totals[own] as number) / ((sizes[own] as number) - 1);
      const b = Math.min(...[0, 1, 2].filter((c) => c !== own).map((c) => (totals[c] as number) / (sizes[c] as number)));
      return (b - a) / Math.max(a, b);
    };
    const sample = [0, 1, 2, 3, 4, 5, 6, 7].map(exact);
    const sampled = silhouette(points, 2, labels, 3, { sampleSize: 3, seed: 5 });
    // Whichever three points the seed draws, the estimate is the mean of three of these values.
    const means = [];
    for (let i = 0; i < 8; i++) for (let j = i + 1; j < 8; j++) for (let k = j + 1; k < 8; k++) means.push(((sample[i] as number) + (sample[j] as number) + (sample[k] as number)) / 3);
    expect(means.some((mean) => Math.abs(mean - sampled) < 1e-14)).toBe(true);
    expect(silhouette(points, 2, labels, 3)).toBeCloseTo(sample.reduce((sum, value) => sum + value, 0) / 8, 14);
  });

  test('chooseK finds three well separated blobs (seed 7)', () => {
    const blobs: number[] = [];
    for (const [cx, cy] of [[0, 0], [8, 0], [0, 8]] as const) for (let i = 0; i < 20; i++) blobs.push(cx + (i % 5) * 0.1, cy + Math.floor(i / 5) * 0.1);
    const result = chooseK(Float64Array.from(blobs), 2, { kMin: 2, kMax: 5, init: 'kmeans++', seed: 7, restarts: 3 });
    expect(result.best.k).toBe(3);
    expect(result.scores.map((score) => score.k)).toEqual([2, 3, 4, 5]);
  });

  test('bad shapes are rejected', () => {
    expect(() => kmeans(Float64Array.from([1, 2, 3]), 2, 1)).toThrow(/do not make rows of 2/);
    expect(() => kmeans(Float64Array.from([1, 2]), 1, 3)).toThrow(/k must be a whole number from 1 to the 2 points/);
  });
});

/** The textbook loop, measuring every point against every centroid on every pass: what `lloyd` must equal. */
function plainLloyd(data: Float64Array, d: number, initial: Float64Array, maxIterations: number) {
  const k = initial.length / d;
  const n = data.length / d;
  const centroids = Float64Array.from(initial);
  const labels = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  let inertia = 0;
  let iterations = 0;
  let converged = false;
  const distance = (i: number, c: number) => {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += ((data[i * d + j] as number) - (centroids[c * d + j] as number)) ** 2;
    return sum;
  };
  while (iterations < maxIterations) {
    iterations++;
    let changes = 0;
    inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (distance(i, c) < distance(i, best)) best = c;
      if (labels[i] !== best) changes++;
      labels[i] = best;
      distances[i] = distance(i, best);
      inertia += distances[i] as number;
    }
    if (changes === 0) {
      converged = true;
      break;
    }
    const sums = new Float64Array(k * d);
    const sizes = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (data[i * d + j] as number);
    }
    for (let c = 0; c < k; c++) {
      if ((sizes[c] as number) > 0) {
        for (let j = 0; j < d; j++) centroids[c * d + j] = (sums[c * d + j] as number) / (sizes[c] as number);
        continue;
      }
      let farthest = 0;
      for (let i = 1; i < n; i++) if ((distances[i] as number) > (distances[farthest] as number)) farthest = i;
      for (let j = 0; j < d; j++) centroids[c * d + j] = data[farthest * d + j] as number;
      distances[farthest] = 0;
    }
  }
  return { centroids, labels, inertia, iterations, converged };
}

test('the bounds that skip distances change nothing: labels, centroids, inertia and passes of the plain loop', () => {
  const seed = 20_261_201;
  console.info('k-means bounds, seed', seed);
  const random = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const cases: { data: Float64Array; d: number; start: Float64Array; maxIterations: number }[] = [];
  for (const d of [1, 2, 3, 5]) {
    for (const k of [2, 4, 6]) {
      const n = 3000;
      const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => 4 * random()));
      const data = Float64Array.from({ length: n * d }, (_, x) => (centres[Math.floor(x / d) % k]![x % d] as number) + normal());
      // Points on a coarse grid: many exact ties and duplicates.
      const grid = Float64Array.from({ length: n * d }, () => Math.floor(random() * 4));
      for (const points of [data, grid]) {
        const start = Float64Array.from({ length: k * d }, (_, x) => points[Math.floor(random() * n) * d + (x % d)] as number);
        cases.push({ data: points, d, start, maxIterations: 300 }, { data: points, d, start, maxIterations: 2 });
      }
    }
  }
  // After one pass the point at 2 is exactly as far from both centroids (0 and 4) and must move to the lower one.
  cases.push({ data: Float64Array.from([0, 2, 6]), d: 1, start: Float64Array.from([0, 3]), maxIterations: 300 });
  // A centroid far from every point is left empty and reseeded.
  cases.push({ data: Float64Array.from([0, 0, 1, 0, 0, 1, 10, 10, 11, 10, 10, 11, 50, 50]), d: 2, start: Float64Array.from([0, 0, 1000, 1000, 2000, 0]), maxIterations: 300 });
  for (const { data, d, start, maxIterations } of cases) {
    const fast = lloyd(data, d, start, maxIterations);
    const plain = plainLloyd(data, d, start, maxIterations);
    expect({ labels: fast.labels, centroids: fast.centroids, inertia: fast.inertia, iterations: fast.iterations, converged: fast.converged }).toEqual(plain);
  }
});

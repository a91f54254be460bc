// k-means on a row-major Float64Array (n points x d features). The issue asks for k-means "with TensorFlow.js"; this
// is a typed-array Lloyd loop instead (with bounds that skip distances, below), because it is the faster here: measured in a module worker
// in Chromium (DESIGN.md §6), 100k x 4, k = 5, 50 iterations took 0.31-0.37 s as a typed-array loop against
// 0.51-0.57 s on tfjs wasm and 3.4 s or more on tfjs webgl/cpu, and it computes in float64 where tfjs has float32.
// The benchmark `analytics.kmeans_ratio_typed` holds this module to the speed of the plain loop.
import { sampleIndices, seededRandom } from './random';

export interface KMeansResult {
  k: number;
  /** k x d, row-major. */
  centroids: Float64Array;
  /** Cluster of each point. */
  labels: Int32Array;
  sizes: Int32Array;
  /** Sum of squared distances of the points to their centroids. */
  inertia: number;
  /** Assignment passes, including the last one that changed nothing. */
  iterations: number;
  converged: boolean;
}

export type KMeansInit = 'sorted-sum' | 'kmeans++';

export interface KMeansOptions {
  init?: KMeansInit;
  /** k-means++ only: runs from different starts; the lowest inertia wins. */
  restarts?: number;
  seed?: number;
  maxIterations?: number;
}

export function kmeans(data: Float64Array, d: number, k: number, options: KMeansOptions = {}): KMeansResult {
  checkShape(data, d, k);
  const maxIterations = options.maxIterations ?? 300;
  if ((options.init ?? 'sorted-sum') === 'sorted-sum') return lloyd(data, d, sortedSumStart(data, d, k), maxIterations);
  const random = seededRandom(options.seed ?? 0);
  let best: KMeansResult | null = null;
  for (let run = 0; run < (options.restarts ?? 10); run++) {
    const result = lloyd(data, d, kmeansPlusPlusStart(data, d, k, random), maxIterations);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  if (best === null) throw new RangeError('k-means++ needs at least one restart');
  return best;
}

/**
 * The deterministic start of REFERENCE.md §5: points sorted by their row sum, then by each column; centroid i is
 * the point at position floor((i + 0.5) n / k), so the starts spread along the main diagonal of the data.
 */
export function sortedSumStart(data: Float64Array, d: number, k: number): Float64Array {
  const n = checkShape(data, d, k);
  const sums = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += data[i * d + j] as number;
    sums[i] = sum;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((p, q) => {
    const bySum = (sums[p] as number) - (sums[q] as number);
    if (bySum !== 0) return bySum;
    for (let j = 0; j < d; j++) {
      const byColumn = (data[p * d + j] as number) - (data[q * d + j] as number);
      if (byColumn !== 0) return byColumn;
    }
    return 0;
  });
  const centroids = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    const point = order[Math.floor(((c + 0.5) * n) / k)] as number;
    centroids.set(data.subarray(point * d, point * d + d), c * d);
  }
  return centroids;
}

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007, with scikit-learn's 2 + ln k candidates per step): each next
 * centroid is drawn with probability proportional to the squared distance to the nearest one chosen so far, keeping
 * the candidate that lowers the total the most.
 */
export function kmeansPlusPlusStart(data: Float64Array, d: number, k: number, random: () => number): Float64Array {
  const n = checkShape(data, d, k);
  const trials = 2 + Math.floor(Math.log(k));
  const centroids = new Float64Array(k * d);
  const first = Math.floor(random() * n);
  centroids.set(data.subarray(first * d, first * d + d), 0);
  const nearest = new Float64Array(n);
  let potential = 0;
  for (let i = 0; i < n; i++) {
    nearest[i] = squaredDistance(data, i * d, data, first * d, d);
    potential += nearest[i] as number;
  }
  const candidateNearest = new Float64Array(n);
  const bestNearest = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity;
    let bestCandidate = 0;
    for (let trial = 0; trial < trials; trial++) {
      const candidate = drawProportional(nearest, potential, random());
      let candidatePotential = 0;
      for (let i = 0; i < n; i++) {
        const distance = Math.min(nearest[i] as number, squaredDistance(data, i * d, data, candidate * d, d));
        candidateNearest[i] = distance;
        candidatePotential += distance;
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestCandidate = candidate;
        bestNearest.set(candidateNearest);
      }
    }
    centroids.set(data.subarray(bestCandidate * d, bestCandidate * d + d), c * d);
    nearest.set(bestNearest);
    potential = bestPotential;
  }
  return centroids;
}

/** Slack on the distance bounds: they are sums of rounded distances, so a point near a tie is always checked. */
const BOUND_SLACK = 1e-9;

/**
 * Lloyd's algorithm from the given centroids: assign each point to the nearest centroid (ties to the lowest index),
 * move each centroid to the mean of its points, until no assignment changes. A cluster left empty takes the point
 * farthest from its centroid, so k clusters come back.
 *
 * Hamerly's bounds (2010) skip the distances that cannot change a point's cluster: an upper bound on the distance to
 * its own centroid and a lower bound on the distance to any other, moved by how far the centroids move. Where the
 * bounds do not settle it, the point is measured as in the plain loop, and means and inertia are summed in the same
 * order, so labels, centroids, inertia and iterations are those of the plain loop, bit for bit; later passes, where
 * few points are near a border, cost a fraction of a pass.
 */
export function lloyd(data: Float64Array, d: number, initial: Float64Array, maxIterations = 300): KMeansResult {
  const k = initial.length / d;
  const n = checkShape(data, d, k);
  const centroids = Float64Array.from(initial);
  const labels = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(k);
  const sums = new Float64Array(k * d);
  const upper = new Float64Array(n).fill(Infinity);
  const lower = new Float64Array(n);
  /** Half the distance from each centroid to the nearest other: a point closer than that to its own stays. */
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const previous = new Float64Array(k * d);
  let inertia = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    for (let c = 0; c < k; c++) {
      let nearest = Infinity;
      for (let other = 0; other < k; other++) {
        if (other !== c) nearest = Math.min(nearest, squaredDistance(centroids, c * d, centroids, other * d, d));
      }
      half[c] = Math.sqrt(nearest) / 2;
    }
    let changes = 0;
    for (let i = 0; i < n; i++) {
      const offset = i * d;
      const own = labels[i] as number;
      if (own >= 0) {
        const bound = Math.max(half[own] as number, lower[i] as number) * (1 - BOUND_SLACK);
        if ((upper[i] as number) < bound) continue;
        upper[i] = Math.sqrt(squaredDistance(data, offset, centroids, own * d, d)) * (1 + BOUND_SLACK);
        if ((upper[i] as number) < bound) continue;
      }
      let best = 0;
      let bestDistance = Infinity;
      let second = Infinity;
      for (let c = 0; c < k; c++) {
        const distance = squaredDistance(data, offset, centroids, c * d, d);
        if (distance < bestDistance) {
          second = bestDistance;
          bestDistance = distance;
          best = c;
        } else if (distance < second) second = distance;
      }
      if (own !== best) {
        labels[i] = best;
        changes++;
      }
      upper[i] = Math.sqrt(bestDistance) * (1 + BOUND_SLACK);
      lower[i] = Math.sqrt(second) * (1 - BOUND_SLACK);
    }
    if (changes === 0 || iterations === maxIterations) {
      // The inertia of this pass's centroids, as the plain loop reports it.
      inertia = 0;
      for (let i = 0; i < n; i++) inertia += squaredDistance(data, i * d, centroids, (labels[i] as number) * d, d);
    }
    if (changes === 0) {
      converged = true;
      break;
    }
    sizes.fill(0);
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const c = labels[i] as number;
      sizes[c] = (sizes[c] as number) + 1;
      const offset = i * d;
      const sumOffset = c * d;
      for (let j = 0; j < d; j++) sums[sumOffset + j] = (sums[sumOffset + j] as number) + (data[offset + j] as number);
    }
    previous.set(centroids);
    let distances: Float64Array | null = null;
    for (let c = 0; c < k; c++) {
      const size = sizes[c] as number;
      if (size > 0) {
        for (let j = 0; j < d; j++) centroids[c * d + j] = (sums[c * d + j] as number) / size;
        continue;
      }
      distances ??= Float64Array.from(labels, (label, i) => squaredDistance(data, i * d, previous, label * d, d));
      let farthest = 0;
      for (let i = 1; i < n; i++) if ((distances[i] as number) > (distances[farthest] as number)) farthest = i;
      centroids.set(data.subarray(farthest * d, farthest * d + d), c * d);
      distances[farthest] = 0;
    }
    if (distances) {
      // A centroid jumped across the data: the bounds say nothing any more.
      upper.fill(Infinity);
      lower.fill(0);
      continue;
    }
    let fastest = 0;
    let farthestMove = 0;
    let secondMove = 0;
    for (let c = 0; c < k; c++) {
      const move = Math.sqrt(squaredDistance(previous, c * d, centroids, c * d, d));
      moved[c] = move;
      if (move > farthestMove) {
        secondMove = farthestMove;
        farthestMove = move;
        fastest = c;
      } else if (move > secondMove) secondMove = move;
    }
    for (let i = 0; i < n; i++) {
      const own = labels[i] as number;
      upper[i] = ((upper[i] as number) + (moved[own] as number)) * (1 + BOUND_SLACK);
      lower[i] = ((lower[i] as number) - (own === fastest ? secondMove : farthestMove)) * (1 - BOUND_SLACK);
    }
  }
  sizes.fill(0);
  for (let i = 0; i < n; i++) sizes[labels[i] as number] = (sizes[labels[i] as number] as number) + 1;
  return { k, centroids, labels, sizes, inertia, iterations, converged };
}

export interface SilhouetteOptions {
  /** Score this many randomly drawn points (against all points) instead of every point; exact when >= n. */
  sampleSize?: number;
  seed?: number;
}

/**
 * Mean silhouette (b - a) / max(a, b), a = mean distance to the point's own cluster, b = to the nearest other one;
 * 0 for a point alone in its cluster. Exact costs n^2 distances; for large n a seeded sample of points is scored
 * against all points, an unbiased estimate of the same mean.
 */
export function silhouette(data: Float64Array, d: number, labels: Int32Array, k: number, options: SilhouetteOptions = {}): number {
  const n = checkShape(data, d, k);
  if (labels.length !== n) throw new RangeError(`${labels.length} labels for ${n} points`);
  const sizes = new Int32Array(k);
  for (const label of labels) sizes[label] = (sizes[label] as number) + 1;
  const sampleSize = options.sampleSize ?? n;
  const points = sampleSize >= n ? Uint32Array.from({ length: n }, (_, i) => i) : sampleIndices(n, sampleSize, seededRandom(options.seed ?? 0));
  const count = points.length;
  // totals[s * k + c]: sum of distances from scored point s to the points of cluster c.
  const totals = new Float64Array(count * k);
  // The distance is written out in both loops below: they are the whole cost of a large segmentation.
  if (count === n) {
    // Every pair once, added to both ends: half the work of scoring each point separately.
    for (let i = 0; i < n; i++) {
      const labelI = labels[i] as number;
      const iOffset = i * d;
      for (let other = i + 1, offset = other * d; other < n; other++, offset += d) {
        let sum = 0;
        for (let j = 0; j < d; j++) {
          const diff = (data[iOffset + j] as number) - (data[offset + j] as number);
          sum += diff * diff;
        }
        const dist = Math.sqrt(sum);
        const at = i * k + (labels[other] as number);
        totals[at] = (totals[at] as number) + dist;
        const back = other * k + labelI;
        totals[back] = (totals[back] as number) + dist;
      }
    }
  } else {
    // Each scored point sums into a row of its own, in the same order as into totals: the same bits, fewer loads.
    const row = new Float64Array(k);
    for (let s = 0; s < count; s++) {
      const iOffset = (points[s] as number) * d;
      row.fill(0);
      for (let other = 0, offset = 0; other < n; other++, offset += d) {
        let sum = 0;
        for (let j = 0; j < d; j++) {
          const diff = (data[iOffset + j] as number) - (data[offset + j] as number);
          sum += diff * diff;
        }
        const label = labels[other] as number;
        row[label] = (row[label] as number) + Math.sqrt(sum);
      }
      totals.set(row, s * k);
    }
  }
  let sum = 0;
  for (let s = 0; s < count; s++) {
    const own = labels[points[s] as number] as number;
    const ownSize = sizes[own] as number;
    if (ownSize <= 1) continue;
    const a = (totals[s * k + own] as number) / (ownSize - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, (totals[s * k + c] as number) / (sizes[c] as number));
    if (b !== Infinity) sum += (b - a) / Math.max(a, b);
  }
  return sum / count;
}

export interface ChooseKOptions extends KMeansOptions, SilhouetteOptions {
  /** Smallest and largest k to try. */
  kMin?: number;
  kMax?: number;
}

export interface ChooseKResult {
  best: KMeansResult;
  /** Silhouette of each k tried, from kMin up. */
  scores: { k: number; silhouette: number; inertia: number }[];
}

/** Runs k-means for each k in the range and keeps the k with the highest silhouette (the smaller k on a tie). */
export function chooseK(data: Float64Array, d: number, options: ChooseKOptions = {}): ChooseKResult {
  const n = data.length / d;
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 8, n - 1);
  if (kMin < 2 || kMax < kMin) throw new RangeError(`choosing k needs 2 <= kMin <= kMax < n points (kMin ${kMin}, kMax ${kMax}, n ${n})`);
  let best: KMeansResult | null = null;
  let bestScore = -Infinity;
  const scores: ChooseKResult['scores'] = [];
  for (let k = kMin; k <= kMax; k++) {
    const result = kmeans(data, d, k, options);
    const score = silhouette(data, d, result.labels, k, options);
    scores.push({ k, silhouette: score, inertia: result.inertia });
    if (score > bestScore) {
      bestScore = score;
      best = result;
    }
  }
  return { best: best as KMeansResult, scores };
}

/**
 * Squared Euclidean distance between two rows. Three columns (recency, frequency, money: the segmentation's case) are
 * spelt out: V8 does not unroll a loop whose bound it cannot see, and the loop's own counting doubled the time.
 */
function squaredDistance(a: Float64Array, aOffset: number, b: Float64Array, bOffset: number, d: number): number {
  if (d === 3) {
    const x = (a[aOffset] as number) - (b[bOffset] as number);
    const y = (a[aOffset + 1] as number) - (b[bOffset + 1] as number);
    const z = (a[aOffset + 2] as number) - (b[bOffset + 2] as number);
    return x * x + y * y + z * z;
  }
  let distance = 0;
  for (let j = 0; j < d; j++) {
    const diff = (a[aOffset + j] as number) - (b[bOffset + j] as number);
    distance += diff * diff;
  }
  return distance;
}


function drawProportional(weights: Float64Array, total: number, u: number): number {
  let target = u * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0) return i;
  }
  // Rounding can leave a sliver of the total; the last point with weight takes it.
  for (let i = weights.length - 1; i > 0; i--) if ((weights[i] as number) > 0) return i;
  return 0;
}

function checkShape(data: Float64Array, d: number, k: number): number {
  const n = data.length / d;
  if (!(Number.isInteger(d) && d >= 1 && Number.isInteger(n))) throw new RangeError(`${data.length} values do not make rows of ${d}`);
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new RangeError(`k must be a whole number from 1 to the ${n} points, got ${k}`);
  return n;
}

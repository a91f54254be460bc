// Gradient-boosted regression trees for binary log-loss (Friedman's TreeBoost), with scikit-learn's
// GradientBoostingClassifier defaults: 100 rounds, shrinkage 0.1, depth-3 trees grown on every split point, leaves
// set by one Newton step. Plain float64 TypeScript: trees are branchy integer work that tensors do not speed up.
import type { Matrix } from './matrix';
import { sigmoid } from './logistic';

export interface BoostingOptions {
  rounds?: number;
  learningRate?: number;
  maxDepth?: number;
  /** Features with at most this many distinct values are searched by histogram (default 256, at most 256). */
  histogramLimit?: number;
}

/** One tree as parallel arrays; a node with feature -1 is a leaf holding `value`. */
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

export interface BoostingModel {
  base: number;
  learningRate: number;
  trees: Tree[];
}

/**
 * A feature as the split search reads it. One with few distinct values (counts, scores, a category's indicator)
 * keeps each row's rank among them, so a level's search adds rows into a small histogram per node; one with many
 * keeps its rows in ascending order of value, scanned once per level. Both find the same splits: every boundary
 * between neighbouring distinct values is tried.
 */
type SplitFeature =
  | { kind: 'ranked'; rank: Uint8Array; distinct: Float64Array }
  | { kind: 'sorted'; order: Int32Array; values: Float64Array };

/** Distinct values up to which a feature is searched by histogram (its ranks fit a byte). */
const HISTOGRAM_LIMIT = 256;

function splitFeature(x: Matrix, j: number, histogramLimit: number): SplitFeature {
  const { rows, cols } = x;
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  order.sort((a, b) => (x.data[a * cols + j] as number) - (x.data[b * cols + j] as number));
  const values = Float64Array.from(order, (i) => x.data[i * cols + j] as number);
  let distinct = rows > 0 ? 1 : 0;
  for (let k = 1; k < rows && distinct <= histogramLimit; k++) if ((values[k] as number) > (values[k - 1] as number)) distinct++;
  if (distinct > histogramLimit) return { kind: 'sorted', order, values };
  const rank = new Uint8Array(rows);
  const levels: number[] = [];
  for (let k = 0; k < rows; k++) {
    const value = values[k] as number;
    if (levels.length === 0 || value > (levels[levels.length - 1] as number)) levels.push(value);
    rank[order[k] as number] = levels.length - 1;
  }
  return { kind: 'ranked', rank, distinct: Float64Array.from(levels) };
}

export function fitBoosting(x: Matrix, labels: ArrayLike<number>, options: BoostingOptions = {}): BoostingModel {
  const rounds = options.rounds ?? 100;
  const learningRate = options.learningRate ?? 0.1;
  const maxDepth = options.maxDepth ?? 3;
  const { rows, cols } = x;
  let positives = 0;
  for (let i = 0; i < rows; i++) positives += labels[i] as number;
  if (positives === 0 || positives === rows) throw new Error('gradient boosting needs both classes among the labels');
  const base = Math.log(positives / (rows - positives));

  // Prepared once, reused by every node of every tree.
  const histogramLimit = Math.min(HISTOGRAM_LIMIT, options.histogramLimit ?? HISTOGRAM_LIMIT);
  const features = Array.from({ length: cols }, (_, j) => splitFeature(x, j, histogramLimit));

  const logits = new Float64Array(rows).fill(base);
  const residual = new Float64Array(rows);
  const hessian = new Float64Array(rows);
  const trees: Tree[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(logits[i] as number);
      residual[i] = (labels[i] as number) - p;
      hessian[i] = p * (1 - p);
    }
    const tree = growTree(x, features, residual, hessian, maxDepth);
    trees.push(tree);
    for (let i = 0; i < rows; i++) logits[i] = (logits[i] as number) + learningRate * treeValue(tree, x.data, i * cols);
  }
  return { base, learningRate, trees };
}

export function boostingLogits(model: BoostingModel, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = model.base;
    for (const tree of model.trees) s += model.learningRate * treeValue(tree, x.data, i * x.cols);
    out[i] = s;
  }
  return out;
}

function treeValue(tree: Tree, data: Float64Array, offset: number): number {
  let node = 0;
  for (;;) {
    const feature = tree.feature[node] as number;
    if (feature < 0) return tree.value[node] as number;
    node = (data[offset + feature] as number) <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
  }
}

/** Each node's rows and residual sum per rank of one feature. */
function fillHistogram(rank: Uint8Array, rowSlot: Int32Array, residual: Float64Array, bins: number, binCount: Float64Array, binSum: Float64Array): void {
  for (let i = 0; i < rank.length; i++) {
    const s = rowSlot[i] as number;
    if (s < 0) continue;
    const cell = s * bins + (rank[i] as number);
    binCount[cell] = (binCount[cell] as number) + 1;
    binSum[cell] = (binSum[cell] as number) + (residual[i] as number);
  }
}

/**
 * Grows one least-squares tree on the residuals level by level: one pass over each feature (its histogram or its
 * sorted rows) finds the best split of every node of the level at once. The split maximises Friedman's improvement
 * n_l n_r / (n_l + n_r) (mean_l - mean_r)^2; thresholds lie midway between neighbouring distinct values.
 */
function growTree(x: Matrix, features: SplitFeature[], residual: Float64Array, hessian: Float64Array, maxDepth: number): Tree {
  const { rows, cols } = x;
  const capacity = 2 ** (maxDepth + 1) - 1;
  const tree: Tree = {
    feature: new Int32Array(capacity).fill(-1),
    threshold: new Float64Array(capacity),
    left: new Int32Array(capacity).fill(-1),
    right: new Int32Array(capacity).fill(-1),
    value: new Float64Array(capacity),
  };
  let nodes = 1;
  const nodeOf = new Int32Array(rows);
  let level = [0];
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const slot = new Int32Array(capacity).fill(-1);
    level.forEach((node, index) => (slot[node] = index));
    const m = level.length;
    const count = new Float64Array(m);
    const sum = new Float64Array(m);
    // Each row's slot at this level, looked up once rather than in every feature's pass.
    const rowSlot = new Int32Array(rows);
    for (let i = 0; i < rows; i++) rowSlot[i] = slot[nodeOf[i] as number] as number;
    for (let i = 0; i < rows; i++) {
      const s = rowSlot[i] as number;
      if (s < 0) continue;
      count[s] = (count[s] as number) + 1;
      sum[s] = (sum[s] as number) + (residual[i] as number);
    }
    const bestGain = new Float64Array(m);
    const bestFeature = new Int32Array(m).fill(-1);
    const bestThreshold = new Float64Array(m);
    const leftCount = new Float64Array(m);
    const leftSum = new Float64Array(m);
    const lastValue = new Float64Array(m);
    // Moving one distinct value (n rows summing to r) of node s to the left: first scores the boundary before it.
    const advance = (s: number, j: number, value: number, n: number, r: number) => {
      const nl = leftCount[s] as number;
      if (nl > 0) {
        const nr = (count[s] as number) - nl;
        const sl = leftSum[s] as number;
        const diff = sl / nl - ((sum[s] as number) - sl) / nr;
        const gain = ((nl * nr) / (nl + nr)) * diff * diff;
        if (gain > (bestGain[s] as number)) {
          bestGain[s] = gain;
          bestFeature[s] = j;
          bestThreshold[s] = ((lastValue[s] as number) + value) / 2;
        }
      }
      leftCount[s] = nl + n;
      leftSum[s] = (leftSum[s] as number) + r;
      lastValue[s] = value;
    };
    for (let j = 0; j < cols; j++) {
      leftCount.fill(0);
      leftSum.fill(0);
      const feature = features[j] as SplitFeature;
      if (feature.kind === 'ranked') {
        const { rank, distinct } = feature;
        const bins = distinct.length;
        const binCount = new Float64Array(m * bins);
        const binSum = new Float64Array(m * bins);
        fillHistogram(rank, rowSlot, residual, bins, binCount, binSum);
        for (let s = 0; s < m; s++) {
          for (let b = 0; b < bins; b++) {
            const n = binCount[s * bins + b] as number;
            if (n > 0) advance(s, j, distinct[b] as number, n, binSum[s * bins + b] as number);
          }
        }
        continue;
      }
      const { order, values } = feature;
      for (let k = 0; k < rows; k++) {
        const i = order[k] as number;
        const s = rowSlot[i] as number;
        if (s < 0) continue;
        const value = values[k] as number;
        if ((leftCount[s] as number) > 0 && !(value > (lastValue[s] as number))) {
          // The same value as the row before it in this node: no boundary between them.
          leftCount[s] = (leftCount[s] as number) + 1;
          leftSum[s] = (leftSum[s] as number) + (residual[i] as number);
          continue;
        }
        advance(s, j, value, 1, residual[i] as number);
      }
    }
    const next: number[] = [];
    level.forEach((node, s) => {
      const feature = bestFeature[s] as number;
      if (feature < 0) return;
      tree.feature[node] = feature;
      tree.threshold[node] = bestThreshold[s] as number;
      tree.left[node] = nodes;
      tree.right[node] = nodes + 1;
      next.push(nodes, nodes + 1);
      nodes += 2;
    });
    for (let i = 0; i < rows; i++) {
      const node = nodeOf[i] as number;
      const feature = tree.feature[node] as number;
      if (feature < 0 || (slot[node] as number) < 0) continue;
      nodeOf[i] = (x.data[i * cols + feature] as number) <= (tree.threshold[node] as number) ? (tree.left[node] as number) : (tree.right[node] as number);
    }
    level = next;
  }
  // Leaves take one Newton step on the log-loss: sum of residuals over sum of p(1 - p).
  const numerator = new Float64Array(nodes);
  const denominator = new Float64Array(nodes);
  for (let i = 0; i < rows; i++) {
    const node = nodeOf[i] as number;
    numerator[node] = (numerator[node] as number) + (residual[i] as number);
    denominator[node] = (denominator[node] as number) + (hessian[i] as number);
  }
  for (let node = 0; node < nodes; node++) {
    if ((tree.feature[node] as number) >= 0) continue;
    const d = denominator[node] as number;
    tree.value[node] = d < 1e-150 ? 0 : (numerator[node] as number) / d;
  }
  return tree;
}

// Metrics for binary classifiers and the deterministic folds they are evaluated on.

/** Area under the ROC curve from ranks (Mann–Whitney U), tied scores sharing their average rank. */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && scores[order[end] as number] === scores[order[start] as number]) end++;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        rankSum += rank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw new Error('AUC needs both classes among the labels');
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function accuracy(probabilities: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (((probabilities[i] as number) >= threshold ? 1 : 0) === labels[i]) right++;
  return right / labels.length;
}

/** Mean negative log-likelihood; probabilities are clipped to [1e-15, 1 - 1e-15] as scikit-learn does. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(Math.max(probabilities[i] as number, 1e-15), 1 - 1e-15);
    total -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return total / labels.length;
}

export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < labels.length; i++) total += ((probabilities[i] as number) - (labels[i] as number)) ** 2;
  return total / labels.length;
}

export interface CalibrationBin {
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/**
 * Groups of (nearly) equal size by predicted probability — deciles by default: row i of the sorted order goes to
 * group floor(i * bins / n). Each group reports its mean prediction and the share of positives actually seen.
 */
export function calibrationTable(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const n = probabilities.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (probabilities[a] as number) - (probabilities[b] as number),
  );
  const table = Array.from({ length: Math.min(bins, n) }, () => ({ count: 0, meanPredicted: 0, observedRate: 0 }));
  order.forEach((row, position) => {
    const bin = table[Math.floor((position * table.length) / n)] as CalibrationBin;
    bin.count++;
    bin.meanPredicted += probabilities[row] as number;
    bin.observedRate += labels[row] as number;
  });
  for (const bin of table) {
    bin.meanPredicted /= bin.count;
    bin.observedRate /= bin.count;
  }
  return table;
}

/**
 * Deterministic stratified k-fold assignment: within each class, rows sorted by id are dealt round-robin into folds
 * 0..k-1, so every fold gets the same share of each class and the split depends on nothing but the ids.
 */
export function stratifiedFolds(ids: readonly string[], labels: ArrayLike<number>, k: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds: k must be an integer ≥ 2, not ${k}`);
  const folds = new Int32Array(ids.length);
  for (const label of [0, 1]) {
    const rows = ids.map((_, i) => i).filter((i) => labels[i] === label);
    rows.sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : (ids[a] as string) > (ids[b] as string) ? 1 : a - b));
    rows.forEach((row, position) => (folds[row] = position % k));
  }
  return folds;
}

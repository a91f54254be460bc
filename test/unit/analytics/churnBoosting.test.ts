import { describe, expect, test } from 'vitest';
import { boostingLogits, fitBoosting } from '../../../src/analytics/churn/boosting';
import { mulberry32 } from '../../../src/analytics/random';

// histogramLimit 0 sends every feature down the sorted-rows search; the default searches few-valued ones by histogram.
const SEARCHES = { sorted: { histogramLimit: 0 }, histogram: {} } as const;

describe('gradient boosting split search', () => {
  test.each(Object.entries(SEARCHES))('one stump by hand (%s search): split midway, leaves one Newton step', (_, search) => {
    // base log-odds 0, residuals ∓0.5, p(1 - p) = 0.25: leaves -1 / 0.5 and 1 / 0.5, split between 2 and 3.
    const x = { rows: 4, cols: 1, data: Float64Array.from([1, 2, 3, 4]) };
    const model = fitBoosting(x, [0, 0, 1, 1], { rounds: 1, maxDepth: 1, learningRate: 1, ...search });
    expect(model.base).toBe(0);
    expect(model.trees[0]?.threshold[0]).toBe(2.5);
    expect(Array.from(boostingLogits(model, x))).toEqual([-2, -2, 2, 2]);
  });

  test('histogram and sorted searches grow the same trees', () => {
    const seed = 20_261_130;
    console.info(`boosting equivalence seed: ${seed}`);
    const random = mulberry32(seed);
    const rows = 3000;
    const cols = 8;
    // Two continuous columns, six with a handful of values (counts, indicators), as the churn features are.
    const data = new Float64Array(rows * cols).map((_, k) => (k % cols < 2 ? random() * 100 : Math.floor(random() * random() * 9)));
    const labels = Array.from({ length: rows }, (_, i) => {
      const logit = (data[i * cols] as number) / 40 - 1.2 + (data[i * cols + 3] as number) / 3 - (data[i * cols + 5] as number) / 4;
      return random() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    });
    const x = { rows, cols, data };
    const sorted = fitBoosting(x, labels, { rounds: 30, ...SEARCHES.sorted });
    const histogram = fitBoosting(x, labels, { rounds: 30, ...SEARCHES.histogram });
    expect(histogram.trees.map((tree) => Array.from(tree.feature))).toEqual(sorted.trees.map((tree) => Array.from(tree.feature)));
    expect(histogram.trees.map((tree) => Array.from(tree.threshold))).toEqual(sorted.trees.map((tree) => Array.from(tree.threshold)));
    const a = boostingLogits(histogram, x);
    const b = boostingLogits(sorted, x);
    a.forEach((logit, i) => expect(logit).toBeCloseTo(b[i] as number, 12));
  });
});

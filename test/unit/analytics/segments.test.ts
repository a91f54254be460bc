import { expect, test } from 'vitest';
import { describeRfmCentroid, segmentCustomers } from '../../../src/analytics/segments';

test('centroids are named in words: two levels each side of the mean, at 0.5 and 1.5 SDs', () => {
  expect(describeRfmCentroid([-2.28, 2.02, 1.62]).code).toBe('very_recent.very_frequent.very_high_spend');
  expect(describeRfmCentroid([-0.6, 0.85, 0.84]).code).toBe('recent.frequent.high_spend');
  expect(describeRfmCentroid([0.58, -0.74, -0.96])).toEqual({
    recency: 'lapsing',
    frequency: 'occasional',
    spend: 'low_spend',
    code: 'lapsing.occasional.low_spend',
  });
  expect(describeRfmCentroid([0, 0.49, -1.5]).code).toBe('average_recency.average_frequency.very_low_spend');
});

test('segmentCustomers: two clear groups, centroids back in days, purchases and money', () => {
  const recency = [1, 2, 3, 4, 300, 310, 320, 330];
  const frequency = [9, 9, 9, 9, 1, 1, 1, 1];
  const monetary = [99, 99, 99, 99, 9, 9, 9, 9];
  const result = segmentCustomers({ recency, frequency, monetary }, { k: 2 });
  // The sorted-sum start orders by the sum of the z-scores, so the lapsed, low-value group comes first.
  expect(Array.from(result.labels)).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
  const [worst, best] = result.segments;
  expect(best?.size).toBe(4);
  // Geometric mean of 1 + R, less 1: (2 x 3 x 4 x 5)^(1/4) - 1.
  expect(best?.recency).toBeCloseTo(120 ** 0.25 - 1, 12);
  expect(best?.frequency).toBeCloseTo(9, 12);
  expect(best?.monetary).toBeCloseTo(99, 12);
  // Two equal groups sit exactly 1 SD either side of the mean.
  expect(best?.description.code).toBe('recent.frequent.high_spend');
  expect(worst?.description.code).toBe('lapsing.occasional.low_spend');
  expect(result.silhouette).toBeGreaterThan(0.9);
  const chosen = segmentCustomers({ recency, frequency, monetary }, { kMin: 2, kMax: 4 });
  expect(chosen.k).toBe(2);
  expect(chosen.silhouette).toBeCloseTo(result.silhouette, 14);
});

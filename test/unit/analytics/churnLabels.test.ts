import { describe, expect, test } from 'vitest';
import { churnLabels, churnTimeSplit, type CustomerActivity } from '../../../src/analytics/churn/labels';

const DAY = 86_400_000;
const history: CustomerActivity[] = [
  { customerId: 'A', lifecycle: 'customer', activity: [120 * DAY, 10 * DAY] },
  { customerId: 'B', lifecycle: 'customer', activity: [50 * DAY] },
  { customerId: 'C', lifecycle: 'customer', activity: [110 * DAY] },
  { customerId: 'D', lifecycle: 'churned', activity: [20 * DAY, 125 * DAY] },
  { customerId: 'E', lifecycle: 'prospect', activity: [100 * DAY, 130 * DAY] },
  { customerId: 'F', lifecycle: 'customer', activity: [90 * DAY, 131 * DAY] },
];

describe('churn labels from history', () => {
  test('silent through (cutoff, cutoff + horizon] or marked churned; only customers active by the cutoff', () => {
    expect(churnLabels(history, 100 * DAY, 30 * DAY)).toEqual([
      { customerId: 'A', churned: false, reason: 'active' },
      { customerId: 'B', churned: true, reason: 'silent' },
      { customerId: 'D', churned: true, reason: 'lifecycle' },
      { customerId: 'E', churned: false, reason: 'active' },
      { customerId: 'F', churned: true, reason: 'silent' },
    ]);
  });

  test('the time split trains on the last known horizon and scores everyone still a customer now', () => {
    const split = churnTimeSplit(history, 130 * DAY, 30 * DAY);
    expect(split.train.cutoff).toBe(100 * DAY);
    expect(split.train.labels).toEqual(churnLabels(history, 100 * DAY, 30 * DAY));
    expect(split.score).toEqual({ at: 130 * DAY, customerIds: ['A', 'B', 'C', 'E', 'F'] });
  });

  test('a horizon that is not a positive duration is an error', () => {
    expect(() => churnLabels(history, 100 * DAY, 0)).toThrow('the horizon must be a positive duration, not 0');
  });
});

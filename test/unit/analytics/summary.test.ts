import { describe, expect, test } from 'vitest';
import { calibrationAndHoldout, customerSummary, toUnit, type Transaction } from '../../../src/analytics/summary';
import { cdnowSummary, cdnowTransactions } from './cdnow';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('customerSummary', () => {
  test('REFERENCE.md §1: the CDNOW sample in weeks equals the published summary for all 2,357 customers', () => {
    const transactions = cdnowTransactions('CDNOW_sample.txt', 1, 2, 4);
    const summary = customerSummary(transactions, { observationEnd: day('1997-09-30'), unit: 'week' });
    const expected = cdnowSummary();
    expect(summary.keys).toHaveLength(2357);
    const index = new Map(summary.keys.map((key, i) => [Number(key), i]));
    let largestZbarGap = 0;
    for (const row of expected) {
      const i = index.get(Number(row.id)) as number;
      expect([summary.frequency[i], summary.recency[i], summary.T[i]], `customer ${row.id}`).toEqual([row.frequency, row.recency, row.T]);
      largestZbarGap = Math.max(largestZbarGap, Math.abs((summary.monetary[i] as number) - row.zbar));
    }
    expect(largestZbarGap).toBeLessThanOrEqual(0.01);
  });

  test('a hand-computed case: same-day purchases merge, monetary skips the first day, later days are ignored', () => {
    const transactions: Transaction[] = [
      { customerKey: 'a', at: day('2024-01-01') + 3_600_000, amount: 10 },
      { customerKey: 'a', at: day('2024-01-01') + 7_200_000, amount: 5 },
      { customerKey: 'b', at: day('2024-01-05'), amount: 7 },
      { customerKey: 'a', at: day('2024-01-08') + 1, amount: 20 },
      { customerKey: 'a', at: day('2024-01-08') + 2, amount: 4 },
      { customerKey: 'a', at: day('2024-01-15'), amount: 12 },
      { customerKey: 'a', at: day('2024-02-01'), amount: 99 },
      { customerKey: 'c', at: day('2024-02-01'), amount: 1 },
    ];
    const summary = customerSummary(transactions, { observationEnd: day('2024-01-29') + 5000 });
    expect(summary.keys).toEqual(['a', 'b']);
    expect(Array.from(summary.frequency)).toEqual([2, 0]);
    expect(Array.from(summary.recency)).toEqual([14, 0]);
    expect(Array.from(summary.T)).toEqual([28, 24]);
    expect(Array.from(summary.monetary)).toEqual([(24 + 12) / 2, 0]);
    const weeks = customerSummary(transactions, { observationEnd: day('2024-01-29'), unit: 'week' });
    expect(Array.from(weeks.recency)).toEqual([2, 0]);
    expect(Array.from(weeks.T)).toEqual([4, 3.43]);
  });

  test('calibrationAndHoldout counts purchase days in the holdout for calibration customers only', () => {
    const transactions: Transaction[] = [
      { customerKey: 'a', at: day('2024-01-01') },
      { customerKey: 'a', at: day('2024-01-10') },
      { customerKey: 'a', at: day('2024-02-03') },
      { customerKey: 'a', at: day('2024-02-03') + 60_000 },
      { customerKey: 'a', at: day('2024-02-20') },
      { customerKey: 'a', at: day('2024-03-20') },
      { customerKey: 'b', at: day('2024-01-20') },
      { customerKey: 'c', at: day('2024-02-05') },
    ];
    const result = calibrationAndHoldout(transactions, { calibrationEnd: day('2024-01-31'), holdoutEnd: day('2024-02-29') });
    expect(result.keys).toEqual(['a', 'b']);
    expect(Array.from(result.frequency)).toEqual([1, 0]);
    expect(Array.from(result.recency)).toEqual([9, 0]);
    expect(Array.from(result.T)).toEqual([30, 11]);
    expect(Array.from(result.holdoutPurchases)).toEqual([2, 0]);
    expect(result.holdoutDuration).toBe(29);
    expect(() => calibrationAndHoldout(transactions, { calibrationEnd: day('2024-01-31'), holdoutEnd: day('2024-01-31') })).toThrow(
      /must end after/,
    );
  });

  test('toUnit rounds weeks to 2 decimals as lifetimes does', () => {
    expect(toUnit(272, 'week')).toBe(38.86);
    expect(toUnit(12, 'week')).toBe(1.71);
    expect(toUnit(12, 'day')).toBe(12);
  });
});

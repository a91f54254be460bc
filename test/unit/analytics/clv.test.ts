import { expect, test } from 'vitest';
import { bgnbdConditionalExpectedPurchases } from '../../../src/analytics/bgnbd';
import { customerLifetimeValue } from '../../../src/analytics/clv';
import { gammaGammaExpectedSpend } from '../../../src/analytics/gammaGamma';

const purchases = { r: 0.242593, alpha: 4.413531, a: 0.792885, b: 2.42575 };
const spend = { p: 6.248835, q: 3.744586, v: 15.447653 };
const history = { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86], monetary: [22.35, 0] };

test('CLV sums monthly increments of expected purchases times expected spend, discounted per month', () => {
  const months = 3;
  const rate = 0.01;
  const value = customerLifetimeValue(purchases, spend, history, { months, monthlyDiscountRate: rate, unit: 'week' });
  history.frequency.forEach((x, i) => {
    const expectedAt = (month: number): number =>
      bgnbdConditionalExpectedPurchases(purchases, month * 4.345, x, history.recency[i] as number, history.T[i] as number);
    const perPurchase = gammaGammaExpectedSpend(spend, x, history.monetary[i] as number);
    const expected =
      (perPurchase * expectedAt(1)) / 1.01 +
      (perPurchase * (expectedAt(2) - expectedAt(1))) / 1.01 ** 2 +
      (perPurchase * (expectedAt(3) - expectedAt(2))) / 1.01 ** 3;
    expect(value[i]).toBeCloseTo(expected, 10);
  });
});

test('without discounting CLV is expected purchases over the horizon times expected spend; zero months is zero', () => {
  const [value] = customerLifetimeValue(purchases, spend, history, { months: 12, monthlyDiscountRate: 0, unit: 'day' });
  const total = bgnbdConditionalExpectedPurchases(purchases, 360, 2, 30.43, 38.86);
  expect(value).toBeCloseTo(total * gammaGammaExpectedSpend(spend, 2, 22.35), 10);
  expect(Array.from(customerLifetimeValue(purchases, spend, history, { months: 0, monthlyDiscountRate: 0.01, unit: 'week' }))).toEqual([0, 0]);
  expect(() => customerLifetimeValue(purchases, spend, history, { months: 1.5, monthlyDiscountRate: 0, unit: 'week' })).toThrow(/whole number/);
});

import { describe, expect, test } from 'vitest';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdExpectedPurchases,
  bgnbdLogLikelihood,
  bgnbdProbabilityAlive,
  fitBgNbd,
} from '../../../src/analytics/bgnbd';
import { lnGamma } from '../../../src/analytics/special';
import { generateDemo } from '../../../src/domain/demo/generate';
import { customerSummary } from '../../../src/analytics/summary';
import { cdnowSummary } from './cdnow';
import { expectGradientMatches } from './gradientCheck';

const rows = cdnowSummary();
const history = {
  frequency: rows.map((row) => row.frequency),
  recency: rows.map((row) => row.recency),
  T: rows.map((row) => row.T),
};
const REFERENCE = { r: 0.242593, alpha: 4.413531, a: 0.792885, b: 2.42575 };

describe('BG/NBD on the CDNOW summary (REFERENCE.md §2)', () => {
  const fit = fitBgNbd(history);

  test('the maximum-likelihood fit reproduces the published parameters and log-likelihood', () => {
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.logLikelihood - -9582.4256)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.params.r / REFERENCE.r - 1)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.params.alpha / REFERENCE.alpha - 1)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(fit.params.a / REFERENCE.a - 1)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(fit.params.b / REFERENCE.b - 1)).toBeLessThanOrEqual(0.01);
  });

  test('the log-likelihood at the reference parameters', () => {
    expect(bgnbdLogLikelihood(REFERENCE, history)).toBeCloseTo(-9582.4256, 3);
  });

  test('E[X(t)] table to 3 decimals', () => {
    // REFERENCE.md says "at the paper's rounded parameters", but its figures are those of the fitted parameters:
    // at 0.243 / 4.414 / 0.793 / 2.426, E[X(32)] is 1.0452, not 1.0437 (scipy's hyp2f1 agrees).
    const times = [0.1429, 1, 3, 31.8571, 32, 78];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(bgnbdExpectedPurchases(fit.params, t) - (expected[i] as number)), `t = ${t}`).toBeLessThan(0.0005));
    expect(bgnbdExpectedPurchases({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 32)).toBeCloseTo(1.04524, 5);
  });

  test('conditional expectation of a customer with x = 2, t_x = 30.43, T = 38.86 over 39 weeks', () => {
    expect(Math.abs(bgnbdConditionalExpectedPurchases(fit.params, 39, 2, 30.43, 38.86) - 1.2259)).toBeLessThanOrEqual(0.001);
  });
});

describe('BG/NBD formulas, hand-computed', () => {
  const params = { r: 1, alpha: 2, a: 1, b: 3 };

  test('P(alive): 1 without repeat purchases, else 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))', () => {
    expect(bgnbdProbabilityAlive(params, 0, 0, 10)).toBe(1);
    // x = 1, t_x = 2, T = 6: 1 / (1 + (1/3) (8/4)^2) = 3/7
    expect(bgnbdProbabilityAlive(params, 1, 2, 6)).toBeCloseTo(3 / 7, 14);
  });

  test('E[X(t)] with r = 1, b = 1: (a/(a-1)) (1 - (alpha/(alpha+t)) 2F1(1,1;a;z)) and 2F1(1,1;2;z) = -ln(1-z)/z', () => {
    const t = 3;
    const z = t / (2 + t);
    const expected = 2 * (1 - (2 / 5) * (-Math.log(1 - z) / z));
    expect(bgnbdExpectedPurchases({ r: 1, alpha: 2, a: 2, b: 1 }, t)).toBeCloseTo(expected, 13);
  });

  test('the log-likelihood over distinct histories equals the customer-by-customer sum (Fader, Hardie & Lee eq. 6)', () => {
    // Duplicated histories, times shared between t_x of one customer and T of another, and customers without repeats.
    const history = { frequency: [0, 2, 2, 1, 0, 2, 5], recency: [0, 4, 4, 6, 0, 6, 9], T: [10, 10, 10, 6, 6, 12, 9] };
    const p = { r: 0.7, alpha: 3, a: 0.9, b: 2.2 };
    let expected = 0;
    history.frequency.forEach((x, i) => {
      const tx = history.recency[i] as number;
      const T = history.T[i] as number;
      const common = lnGamma(p.r + x) + p.r * Math.log(p.alpha) - lnGamma(p.r) + lnGamma(p.a + p.b) + lnGamma(p.b + x) - lnGamma(p.b) - lnGamma(p.a + p.b + x);
      const alive = Math.pow(p.alpha + T, -(p.r + x));
      const droppedOut = x > 0 ? (p.a / (p.b + x - 1)) * Math.pow(p.alpha + tx, -(p.r + x)) : 0;
      expected += common + Math.log(alive + droppedOut);
    });
    expect(bgnbdLogLikelihood(p, history)).toBeCloseTo(expected, 11);
  });

  test('the gradient by log parameters matches central differences of the log-likelihood', () => {
    const history = { frequency: [0, 2, 2, 1, 0, 2, 5], recency: [0, 4, 4, 6, 0, 6, 9], T: [10, 10, 10, 6, 6, 12, 9] };
    const at = ([r, alpha, a, b]: number[]) => ({ r: Math.exp(r as number), alpha: Math.exp(alpha as number), a: Math.exp(a as number), b: Math.exp(b as number) });
    expectGradientMatches([0.7, 3, 0.9, 2.2].map(Math.log), at, (params, gradient) => bgnbdLogLikelihood(params, history, gradient));
  });

  test('bad histories are rejected with the customer named', () => {
    expect(() => fitBgNbd({ frequency: [1, 2], recency: [1, 5], T: [2, 4] })).toThrow(/customer 2: needs frequency >= 0 and 0 <= recency <= T/);
  });
});

test('a fit whose steps would leave the domain (a log parameter so low its exp is 0) backs off and converges', () => {
  // The demo purchases that made an unbounded BFGS step take a parameter to 0 (and ln Γ throw) in CI.
  const now = Date.UTC(2026, 10, 30) + 20 * 7 * 3_600_000;
  const transactions = [...generateDemo({ seed: 20_261_142, customers: 1000, now, interactionsPerCustomer: 10 })].flatMap((item) =>
    item.interactions.flatMap((interaction) =>
      interaction.fields.type === 'purchase' ? [{ customerKey: item.customer.id, at: interaction.fields.at, amount: interaction.fields.amountMinor ?? 0 }] : [],
    ),
  );
  const summary = customerSummary(transactions, { observationEnd: now, unit: 'day' });
  const fit = fitBgNbd(summary);
  expect(fit.converged).toBe(true);
  expect(Object.values(fit.params).every((value) => value > 0 && Number.isFinite(value))).toBe(true);
  // The optimum: no nearby point is more likely.
  for (const factor of [0.99, 1.01]) {
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(bgnbdLogLikelihood({ ...fit.params, [key]: fit.params[key] * factor }, summary)).toBeLessThanOrEqual(fit.logLikelihood + 1e-9);
    }
  }
});

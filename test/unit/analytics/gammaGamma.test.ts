import { describe, expect, test } from 'vitest';
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood, spendFrequencyCorrelation } from '../../../src/analytics/gammaGamma';
import { lnGamma } from '../../../src/analytics/special';
import { cdnowSummary } from './cdnow';
import { expectGradientMatches } from './gradientCheck';

describe('Gamma-Gamma on the CDNOW sample (REFERENCE.md §3)', () => {
  const rows = cdnowSummary();
  const history = { frequency: rows.map((row) => row.frequency), monetary: rows.map((row) => row.zbar) };

  test('fits p, q, v within 0.5% on the 946 repeat customers', () => {
    const fit = fitGammaGamma(history);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.params.p / 6.248835 - 1)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.q / 3.744586 - 1)).toBeLessThanOrEqual(0.005);
    expect(Math.abs(fit.params.v / 15.447653 - 1)).toBeLessThanOrEqual(0.005);
  });

  test('correlation of mean spend and frequency among repeat customers is 0.1139', () => {
    expect(spendFrequencyCorrelation(history)).toBeCloseTo(0.1139, 4);
  });
});

test('expected spend is the credibility-weighted mean p (v + x m) / (p x + q - 1)', () => {
  const params = { p: 2, q: 3, v: 10 };
  // No purchases: the population mean p v / (q - 1) = 10.
  expect(gammaGammaExpectedSpend(params, 0, 0)).toBe(10);
  // x = 4, m = 30: 2 (10 + 120) / (8 + 2) = 26
  expect(gammaGammaExpectedSpend(params, 4, 30)).toBe(26);
});

test('a repeat customer without a positive mean spend is rejected', () => {
  expect(() => fitGammaGamma({ frequency: [0, 2], monetary: [0, 0] })).toThrow(/customer 2: a repeat customer needs a positive mean spend/);
});

test('the grouped log-likelihood equals the customer-by-customer sum of Hardie\'s note 025', () => {
  // Repeated x with different means, a one-time buyer (left out) and a non-integer mean.
  const history = { frequency: [1, 3, 1, 0, 3, 7], monetary: [20, 35.5, 12, 0, 40, 9.25] };
  const params = { p: 2.5, q: 3.2, v: 14 };
  let expected = 0;
  history.frequency.forEach((x, i) => {
    if (x === 0) return;
    const m = history.monetary[i] as number;
    const px = params.p * x;
    expected +=
      params.q * Math.log(params.v) - lnGamma(params.q) + lnGamma(px + params.q) - lnGamma(px) +
      (px - 1) * Math.log(m) + px * Math.log(x) - (px + params.q) * Math.log(x * m + params.v);
  });
  expect(gammaGammaLogLikelihood(params, history)).toBeCloseTo(expected, 10);
});

test('the gradient by log parameters matches central differences of the log-likelihood', () => {
  const history = { frequency: [1, 3, 1, 0, 3, 7], monetary: [20, 35.5, 12, 0, 40, 9.25] };
  const at = ([p, q, v]: number[]) => ({ p: Math.exp(p as number), q: Math.exp(q as number), v: Math.exp(v as number) });
  expectGradientMatches([2.5, 3.2, 14].map(Math.log), at, (params, gradient) => gammaGammaLogLikelihood(params, history, gradient));
});

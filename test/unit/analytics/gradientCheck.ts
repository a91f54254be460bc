import { expect } from 'vitest';

/**
 * Checks a log-likelihood's gradient by log parameters against central differences: `at` turns log parameters into
 * the model's, `value` gives the log-likelihood and, with a second argument, writes its gradient there.
 */
export function expectGradientMatches<P>(logParams: number[], at: (log: number[]) => P, value: (params: P, gradient?: Float64Array) => number): void {
  const gradient = new Float64Array(logParams.length);
  value(at(logParams), gradient);
  const h = 1e-6;
  logParams.forEach((_, k) => {
    const moved = (by: number) => logParams.map((v, j) => (j === k ? v + by : v));
    const numeric = (value(at(moved(h))) - value(at(moved(-h)))) / (2 * h);
    expect(gradient[k], `parameter ${k}`).toBeCloseTo(numeric, 6);
  });
}

import { expect, test } from 'vitest';
import { minimiseSmooth } from '../../../src/analytics/optimise';
import { digamma, hyp2f1, lnGamma, logAddExp } from '../../../src/analytics/special';

test('lnGamma against exact values', () => {
  expect(lnGamma(1)).toBeCloseTo(0, 14);
  expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
  expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
  expect(lnGamma(171.5)).toBeCloseTo(709.0681042440297 + 2.42, -1);
  expect(() => lnGamma(0)).toThrow(/positive argument/);
});

test('digamma against exact values', () => {
  const eulerGamma = 0.5772156649015329;
  expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
  expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 13);
  // ψ(n) = H(n-1) - γ
  expect(digamma(10)).toBeCloseTo(7129 / 2520 - eulerGamma, 13);
  expect(digamma(0.01)).toBeCloseTo(-100.5608854578687, 11);
  expect(digamma(1000)).toBeCloseTo(6.907255195648812, 13);
  expect(() => digamma(0)).toThrow(/positive argument/);
});

test('hyp2f1 against closed forms', () => {
  for (const z of [0, 0.3, 0.9, 0.99]) {
    expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 12);
    expect(hyp2f1(0.5, 2, 2, z)).toBeCloseTo((1 - z) ** -0.5, 12);
  }
  expect(() => hyp2f1(1, 1, 2, 1)).toThrow(/0 <= z < 1/);
});

test('logAddExp does not overflow', () => {
  expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
  expect(logAddExp(-Infinity, 3)).toBe(3);
});

test('minimiseSmooth (BFGS) finds the bottom of the Rosenbrock valley from its gradient', () => {
  const rosenbrock = (x: Float64Array, gradient: Float64Array): number => {
    const [a, b] = [x[0] as number, x[1] as number];
    gradient[0] = -400 * a * (b - a * a) - 2 * (1 - a);
    gradient[1] = 200 * (b - a * a);
    return 100 * (b - a * a) ** 2 + (1 - a) ** 2;
  };
  const result = minimiseSmooth(rosenbrock, [-1.2, 1]);
  expect(result.converged).toBe(true);
  expect(result.x[0]).toBeCloseTo(1, 8);
  expect(result.x[1]).toBeCloseTo(1, 8);
  expect(result.evaluations).toBeLessThan(200);
  // Outside the domain (NaN) the line search backs off.
  const constrained = minimiseSmooth((x, gradient) => {
    const v = x[0] as number;
    gradient[0] = 2 * (v - 2);
    return v < 0 ? NaN : (v - 2) ** 2;
  }, [1]);
  expect(constrained.x[0]).toBeCloseTo(2, 8);
});

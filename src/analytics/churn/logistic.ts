// L2-regularised logistic regression fitted exactly in float64 by Newton's method: the objective
// C * sum(log-loss) + 0.5 * ||w||^2 with an unpenalised intercept, as scikit-learn's LogisticRegression defaults.
// With a few dozen features the Hessian is tiny, so each Newton step is one Cholesky solve and a handful of steps
// reach the optimum to machine precision — no learning rate, no float32 drift.
import type { Matrix } from './matrix';

export interface LogisticModel {
  weights: Float64Array;
  intercept: number;
}

export interface LogisticOptions {
  /** Inverse regularisation strength; Infinity fits without a penalty. Default 1. */
  C?: number;
  maxIterations?: number;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * Fits to targets in [0, 1] (0/1 labels, or the smoothed targets of Platt scaling). Throws when the Hessian is
 * singular, which happens only for degenerate data (e.g. fewer rows than features without a penalty).
 */
export function fitLogistic(x: Matrix, targets: ArrayLike<number>, options: LogisticOptions = {}): LogisticModel {
  const C = options.C ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const penalty = Number.isFinite(C) ? 1 / C : 0;
  const { rows, cols } = x;
  const size = cols + 1;
  const beta = new Float64Array(size);

  const objective = (candidate: Float64Array): number => {
    let total = 0;
    for (let i = 0; i < rows; i++) {
      const s = linear(x, candidate, i);
      const t = targets[i] as number;
      total += softplus(s) - t * s;
    }
    let norm = 0;
    for (let j = 0; j < cols; j++) norm += (candidate[j] as number) ** 2;
    return total + 0.5 * penalty * norm;
  };

  let current = objective(beta);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gradient = new Float64Array(size);
    const hessian = new Float64Array(size * size);
    for (let i = 0; i < rows; i++) {
      const s = linear(x, beta, i);
      const p = sigmoid(s);
      const residual = p - (targets[i] as number);
      const w = p * (1 - p);
      const base = i * cols;
      // The lower triangle of X'WX; the intercept's row (a constant 1 column) is the last one.
      const interceptRow = cols * size;
      for (let a = 0; a < cols; a++) {
        const xa = x.data[base + a] as number;
        if (xa === 0) continue;
        gradient[a] = (gradient[a] as number) + residual * xa;
        const wa = w * xa;
        const row = a * size;
        for (let b = 0; b <= a; b++) hessian[row + b] = (hessian[row + b] as number) + wa * (x.data[base + b] as number);
        hessian[interceptRow + a] = (hessian[interceptRow + a] as number) + wa;
      }
      gradient[cols] = (gradient[cols] as number) + residual;
      hessian[interceptRow + cols] = (hessian[interceptRow + cols] as number) + w;
    }
    for (let j = 0; j < cols; j++) {
      gradient[j] = (gradient[j] as number) + penalty * (beta[j] as number);
      hessian[j * size + j] = (hessian[j * size + j] as number) + penalty;
    }
    let largest = 0;
    for (const g of gradient) largest = Math.max(largest, Math.abs(g));
    if (largest < 1e-12 * Math.max(1, rows)) break;

    const step = choleskySolve(hessian, gradient, size);
    // Newton steps can overshoot far from the optimum (nearly separable data): halve until the objective falls.
    let scale = 1;
    let next = current;
    const trial = new Float64Array(size);
    for (let halvings = 0; halvings < 30; halvings++) {
      for (let j = 0; j < size; j++) trial[j] = (beta[j] as number) - scale * (step[j] as number);
      next = objective(trial);
      if (next <= current) break;
      scale /= 2;
    }
    if (!(next <= current)) break;
    beta.set(trial);
    // At the optimum the objective stops falling while rounding keeps the gradient just above any fixed tolerance
    // (correlated columns): further steps only halve and re-halve in the noise.
    const converged = current - next <= 1e-13 * Math.abs(current);
    current = next;
    if (converged) break;
    // Newton converges quadratically: once a full step is this small, the next would change nothing in float64.
    let stepSize = 0;
    let largestWeight = 0;
    for (let j = 0; j < size; j++) {
      stepSize = Math.max(stepSize, Math.abs(scale * (step[j] as number)));
      largestWeight = Math.max(largestWeight, Math.abs(beta[j] as number));
    }
    if (scale === 1 && stepSize <= 1e-10 * (1 + largestWeight)) break;
  }
  return { weights: beta.slice(0, cols), intercept: beta[cols] as number };
}

/** The decision values w·x + b (log-odds). */
export function logisticLogits(model: LogisticModel, x: Matrix): Float64Array {
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let s = model.intercept;
    const base = i * x.cols;
    for (let j = 0; j < x.cols; j++) s += (model.weights[j] as number) * (x.data[base + j] as number);
    out[i] = s;
  }
  return out;
}

export function logisticProbabilities(model: LogisticModel, x: Matrix): Float64Array {
  return logisticLogits(model, x).map(sigmoid);
}

function linear(x: Matrix, beta: Float64Array, row: number): number {
  const { cols } = x;
  const base = row * cols;
  let s = beta[cols] as number;
  for (let j = 0; j < cols; j++) s += (beta[j] as number) * (x.data[base + j] as number);
  return s;
}

/** Solves H d = g for a symmetric positive-definite H given by its lower triangle (row-major, size x size). */
function choleskySolve(h: Float64Array, g: Float64Array, size: number): Float64Array {
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i * size + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * size + k] as number) * (l[j * size + k] as number);
      if (i === j) {
        if (!(sum > 0)) throw new Error('logistic regression: the Hessian is not positive definite (degenerate data)');
        l[i * size + i] = Math.sqrt(sum);
      } else {
        l[i * size + j] = sum / (l[j * size + j] as number);
      }
    }
  }
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = g[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * size + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * size + i] as number);
  }
  const d = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < size; k++) sum -= (l[k * size + i] as number) * (d[k] as number);
    d[i] = sum / (l[i * size + i] as number);
  }
  return d;
}

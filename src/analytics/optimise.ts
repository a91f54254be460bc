// Minimisation for the maximum-likelihood fits (BG/NBD, Gamma-Gamma), whose gradients are written out: BFGS needs a
// few dozen of them where the derivative-free Nelder-Mead used before took a thousand-odd likelihood values on
// BG/NBD's flat valleys. Written here rather than taken from a package: the maintained ones are either float32
// (TensorFlow.js's optimisers, which stop far from the BG/NBD optimum, REFERENCE.md §2) or abandoned.

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  /** Objective values taken (each with its gradient). */
  evaluations: number;
  /** Whether it stopped at the noise floor rather than at the iteration limit. */
  converged: boolean;
}

export interface SmoothMinimiseOptions {
  /** Iterations (one gradient each, plus the line search's values). */
  maxIterations?: number;
  /** The most any coordinate moves in one step (default 5: a factor of ~150 for a log parameter). */
  maxStep?: number;
}

/** Writes the gradient of the objective at x into `gradient` and returns its value. */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

/** -f with its gradient: a log-likelihood to maximise as an objective to minimise. */
export function negated(f: ValueAndGradient): ValueAndGradient {
  return (x, gradient) => {
    const value = -f(x, gradient);
    for (let i = 0; i < gradient.length; i++) gradient[i] = -(gradient[i] as number);
    return value;
  };
}

/**
 * Minimises a smooth f by BFGS with a backtracking (Armijo) line search, for likelihoods whose gradient is written
 * out: a few dozen gradients instead of the thousand-odd values Nelder-Mead takes on a flat valley. It runs to the
 * noise floor of float64 — until a step no longer lowers f by more than rounding — rather than to a gradient
 * tolerance, because in a flat valley a small gradient can still be far from the bottom. Non-finite values count as
 * outside the domain; the line search backs off from them.
 */
export function minimiseSmooth(fg: ValueAndGradient, x0: ArrayLike<number>, options: SmoothMinimiseOptions = {}): MinimiseResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 1000;
  const maxStep = options.maxStep ?? 5;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let value = fg(x, g);
  let evaluations = 1;
  if (!Number.isFinite(value)) throw new RangeError('minimiseSmooth: the objective is not finite at the start');
  // The inverse Hessian estimate, row-major; scaled after the first step (Nocedal & Wright eq. 6.20).
  const h = new Float64Array(n * n);
  for (let i = 0; i < n; i++) h[i * n + i] = 1;
  let scaled = false;
  const direction = new Float64Array(n);
  const trialGradient = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let largest = 0;
    for (const gi of g) largest = Math.max(largest, Math.abs(gi));
    if (largest === 0) return { x, value, evaluations, converged: true };
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= (h[i * n + j] as number) * (g[j] as number);
      direction[i] = sum;
    }
    let slope = 0;
    for (let i = 0; i < n; i++) slope += (g[i] as number) * (direction[i] as number);
    if (!(slope < 0)) {
      // Not a descent direction (the estimate lost positive definiteness): start again from steepest descent.
      h.fill(0);
      for (let i = 0; i < n; i++) h[i * n + i] = 1 / largest;
      scaled = true;
      continue;
    }
    // Before the first update the identity knows nothing of the scale: the first step moves by at most 1. Later
    // steps are capped too: an ill-conditioned estimate can point far outside where the objective can be evaluated.
    let longest = 0;
    for (const d of direction) longest = Math.max(longest, Math.abs(d));
    let t = Math.min(scaled ? 1 : 1 / largest, maxStep / longest);
    let accepted = false;
    const trial = new Float64Array(n);
    let trialValue = value;
    for (let halvings = 0; halvings < 60; halvings++) {
      for (let i = 0; i < n; i++) trial[i] = (x[i] as number) + t * (direction[i] as number);
      trialValue = fg(trial, trialGradient);
      evaluations++;
      if (Number.isFinite(trialValue) && trialValue <= value + 1e-4 * t * slope) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted || !(trialValue < value)) return { x, value, evaluations, converged: true };
    const decrease = value - trialValue;
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = (trial[i] as number) - (x[i] as number);
      y[i] = (trialGradient[i] as number) - (g[i] as number);
    }
    x = trial;
    g = Float64Array.from(trialGradient);
    value = trialValue;
    if (decrease <= 1e-15 * (1 + Math.abs(value))) return { x, value, evaluations, converged: true };
    let ys = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      ys += (y[i] as number) * (s[i] as number);
      yy += (y[i] as number) ** 2;
    }
    if (!(ys > 1e-12 * Math.sqrt(yy) * Math.hypot(...s))) continue;
    if (!scaled) {
      h.fill(0);
      for (let i = 0; i < n; i++) h[i * n + i] = ys / yy;
      scaled = true;
    }
    bfgsUpdate(h, s, y, ys, n);
  }
  return { x, value, evaluations, converged: false };
}

/** H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ with ρ = 1 / yᵀs. */
function bfgsUpdate(h: Float64Array, s: Float64Array, y: Float64Array, ys: number, n: number): void {
  const rho = 1 / ys;
  const hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (h[i * n + j] as number) * (y[j] as number);
    hy[i] = sum;
  }
  let yhy = 0;
  for (let i = 0; i < n; i++) yhy += (y[i] as number) * (hy[i] as number);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const si = s[i] as number;
      const sj = s[j] as number;
      h[i * n + j] = (h[i * n + j] as number) - rho * ((hy[i] as number) * sj + si * (hy[j] as number)) + (rho * rho * yhy + rho) * si * sj;
    }
  }
}

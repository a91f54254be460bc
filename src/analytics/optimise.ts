// Minimisation for the maximum-likelihood fits. Nelder-Mead needs no gradient and, restarted from its own best
// point until a restart no longer helps, it gets to the bottom of long flat valleys where a single run stops early;
// the fits whose gradient is written out (BG/NBD) use BFGS below, which needs a few dozen gradients where
// Nelder-Mead takes a thousand-odd values. Written here rather than taken from a package: the maintained ones are
// either float32 (TensorFlow.js's optimisers, which stop far from the BG/NBD optimum, REFERENCE.md §2) or abandoned.

export interface MinimiseOptions {
  /** Edge length of the starting simplex (the fits work on log parameters, so 0.5 is a factor of ~1.6). */
  step?: number;
  /** A run stops when the simplex's values differ by less than this... */
  valueTolerance?: number;
  /** ...and its vertices by less than this in every coordinate. */
  pointTolerance?: number;
  /** Objective evaluations per run. */
  maxEvaluations?: number;
  /** Most runs, each from the best point of the one before. */
  maxRestarts?: number;
}

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  evaluations: number;
  restarts: number;
  /** Whether the last restart could not improve on the one before. */
  converged: boolean;
}

/** Minimises f from x0 by Nelder-Mead with restarts. Non-finite values of f count as +Infinity (outside the domain). */
export function minimise(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: MinimiseOptions = {},
): MinimiseResult {
  const step = options.step ?? 0.5;
  const valueTolerance = options.valueTolerance ?? 1e-12;
  const pointTolerance = options.pointTolerance ?? 1e-10;
  const maxEvaluations = options.maxEvaluations ?? 20_000;
  const maxRestarts = options.maxRestarts ?? 20;
  const objective = (x: Float64Array): number => {
    const value = f(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  let best: Float64Array = Float64Array.from(x0);
  let bestValue = objective(best);
  let evaluations = 1;
  for (let restart = 0; restart < maxRestarts; restart++) {
    const run = nelderMead(objective, best, step, valueTolerance, pointTolerance, maxEvaluations);
    evaluations += run.evaluations;
    const improved = bestValue - run.value > valueTolerance * (1 + Math.abs(bestValue));
    if (run.value <= bestValue) {
      best = run.x;
      bestValue = run.value;
    }
    if (!improved && restart > 0) return { x: best, value: bestValue, evaluations, restarts: restart, converged: true };
  }
  return { x: best, value: bestValue, evaluations, restarts: maxRestarts, converged: false };
}

function nelderMead(
  f: (x: Float64Array) => number,
  x0: Float64Array,
  step: number,
  valueTolerance: number,
  pointTolerance: number,
  maxEvaluations: number,
): { x: Float64Array; value: number; evaluations: number } {
  const n = x0.length;
  // Dimension-adapted coefficients (Gao & Han 2012) behave better than the classic ones beyond two dimensions.
  const reflect = 1;
  const expand = 1 + 2 / n;
  const contract = 0.75 - 1 / (2 * n);
  const shrink = 1 - 1 / n;
  const points: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const point = Float64Array.from(x0);
    point[i] = (point[i] as number) + step;
    points.push(point);
  }
  const values = points.map(f);
  let evaluations = n + 1;
  const order = points.map((_, i) => i);
  const centroid = new Float64Array(n);
  const along = (scale: number, worst: Float64Array): Float64Array => {
    const point = new Float64Array(n);
    for (let j = 0; j < n; j++) point[j] = (centroid[j] as number) + scale * ((worst[j] as number) - (centroid[j] as number));
    return point;
  };
  while (evaluations < maxEvaluations) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number) || i - j);
    const bestIndex = order[0] as number;
    const worstIndex = order[n] as number;
    const secondWorstIndex = order[n - 1] as number;
    const bestPoint = points[bestIndex] as Float64Array;
    const bestValue = values[bestIndex] as number;
    let spread = 0;
    for (const point of points) for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs((point[j] as number) - (bestPoint[j] as number)));
    if ((values[worstIndex] as number) - bestValue <= valueTolerance * (1 + Math.abs(bestValue)) && spread <= pointTolerance) break;
    centroid.fill(0);
    for (const index of order.slice(0, n)) {
      const point = points[index] as Float64Array;
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (point[j] as number) / n;
    }
    const worst = points[worstIndex] as Float64Array;
    const worstValue = values[worstIndex] as number;
    const reflected = along(-reflect, worst);
    const reflectedValue = f(reflected);
    evaluations++;
    if (reflectedValue < bestValue) {
      const expanded = along(-expand, worst);
      const expandedValue = f(expanded);
      evaluations++;
      const takeExpanded = expandedValue < reflectedValue;
      points[worstIndex] = takeExpanded ? expanded : reflected;
      values[worstIndex] = takeExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < (values[secondWorstIndex] as number)) {
      points[worstIndex] = reflected;
      values[worstIndex] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < worstValue;
    const contracted = along(outside ? -contract : contract, worst);
    const contractedValue = f(contracted);
    evaluations++;
    if (contractedValue < (outside ? reflectedValue : worstValue)) {
      points[worstIndex] = contracted;
      values[worstIndex] = contractedValue;
      continue;
    }
    for (const index of order.slice(1)) {
      const point = points[index] as Float64Array;
      for (let j = 0; j < n; j++) point[j] = (bestPoint[j] as number) + shrink * ((point[j] as number) - (bestPoint[j] as number));
      values[index] = f(point);
      evaluations++;
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return { x: points[bestIndex] as Float64Array, value: values[bestIndex] as number, evaluations };
}

export interface SmoothMinimiseOptions {
  /** Iterations (one gradient each, plus the line search's values). */
  maxIterations?: number;
}

/** Writes the gradient of the objective at x into `gradient` and returns its value. */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

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
    if (largest === 0) return { x, value, evaluations, restarts: 0, converged: true };
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
    // Before the first update the identity knows nothing of the scale: the first step moves by at most 1.
    let t = scaled ? 1 : Math.min(1, 1 / largest);
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
    if (!accepted || !(trialValue < value)) return { x, value, evaluations, restarts: 0, converged: true };
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
    if (decrease <= 1e-15 * (1 + Math.abs(value))) return { x, value, evaluations, restarts: 0, converged: true };
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
  return { x, value, evaluations, restarts: 0, converged: false };
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

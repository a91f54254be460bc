// Derivative-free minimisation for the maximum-likelihood fits. Nelder-Mead needs no gradient (the likelihoods
// contain ln Γ, whose derivative we would otherwise have to write and test too) and, restarted from its own best
// point until a restart no longer helps, it gets to the bottom of the long flat valleys BG/NBD has in a and b
// (REFERENCE.md §2), where a single run stops early.

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

// BG/NBD purchase model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a customer
// buys at a Poisson rate (gamma-distributed over customers, r and alpha) and after each purchase drops out with a
// probability (beta-distributed, a and b). Fitted by maximum likelihood in float64: TensorFlow.js computes in
// float32, and the likelihood is so flat in a and b that float32 stops 25-31% away from the optimum (REFERENCE.md §2).
import { minimiseSmooth, negated } from './optimise';
import { digamma, hyp2f1, lnGamma, logAddExp } from './special';

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** Repeat purchases x, time of the last one t_x and age T of each customer (a CustomerSummary fits). */
export interface PurchaseHistory {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  evaluations: number;
  converged: boolean;
}

/**
 * Customers with the same (x, t_x, T) contribute the same term: the likelihood is summed over distinct histories.
 * Their x, t_x and T are kept as indices into the distinct values, so an evaluation takes ln Γ once per distinct x
 * and ln(alpha + t) once per distinct time (a few thousand days at most) instead of once per history.
 */
interface DistinctHistories {
  weight: Float64Array;
  xGroup: Int32Array;
  txIndex: Int32Array;
  TIndex: Int32Array;
  distinctX: Float64Array;
  /** Every distinct t_x and T. */
  times: Float64Array;
}

/** The log-likelihood; with `gradient`, its derivatives by ln r, ln alpha, ln a and ln b are written into it. */
export function bgnbdLogLikelihood(params: BgNbdParams, history: PurchaseHistory, gradient?: Float64Array): number {
  return logLikelihood(params, distinctHistories(history), gradient);
}

export function fitBgNbd(history: PurchaseHistory): BgNbdFit {
  const data = distinctHistories(history);
  if (data.weight.length === 0) throw new RangeError('BG/NBD needs at least one customer');
  const result = minimiseSmooth(negated((logParams, gradient) => logLikelihood(fromLog(logParams), data, gradient)), [0, 0, 0, 0]);
  const params = fromLog(result.x);
  return { params, logLikelihood: -result.value, evaluations: result.evaluations, converged: result.converged };
}

/** E[X(t)]: expected purchases of a customer in the first t units after their first purchase. */
export function bgnbdExpectedPurchases({ r, alpha, a, b }: BgNbdParams, t: number): number {
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t units of a customer with this history. */
export function bgnbdConditionalExpectedPurchases(params: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + T + t);
  const unconditional =
    ((a + b + x - 1) / (a - 1)) *
    (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z));
  return unconditional * bgnbdProbabilityAlive(params, x, tx, T);
}

/** P(alive | x, t_x, T). A customer without repeat purchases is alive: BG/NBD drops out only after a purchase. */
export function bgnbdProbabilityAlive({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

function fromLog(logParams: Float64Array): BgNbdParams {
  return {
    r: Math.exp(logParams[0] as number),
    alpha: Math.exp(logParams[1] as number),
    a: Math.exp(logParams[2] as number),
    b: Math.exp(logParams[3] as number),
  };
}

/**
 * The log-likelihood (Fader, Hardie & Lee 2005, eq. 6) summed over distinct histories; with `gradient`, also its
 * derivatives with respect to ln r, ln alpha, ln a and ln b (the fit works on log parameters), written into
 * `gradient`. Per history the likelihood is common(x) + ln(e^alive + e^droppedOut); the derivative of the second part weighs
 * the derivatives of alive and droppedOut by their shares of the sum.
 */
function logLikelihood({ r, alpha, a, b }: BgNbdParams, data: DistinctHistories, gradient: Float64Array = new Float64Array(4)): number {
  // A step of the fit can leave the domain (exp of a very negative log parameter is 0): no likelihood there.
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0 && Number.isFinite(r + alpha + a + b))) return NaN;
  const { distinctX, times } = data;
  const groups = distinctX.length;
  const common = new Float64Array(groups);
  const logDropOut = new Float64Array(groups);
  const rx = new Float64Array(groups);
  const base = r * Math.log(alpha) + lnGamma(a + b) - lnGamma(b) - lnGamma(r);
  for (let g = 0; g < groups; g++) {
    const x = distinctX[g] as number;
    common[g] = base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x);
    logDropOut[g] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity;
    rx[g] = r + x;
  }
  const logTime = new Float64Array(times.length);
  for (let k = 0; k < times.length; k++) logTime[k] = Math.log(alpha + (times[k] as number));
  let total = 0;
  const inverseTime = new Float64Array(times.length);
  for (let k = 0; k < times.length; k++) inverseTime[k] = 1 / (alpha + (times[k] as number));
  // Derivatives of common(x) with respect to r, a and b, and the weight each group carries.
  const psiR = digamma(r);
  const psiB = digamma(b);
  const psiAB = digamma(a + b);
  const commonR = new Float64Array(groups);
  const commonA = new Float64Array(groups);
  const commonB = new Float64Array(groups);
  const groupWeight = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    const x = distinctX[g] as number;
    const psiABX = digamma(a + b + x);
    commonR[g] = Math.log(alpha) - psiR + digamma(r + x);
    commonA[g] = psiAB - psiABX;
    commonB[g] = psiAB - psiB + digamma(b + x) - psiABX;
  }
  let dr = 0;
  let dAlpha = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < data.weight.length; i++) {
    const g = data.xGroup[i] as number;
    const weight = data.weight[i] as number;
    const T = data.TIndex[i] as number;
    const tx = data.txIndex[i] as number;
    const alive = -(rx[g] as number) * (logTime[T] as number);
    const droppedOut = (logDropOut[g] as number) - (rx[g] as number) * (logTime[tx] as number);
    // Alive at T, or dropped out right after the last purchase at t_x (possible only after a repeat purchase).
    const mixed = logAddExp(alive, droppedOut);
    total += weight * ((common[g] as number) + mixed);
    groupWeight[g] = (groupWeight[g] as number) + weight;
    // The share of the drop-out term in e^alive + e^droppedOut.
    const share = droppedOut === -Infinity ? 0 : Math.exp(droppedOut - mixed);
    const stay = 1 - share;
    dr -= weight * (stay * (logTime[T] as number) + share * (logTime[tx] as number));
    dAlpha -= weight * (rx[g] as number) * (stay * (inverseTime[T] as number) + share * (inverseTime[tx] as number));
    if (share > 0) {
      const x = distinctX[g] as number;
      da += (weight * share) / a;
      db -= (weight * share) / (b + x - 1);
    }
  }
  let weightSum = 0;
  for (let g = 0; g < groups; g++) {
    const w = groupWeight[g] as number;
    weightSum += w;
    dr += w * (commonR[g] as number);
    da += w * (commonA[g] as number);
    db += w * (commonB[g] as number);
  }
  dAlpha += (weightSum * r) / alpha;
  // Chain rule to log parameters: d/d(ln p) = p d/dp.
  gradient[0] = r * dr;
  gradient[1] = alpha * dAlpha;
  gradient[2] = a * da;
  gradient[3] = b * db;
  return total;
}

function distinctHistories(history: PurchaseHistory): DistinctHistories {
  const n = history.frequency.length;
  if (history.recency.length !== n || history.T.length !== n) throw new RangeError('frequency, recency and T differ in length');
  const rows = new Map<string, number>();
  const xGroup: number[] = [];
  const txIndex: number[] = [];
  const TIndex: number[] = [];
  const weight: number[] = [];
  const groupOfX = new Map<number, number>();
  const indexOfTime = new Map<number, number>();
  const indexOf = (map: Map<number, number>, value: number): number => {
    let index = map.get(value);
    if (index === undefined) map.set(value, (index = map.size));
    return index;
  };
  for (let i = 0; i < n; i++) {
    const xi = history.frequency[i] as number;
    const txi = history.recency[i] as number;
    const Ti = history.T[i] as number;
    if (!(xi >= 0 && txi >= 0 && Ti >= txi) || !Number.isFinite(Ti)) {
      throw new RangeError(`customer ${i + 1}: needs frequency >= 0 and 0 <= recency <= T (got ${xi}, ${txi}, ${Ti})`);
    }
    const key = `${xi},${txi},${Ti}`;
    const row = rows.get(key);
    if (row === undefined) {
      rows.set(key, weight.length);
      xGroup.push(indexOf(groupOfX, xi));
      txIndex.push(indexOf(indexOfTime, txi));
      TIndex.push(indexOf(indexOfTime, Ti));
      weight.push(1);
    } else weight[row] = (weight[row] as number) + 1;
  }
  return {
    weight: Float64Array.from(weight),
    xGroup: Int32Array.from(xGroup),
    txIndex: Int32Array.from(txIndex),
    TIndex: Int32Array.from(TIndex),
    distinctX: Float64Array.from(groupOfX.keys()),
    times: Float64Array.from(indexOfTime.keys()),
  };
}

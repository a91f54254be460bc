// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's note 025): a customer's purchase values
// are gamma(p, nu) with nu gamma(q, v) over customers. Fitted on repeat customers only (frequency > 0, monetary =
// mean repeat spend); it assumes spend and frequency are independent, which the caller can check (REFERENCE.md §3).
import { minimiseSmooth, negated } from './optimise';
import { digamma, lnGamma } from './special';

export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface SpendHistory {
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  /** Repeat customers the model was fitted on. */
  customers: number;
  converged: boolean;
}

/**
 * Log-likelihood over the repeat customers (frequency > 0); the others carry no information on spend. With
 * `gradient`, its derivatives by ln p, ln q and ln v are written into it.
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, history: SpendHistory, gradient?: Float64Array): number {
  return logLikelihood(params, spendData(repeatCustomers(history)), gradient);
}

export function fitGammaGamma(history: SpendHistory): GammaGammaFit {
  const customers = repeatCustomers(history);
  if (customers.x.length === 0) throw new RangeError('Gamma-Gamma needs at least one repeat customer');
  const data = spendData(customers);
  const result = minimiseSmooth(negated((log, gradient) => logLikelihood(fromLog(log), data, gradient)), [0, 0, 0]);
  return { params: fromLog(result.x), logLikelihood: -result.value, customers: customers.x.length, converged: result.converged };
}

/**
 * E[spend per purchase | x purchases averaging m]: a weighted mean of the population mean p v / (q - 1) and the
 * customer's own mean, leaning on the customer's the more purchases they made. Needs q > 1.
 */
export function gammaGammaExpectedSpend({ p, q, v }: GammaGammaParams, frequency: number, monetary: number): number {
  return (p * (v + frequency * monetary)) / (p * frequency + q - 1);
}

/** Pearson correlation of mean spend and frequency over repeat customers: the model assumes it is near 0. */
export function spendFrequencyCorrelation(history: SpendHistory): number {
  const { x, m } = repeatCustomers(history);
  const n = x.length;
  let meanX = 0;
  let meanM = 0;
  for (let i = 0; i < n; i++) {
    meanX += (x[i] as number) / n;
    meanM += (m[i] as number) / n;
  }
  let sxm = 0;
  let sxx = 0;
  let smm = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dm = (m[i] as number) - meanM;
    sxm += dx * dm;
    sxx += dx * dx;
    smm += dm * dm;
  }
  return sxm / Math.sqrt(sxx * smm);
}

function fromLog(log: Float64Array): GammaGammaParams {
  return { p: Math.exp(log[0] as number), q: Math.exp(log[1] as number), v: Math.exp(log[2] as number) };
}

/**
 * What the likelihood needs of the repeat customers, arranged so an evaluation costs one logarithm per customer:
 * the ln Γ terms depend on x alone (a few dozen distinct values however many customers), and the terms in ln m and
 * ln x are linear in p, so their sums are taken once.
 */
interface SpendData {
  distinctX: Float64Array;
  /** Customers with each distinct x. */
  xCount: Float64Array;
  /** Per customer: its x and its total repeat spend x m. */
  x: Float64Array;
  spent: Float64Array;
  /** Σ x ln m + Σ x ln x, the coefficient of p in the terms without parameters inside a logarithm. */
  pCoefficient: number;
  /** Σ ln m. */
  sumLogM: number;
}

function spendData({ x, m }: { x: Float64Array; m: Float64Array }): SpendData {
  const counts = new Map<number, number>();
  const spent = new Float64Array(x.length);
  let pCoefficient = 0;
  let sumLogM = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = m[i] as number;
    counts.set(xi, (counts.get(xi) ?? 0) + 1);
    spent[i] = xi * mi;
    pCoefficient += xi * Math.log(mi) + xi * Math.log(xi);
    sumLogM += Math.log(mi);
  }
  return {
    distinctX: Float64Array.from(counts.keys()),
    xCount: Float64Array.from(counts.values()),
    x,
    spent,
    pCoefficient,
    sumLogM,
  };
}

/**
 * Σ over customers of q ln v - ln Γ(q) + ln Γ(p x + q) - ln Γ(p x) + (p x - 1) ln m + p x ln x - (p x + q) ln(x m + v),
 * summed in the grouping SpendData allows (equal to the customer-by-customer sum up to rounding); its derivatives by
 * ln p, ln q and ln v are written into `gradient`.
 */
function logLikelihood({ p, q, v }: GammaGammaParams, data: SpendData, gradient: Float64Array = new Float64Array(3)): number {
  // A step of the fit can leave the domain (exp of a very negative log parameter is 0): no likelihood there.
  if (!(p > 0 && q > 0 && v > 0 && Number.isFinite(p + q + v))) return NaN;
  const { distinctX, xCount, x, spent } = data;
  let customers = 0;
  let total = p * data.pCoefficient - data.sumLogM;
  let dp = data.pCoefficient;
  let dq = 0;
  for (let g = 0; g < distinctX.length; g++) {
    const xg = distinctX[g] as number;
    const px = p * xg;
    const count = xCount[g] as number;
    customers += count;
    total += count * (lnGamma(px + q) - lnGamma(px));
    const psiPxQ = digamma(px + q);
    dp += count * xg * (psiPxQ - digamma(px));
    dq += count * psiPxQ;
  }
  const logV = Math.log(v);
  total += customers * (q * logV - lnGamma(q));
  dq += customers * (logV - digamma(q));
  let dv = (customers * q) / v;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const base = (spent[i] as number) + v;
    const logBase = Math.log(base);
    const exponent = p * xi + q;
    total -= exponent * logBase;
    dp -= xi * logBase;
    dq -= logBase;
    dv -= exponent / base;
  }
  // Chain rule to log parameters: d/d(ln θ) = θ d/dθ.
  gradient[0] = p * dp;
  gradient[1] = q * dq;
  gradient[2] = v * dv;
  return total;
}

function repeatCustomers(history: SpendHistory): { x: Float64Array; m: Float64Array } {
  const x: number[] = [];
  const m: number[] = [];
  for (let i = 0; i < history.frequency.length; i++) {
    const xi = history.frequency[i] as number;
    if (!(xi > 0)) continue;
    const mi = history.monetary[i] as number;
    if (!(mi > 0)) throw new RangeError(`customer ${i + 1}: a repeat customer needs a positive mean spend (got ${mi})`);
    x.push(xi);
    m.push(mi);
  }
  return { x: Float64Array.from(x), m: Float64Array.from(m) };
}

// Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Hardie's note 025): a customer's purchase values
// are gamma(p, nu) with nu gamma(q, v) over customers. Fitted on repeat customers only (frequency > 0, monetary =
// mean repeat spend); it assumes spend and frequency are independent, which the caller can check (REFERENCE.md §3).
import { minimise } from './optimise';
import { lnGamma } from './special';

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

/** Log-likelihood over the repeat customers (frequency > 0); the others carry no information on spend. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, history: SpendHistory): number {
  const { x, m } = repeatCustomers(history);
  return logLikelihood(params, x, m);
}

export function fitGammaGamma(history: SpendHistory): GammaGammaFit {
  const { x, m } = repeatCustomers(history);
  if (x.length === 0) throw new RangeError('Gamma-Gamma needs at least one repeat customer');
  const result = minimise((log) => -logLikelihood(fromLog(log), x, m), [0, 0, 0]);
  return { params: fromLog(result.x), logLikelihood: -result.value, customers: x.length, converged: result.converged };
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

function logLikelihood({ p, q, v }: GammaGammaParams, x: Float64Array, m: Float64Array): number {
  const base = q * Math.log(v) - lnGamma(q);
  let total = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    const mi = m[i] as number;
    const px = p * xi;
    total +=
      base + lnGamma(px + q) - lnGamma(px) + (px - 1) * Math.log(mi) + px * Math.log(xi) - (px + q) * Math.log(xi * mi + v);
  }
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

// Customer lifetime value: expected purchases per month from BG/NBD times expected spend per purchase from
// Gamma-Gamma, discounted monthly. The convention is that of lifetimes' customer_lifetime_value, so its figures can
// be compared: months of 30 days or 4.345 weeks, each month's cash flow discounted by (1 + rate)^month.
import { bgnbdConditionalExpectedPurchases, type BgNbdParams, type PurchaseHistory } from './bgnbd';
import { gammaGammaExpectedSpend, type GammaGammaParams, type SpendHistory } from './gammaGamma';
import type { TimeUnit } from './summary';

export interface ClvOptions {
  /** Horizon in months. */
  months: number;
  /** Discount rate per month, e.g. 0.01. */
  monthlyDiscountRate: number;
  /** The unit the history and the BG/NBD parameters are in. */
  unit: TimeUnit;
}

const UNITS_PER_MONTH: Record<TimeUnit, number> = { day: 30, week: 4.345 };

export function customerLifetimeValue(
  purchases: BgNbdParams,
  spend: GammaGammaParams,
  history: PurchaseHistory & SpendHistory,
  options: ClvOptions,
): Float64Array {
  const { months, monthlyDiscountRate } = options;
  if (!(Number.isInteger(months) && months >= 0)) throw new RangeError(`months must be a whole number >= 0, got ${months}`);
  if (!(monthlyDiscountRate > -1)) throw new RangeError(`the discount rate must be above -1, got ${monthlyDiscountRate}`);
  const perMonth = UNITS_PER_MONTH[options.unit];
  const value = new Float64Array(history.frequency.length);
  for (let i = 0; i < value.length; i++) {
    const x = history.frequency[i] as number;
    const tx = history.recency[i] as number;
    const T = history.T[i] as number;
    const spendPerPurchase = gammaGammaExpectedSpend(spend, x, history.monetary[i] as number);
    let cumulative = 0;
    let total = 0;
    for (let month = 1; month <= months; month++) {
      const next = bgnbdConditionalExpectedPurchases(purchases, month * perMonth, x, tx, T);
      total += (spendPerPurchase * (next - cumulative)) / Math.pow(1 + monthlyDiscountRate, month);
      cumulative = next;
    }
    value[i] = total;
  }
  return value;
}

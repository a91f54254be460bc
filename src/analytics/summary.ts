// The per-customer summary the purchase models are fitted on, with the conventions of the `lifetimes` library
// (REFERENCE.md §1), so published figures can be checked against it:
// - timestamps are floored to the UTC day; several purchases on one day are one purchase worth their sum;
// - frequency = distinct purchase days - 1 (repeat purchases); recency = last - first purchase day;
//   T = observation end - first purchase day; monetary = mean per-day total of the repeat days (0 without any);
// - in weeks, durations are days / 7 rounded to 2 decimals.
import { utcDay } from './time';

export interface Transaction {
  customerKey: string;
  /** Epoch ms, UTC. */
  at: number;
  amount?: number;
}

export type TimeUnit = 'day' | 'week';

export interface CustomerSummary {
  /** Customers in order of their first transaction in the input. */
  keys: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

export interface SummaryOptions {
  /** Epoch ms of the observation end; transactions on later days are ignored. */
  observationEnd: number;
  unit?: TimeUnit;
}

export interface HoldoutOptions {
  /** The calibration period ends on this day (epoch ms); the holdout period is the days after it up to holdoutEnd. */
  calibrationEnd: number;
  holdoutEnd: number;
  unit?: TimeUnit;
}

export interface HoldoutSummary extends CustomerSummary {
  /** Distinct purchase days in the holdout period, per calibration customer. */
  holdoutPurchases: Float64Array;
  /** Length of the holdout period in the unit. */
  holdoutDuration: number;
}

export function customerSummary(transactions: readonly Transaction[], options: SummaryOptions): CustomerSummary {
  const { keys, frequency, recency, T, monetary } = summarise(transactions, utcDay(options.observationEnd), null, options.unit ?? 'day');
  return { keys, frequency, recency, T, monetary };
}

/** The calibration summary (as customerSummary up to calibrationEnd) and each customer's purchases in the holdout. */
export function calibrationAndHoldout(transactions: readonly Transaction[], options: HoldoutOptions): HoldoutSummary {
  const unit = options.unit ?? 'day';
  const calibrationEnd = utcDay(options.calibrationEnd);
  const holdoutEnd = utcDay(options.holdoutEnd);
  if (holdoutEnd <= calibrationEnd) throw new RangeError('the holdout period must end after the calibration period');
  const summary = summarise(transactions, calibrationEnd, holdoutEnd, unit);
  return { ...summary, holdoutDuration: toUnit(holdoutEnd - calibrationEnd, unit) };
}

/** Converts a number of days to the unit with lifetimes' rounding. */
export function toUnit(days: number, unit: TimeUnit): number {
  return unit === 'day' ? days : Math.round((days / 7) * 100) / 100;
}

function summarise(
  transactions: readonly Transaction[],
  endDay: number,
  holdoutEndDay: number | null,
  unit: TimeUnit,
): CustomerSummary & { holdoutPurchases: Float64Array } {
  const lastDay = holdoutEndDay ?? endDay;
  const indexOfKey = new Map<string, number>();
  const keys: string[] = [];
  const customerOf = new Int32Array(transactions.length).fill(-1);
  const counts: number[] = [];
  transactions.forEach((transaction, i) => {
    if (!Number.isFinite(transaction.at)) throw new RangeError(`transaction ${i + 1} has no valid time`);
    if (utcDay(transaction.at) > lastDay) return;
    let index = indexOfKey.get(transaction.customerKey);
    if (index === undefined) {
      index = keys.length;
      indexOfKey.set(transaction.customerKey, index);
      keys.push(transaction.customerKey);
      counts.push(0);
    }
    customerOf[i] = index;
    counts[index] = (counts[index] as number) + 1;
  });
  // Bucket the transactions by customer (a counting sort), then sort each customer's few days.
  const start = new Int32Array(keys.length + 1);
  for (let c = 0; c < keys.length; c++) start[c + 1] = (start[c] as number) + (counts[c] as number);
  const fill = start.slice(0, keys.length);
  const days = new Float64Array(start[keys.length] as number);
  const amounts = new Float64Array(days.length);
  transactions.forEach((transaction, i) => {
    const c = customerOf[i] as number;
    if (c < 0) return;
    const at = fill[c] as number;
    fill[c] = at + 1;
    days[at] = utcDay(transaction.at);
    amounts[at] = transaction.amount ?? 0;
  });
  const n = keys.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetary = new Float64Array(n);
  const holdoutPurchases = new Float64Array(n);
  const calibrationKeys: string[] = [];
  let kept = 0;
  for (let c = 0; c < n; c++) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    const order = Array.from({ length: to - from }, (_, j) => from + j).sort((i, j) => (days[i] as number) - (days[j] as number));
    const firstDay = days[order[0] as number] as number;
    if (firstDay > endDay) continue;
    let calibrationDays = 0;
    let holdoutDays = 0;
    let previousDay = NaN;
    let lastCalibrationDay = firstDay;
    let firstDayTotal = 0;
    let total = 0;
    for (const i of order) {
      const day = days[i] as number;
      const isNewDay = day !== previousDay;
      previousDay = day;
      if (day > endDay) {
        if (isNewDay) holdoutDays++;
        continue;
      }
      if (isNewDay) calibrationDays++;
      lastCalibrationDay = day;
      if (day === firstDay) firstDayTotal += amounts[i] as number;
      total += amounts[i] as number;
    }
    const repeats = calibrationDays - 1;
    calibrationKeys.push(keys[c] as string);
    frequency[kept] = repeats;
    recency[kept] = toUnit(lastCalibrationDay - firstDay, unit);
    T[kept] = toUnit(endDay - firstDay, unit);
    monetary[kept] = repeats > 0 ? (total - firstDayTotal) / repeats : 0;
    holdoutPurchases[kept] = holdoutDays;
    kept++;
  }
  return {
    keys: calibrationKeys,
    frequency: frequency.slice(0, kept),
    recency: recency.slice(0, kept),
    T: T.slice(0, kept),
    monetary: monetary.slice(0, kept),
    holdoutPurchases: holdoutPurchases.slice(0, kept),
  };
}

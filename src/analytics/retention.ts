// Retention cohorts: customers grouped by the UTC month of their first purchase, and for each later month the share
// of the cohort that purchased in it.
import { monthKey, utcMonthIndex } from './time';

export interface Purchase {
  customerKey: string;
  /** Epoch ms. */
  at: number;
}

export interface Cohort {
  /** "YYYY-MM" of the first purchase. */
  month: string;
  size: number;
  /** active[m]: customers of the cohort who purchased m months after their first month (active[0] = size). */
  active: number[];
  /** active[m] / size. */
  share: number[];
}

/**
 * Cohorts from the first month with a purchase to `until` (epoch ms; by default the last purchase's month); each
 * cohort's row runs to that month, so younger cohorts have shorter rows (a triangle).
 */
export function retentionCohorts(purchases: readonly Purchase[], until?: number): Cohort[] {
  const monthsOf = new Map<string, Set<number>>();
  let lastMonth = -Infinity;
  for (const purchase of purchases) {
    if (!Number.isFinite(purchase.at)) throw new RangeError(`purchase of ${purchase.customerKey} has no valid time`);
    const month = utcMonthIndex(purchase.at);
    lastMonth = Math.max(lastMonth, month);
    const months = monthsOf.get(purchase.customerKey);
    if (months) months.add(month);
    else monthsOf.set(purchase.customerKey, new Set([month]));
  }
  const endMonth = until === undefined ? lastMonth : utcMonthIndex(until);
  const cohorts = new Map<number, number[]>();
  for (const months of monthsOf.values()) {
    const first = Math.min(...months);
    if (first > endMonth) continue;
    let active = cohorts.get(first);
    if (!active) {
      active = new Array<number>(endMonth - first + 1).fill(0);
      cohorts.set(first, active);
    }
    for (const month of months) if (month <= endMonth) active[month - first] = (active[month - first] as number) + 1;
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([first, active]) => {
      const size = active[0] as number;
      return { month: monthKey(first), size, active, share: active.map((count) => count / size) };
    });
}

// Calendar arithmetic on epoch milliseconds in UTC, the project's time convention.

export const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 UTC: timestamps are floored to their day. */
export function utcDay(at: number): number {
  return Math.floor(at / DAY_MS);
}

/** Months since 1970-01 UTC, so month differences are plain subtraction. */
export function utcMonthIndex(at: number): number {
  const date = new Date(at);
  return date.getUTCFullYear() * 12 + date.getUTCMonth() - 1970 * 12;
}

/** "YYYY-MM" of a month index from utcMonthIndex. */
export function monthKey(monthIndex: number): string {
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = monthIndex - (year - 1970) * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

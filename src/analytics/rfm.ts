// RFM: recency, frequency and monetary value per customer at a snapshot date (REFERENCE.md §5's definitions), their
// quintile scores 1-5 and the named segments marketers use.
import type { Transaction } from './summary';
import { countAbove, countBelow } from './sorted';
import { utcDay } from './time';

export interface RfmValues {
  keys: string[];
  /** Days from the last purchase to the snapshot: lower is better. */
  recency: Float64Array;
  /** Number of purchases (transaction rows, not days). */
  frequency: Float64Array;
  /** Sum of the amounts. */
  monetary: Float64Array;
}

/** R, F and M of each customer; transactions on days after the snapshot's day are ignored. Order: first appearance. */
export function rfmValues(transactions: readonly Transaction[], snapshot: number): RfmValues {
  const snapshotDay = utcDay(snapshot);
  const indexOfKey = new Map<string, number>();
  const keys: string[] = [];
  const lastDay: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (const transaction of transactions) {
    const day = utcDay(transaction.at);
    if (day > snapshotDay) continue;
    let index = indexOfKey.get(transaction.customerKey);
    if (index === undefined) {
      index = keys.length;
      indexOfKey.set(transaction.customerKey, index);
      keys.push(transaction.customerKey);
      lastDay.push(day);
      frequency.push(0);
      monetary.push(0);
    }
    lastDay[index] = Math.max(lastDay[index] as number, day);
    frequency[index] = (frequency[index] as number) + 1;
    monetary[index] = (monetary[index] as number) + (transaction.amount ?? 0);
  }
  return {
    keys,
    recency: Float64Array.from(lastDay, (day) => snapshotDay - day),
    frequency: Float64Array.from(frequency),
    monetary: Float64Array.from(monetary),
  };
}

/**
 * Quintile scores 1-5 by percentile rank: score = 1 + floor(5 * share of customers strictly worse). Equal values
 * always get equal scores (so a customer's score never depends on input order); with many ties, as for customers
 * with a single purchase, some scores stay unused rather than splitting identical customers.
 */
export function quintileScores(values: ArrayLike<number>, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (Number.isNaN(value)) throw new RangeError(`value ${i + 1} is not a number`);
    const worse = higherIsBetter ? countBelow(sorted, value) : countAbove(sorted, value);
    scores[i] = 1 + Math.floor((5 * worse) / n);
  }
  return scores;
}

/** R, F and M columns from any source (rfmValues, or features computed elsewhere). */
export interface RfmColumns {
  recency: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
}

export function rfmScores(values: RfmColumns): RfmScores {
  return {
    r: quintileScores(values.recency, false),
    f: quintileScores(values.frequency, true),
    m: quintileScores(values.monetary, true),
  };
}

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * Segment by R score (rows, 1-5) and FM score (columns, 1-5), FM = (F + M) / 2 rounded half up: the common R-by-FM
 * grid, with its bottom-left corner split into "lost" (R 1) and "hibernating" (R 2).
 */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  ['lost', 'lost', 'at_risk', 'at_risk', 'cant_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['promising', 'potential_loyalist', 'potential_loyalist', 'loyal', 'loyal'],
  ['new', 'potential_loyalist', 'potential_loyalist', 'champions', 'champions'],
];

export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  for (const [name, score] of [['R', r], ['F', f], ['M', m]] as const) {
    if (!(Number.isInteger(score) && score >= 1 && score <= 5)) throw new RangeError(`${name} score must be 1-5, got ${score}`);
  }
  const fm = Math.floor((f + m + 1) / 2);
  return (RFM_SEGMENT_GRID[r - 1] as readonly RfmSegment[])[fm - 1] as RfmSegment;
}

export function rfmSegments(scores: RfmScores): RfmSegment[] {
  return Array.from(scores.r, (r, i) => rfmSegment(r, scores.f[i] as number, scores.m[i] as number));
}

// k-means segments of customers on their RFM values: log1p + z-score features, k fixed or chosen by silhouette, and
// each cluster described in words from its centroid as codes the UI translates.
import { chooseK, kmeans, silhouette, type KMeansInit, type KMeansResult } from './kmeans';
import type { RfmColumns } from './rfm';
import { logStandardise } from './standardise';

export type RecencyLevel = 'very_recent' | 'recent' | 'average_recency' | 'lapsing' | 'lapsed';
export type FrequencyLevel = 'very_frequent' | 'frequent' | 'average_frequency' | 'occasional' | 'rare';
export type SpendLevel = 'very_high_spend' | 'high_spend' | 'average_spend' | 'low_spend' | 'very_low_spend';

export interface SegmentDescription {
  recency: RecencyLevel;
  frequency: FrequencyLevel;
  spend: SpendLevel;
  /** The three joined, e.g. "recent.frequent.high_spend": stable words, for i18n keys and filters. */
  code: string;
}

export interface Segment {
  size: number;
  /** Centroid back in the original units (days, purchases, money): expm1 of the mean log feature. */
  recency: number;
  frequency: number;
  monetary: number;
  description: SegmentDescription;
}

export interface SegmentationOptions {
  /** A fixed k; without it k is chosen by silhouette between kMin and kMax. */
  k?: number;
  kMin?: number;
  kMax?: number;
  init?: KMeansInit;
  seed?: number;
  restarts?: number;
  /** Points scored for the silhouette (a seeded sample); all points when omitted. */
  silhouetteSample?: number;
}

export interface Segmentation {
  k: number;
  labels: Int32Array;
  segments: Segment[];
  inertia: number;
  iterations: number;
  silhouette: number;
}

/**
 * How far (in SDs of the log feature) a centroid must sit from the mean to count as high or low, and as very high
 * or very low: two levels on each side, because the best customers' cluster (CDNOW: ~2 SDs out) and the good
 * customers' (~0.8 SDs) must not get the same name.
 */
const LEVEL = 0.5;
const FAR_LEVEL = 1.5;

export function segmentCustomers(values: RfmColumns, options: SegmentationOptions = {}): Segmentation {
  const { data, mean, sd } = logStandardise([values.recency, values.frequency, values.monetary]);
  const kmeansOptions = {
    ...(options.init === undefined ? {} : { init: options.init }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.restarts === undefined ? {} : { restarts: options.restarts }),
  };
  const silhouetteOptions = {
    ...(options.silhouetteSample === undefined ? {} : { sampleSize: options.silhouetteSample }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  let result: KMeansResult;
  let score: number;
  if (options.k === undefined) {
    const chosen = chooseK(data, 3, {
      ...kmeansOptions,
      ...silhouetteOptions,
      ...(options.kMin === undefined ? {} : { kMin: options.kMin }),
      ...(options.kMax === undefined ? {} : { kMax: options.kMax }),
    });
    result = chosen.best;
    score = Math.max(...chosen.scores.map((entry) => entry.silhouette));
  } else {
    result = kmeans(data, 3, options.k, kmeansOptions);
    score = result.k > 1 ? silhouette(data, 3, result.labels, result.k, silhouetteOptions) : 0;
  }
  const segments = Array.from({ length: result.k }, (_, c): Segment => {
    const z = [0, 1, 2].map((j) => result.centroids[c * 3 + j] as number) as [number, number, number];
    const original = z.map((value, j) => Math.expm1((mean[j] as number) + (sd[j] as number) * value));
    return {
      size: result.sizes[c] as number,
      recency: original[0] as number,
      frequency: original[1] as number,
      monetary: original[2] as number,
      description: describeRfmCentroid(z),
    };
  });
  return { k: result.k, labels: result.labels, segments, inertia: result.inertia, iterations: result.iterations, silhouette: score };
}

/** Words for a centroid of standardised log R, F, M. */
export function describeRfmCentroid([r, f, m]: readonly [number, number, number]): SegmentDescription {
  const level = <T>(z: number, words: readonly [T, T, T, T, T]): T =>
    words[z <= -FAR_LEVEL ? 0 : z <= -LEVEL ? 1 : z < LEVEL ? 2 : z < FAR_LEVEL ? 3 : 4];
  const recency = level<RecencyLevel>(r, ['very_recent', 'recent', 'average_recency', 'lapsing', 'lapsed']);
  const frequency = level<FrequencyLevel>(f, ['rare', 'occasional', 'average_frequency', 'frequent', 'very_frequent']);
  const spend = level<SpendLevel>(m, ['very_low_spend', 'low_spend', 'average_spend', 'high_spend', 'very_high_spend']);
  return { recency, frequency, spend, code: `${recency}.${frequency}.${spend}` };
}

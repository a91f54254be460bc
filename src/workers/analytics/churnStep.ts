import { planColumns } from '../../analytics/churn/encode';
import { churnLabels, type ChurnLabel, type CustomerActivity } from '../../analytics/churn/labels';
import { auc, brierScore, calibrationTable } from '../../analytics/churn/metrics';
import { churnProbabilities, scoreChurn, trainChurnModels, type ChurnData } from '../../analytics/churn/model';
import { COUNT_FEATURES, NAMED_FEATURES, type CustomerFeatures } from '../../analytics/features';
import { sampleIndices, seededRandom } from '../../analytics/random';
import { DAY_MS } from '../../analytics/time';
import type { ScoreRow } from '../../data/db';
import type { ChurnCard } from '../analyticsContract';
import type { AnalysedCustomer } from './readWorkspace';

// Churn from the workspace's own history with a time split. The model is trained on features as of
// now - 2 x horizon, labelled by what happened in the horizon after, and tested on features as of now - horizon
// against the horizon that followed (the most recent one whose outcome is known): the test is the situation the
// model is used in — a later period than any it saw. It then scores every live customer as of now. When the history
// is too short for two periods, it trains on the latest one and reports its validation AUC only.
//
// Cost grows with the customers, so large workspaces are sampled where a sample answers as well: the models train
// on at most MAX_TRAIN labelled customers and are tested on at most MAX_TEST (a seeded random sample: ten thousand
// labelled customers already pin the model down, and twenty thousand the AUC to about ±0.005); every customer is
// scored, and the reasons — one model evaluation per feature — are worked out for the REASONS_FOR customers most at
// risk, the ones a team looks at.

const MAX_TRAIN = 10_000;
const MAX_TEST = 20_000;
const REASONS_FOR = 5_000;

export type ChurnReasonRow = NonNullable<ScoreRow['churnReasons']>[number];

/** Feature codes the model is trained on: stable, translated by the UI as reason codes. */
export const CHURN_COLUMNS = [...NAMED_FEATURES.slice(0, 4), ...COUNT_FEATURES, ...NAMED_FEATURES.slice(4)] as const;
export type ChurnColumn = (typeof CHURN_COLUMNS)[number];

/** A customer's value of a feature in its own units (days, counts, minor units, 0..1); NaN when it has none. */
export function rawFeature(features: CustomerFeatures, column: ChurnColumn, c: number): number {
  return featureValues(features, column)[c] as number;
}

/** Every customer's values of a feature, as rawFeature reads them. */
function featureValues(features: CustomerFeatures, column: ChurnColumn): Float64Array {
  switch (column) {
    case 'tenure_days':
      return features.tenureDays;
    case 'recency_days':
      return features.recencyDays;
    case 'purchases':
      return features.purchases;
    case 'revenue':
      return features.revenue;
    case 'trend':
      return features.trend;
    case 'complaints':
      return features.complaints;
    case 'unanswered_complaints':
      return features.unansweredComplaints;
    case 'open_tickets':
      return features.openTickets;
    case 'last_nps':
      return features.lastNps;
    case 'last_csat':
      return features.lastCsat;
    case 'response_rate':
      return features.responseRate;
    case 'days_since_contact':
      return features.daysSinceLastContact;
    default:
      return features.counts[column];
  }
}

/** Skewed counts, days and money enter the model as log1p; scores and rates as they are. */
const LOGGED = new Set<ChurnColumn>(['tenure_days', 'recency_days', 'purchases', 'revenue', ...COUNT_FEATURES, 'complaints', 'days_since_contact']);
/** Columns with no value for some customers, and what stands in: the tenure (never purchased or contacted). */
const SINCE_START = new Set<ChurnColumn>(['recency_days', 'days_since_contact']);
/** Scores and rates without a value take the median of the training rows that have one. */
const MEDIAN_FILLED: readonly ChurnColumn[] = ['last_nps', 'last_csat', 'response_rate'];

export interface ChurnInput {
  customers: readonly AnalysedCustomer[];
  /** Times of each customer's interactions. */
  activity: readonly (readonly number[])[];
  featuresAt: (at: number) => CustomerFeatures;
  now: number;
  horizonDays: number;
  seed: number;
  signal: AbortSignal;
}

export interface ChurnOutcome {
  card: ChurnCard;
  /** Customer index → calibrated probability and reasons. */
  scores: Map<number, { probability: number; reasons: ChurnReasonRow[] }>;
}

/** Null when the history cannot label both outcomes (e.g. a new workspace). */
export async function churnStep(input: ChurnInput): Promise<ChurnOutcome | null> {
  const { customers, now, seed, signal } = input;
  const horizon = input.horizonDays * DAY_MS;
  const activities: CustomerActivity[] = customers.map((customer, c) => ({
    customerId: String(c),
    lifecycle: customer.lifecycle,
    activity: input.activity[c] as readonly number[],
  }));
  const usable = (labels: ChurnLabel[]) => {
    const churned = labels.filter((label) => label.churned).length;
    return churned >= 5 && labels.length - churned >= 5;
  };
  let trainCutoff = now - 2 * horizon;
  let testCutoff: number | null = now - horizon;
  let trainLabels = churnLabels(activities, trainCutoff, horizon);
  let testLabels = churnLabels(activities, testCutoff, horizon);
  if (!usable(trainLabels) || !usable(testLabels)) {
    trainCutoff = now - horizon;
    trainLabels = testLabels;
    testCutoff = null;
    testLabels = [];
    if (!usable(trainLabels)) return null;
  }
  const scoreCustomers = customers
    .map((_, c) => c)
    .filter((c) => customers[c]?.lifecycle !== 'churned' && (input.activity[c] as readonly number[]).some((time) => time <= now));

  trainLabels = sample(trainLabels, MAX_TRAIN, seed);
  testLabels = sample(testLabels, MAX_TEST, seed + 1);
  const parts = [
    { name: 'train', features: input.featuresAt(trainCutoff), customers: trainLabels.map((label) => Number(label.customerId)) },
    { name: 'test', features: testCutoff === null ? null : input.featuresAt(testCutoff), customers: testLabels.map((label) => Number(label.customerId)) },
    { name: 'score', features: input.featuresAt(now), customers: scoreCustomers },
  ];
  signal.throwIfAborted();
  const trainPart = parts[0] as (typeof parts)[number];
  const medians = new Map(
    MEDIAN_FILLED.map((column) => [column, median(trainPart.customers.map((c) => rawFeature(trainPart.features as CustomerFeatures, column, c)))]),
  );
  // Columns of numbers, one row per (part, customer): the encoder reads them as it would the same numbers as text.
  const columns = CHURN_COLUMNS.map(() => new Float64Array(parts.reduce((sum, part) => sum + (part.features ? part.customers.length : 0), 0)));
  const ids: string[] = [];
  const rowsOf: number[][] = [];
  for (const part of parts) {
    const rows: number[] = [];
    const features = part.features;
    if (features) {
      const first = ids.length;
      for (const c of part.customers) {
        rows.push(ids.length);
        ids.push(`${part.name}:${customers[c]?.id}`);
      }
      CHURN_COLUMNS.forEach((column, j) => {
        const values = featureValues(features, column);
        const cells = columns[j] as Float64Array;
        part.customers.forEach((c, k) => (cells[first + k] = modelValue(features, column, values[c] as number, c, medians)));
      });
    }
    rowsOf.push(rows);
  }
  const [trainRows, testRows, scoreRows] = rowsOf as [number[], number[], number[]];
  const labels = new Uint8Array(ids.length);
  trainLabels.forEach((label, i) => (labels[trainRows[i] as number] = label.churned ? 1 : 0));
  testLabels.forEach((label, i) => (labels[testRows[i] as number] = label.churned ? 1 : 0));
  const data: ChurnData = { plan: planColumns([...CHURN_COLUMNS], columns), columns, ids, labels };

  const training = await trainChurnModels(data, trainRows, { network: { seed } });
  signal.throwIfAborted();
  const model = training.models[training.chosen];
  if (!model) throw new Error(`churn: the chosen model ${training.chosen} is missing`);

  let testAuc: number | null = null;
  let testBrier: number | null = null;
  let calibration: ChurnCard['calibration'] = [];
  if (testRows.length > 0) {
    const probabilities = churnProbabilities(model, columns, testRows);
    const testTruth = Uint8Array.from(testRows, (row) => labels[row] as number);
    testAuc = auc(probabilities, testTruth);
    testBrier = brierScore(probabilities, testTruth);
    calibration = calibrationTable(probabilities, testTruth, 5);
  }
  const probabilities = churnProbabilities(model, columns, scoreRows);
  const nowFeatures = parts[2]?.features as CustomerFeatures;
  const scores: ChurnOutcome['scores'] = new Map();
  scoreCustomers.forEach((c, i) => scores.set(c, { probability: probabilities[i] as number, reasons: [] }));
  const mostAtRisk = Array.from(scoreRows.keys())
    .sort((a, b) => (probabilities[b] as number) - (probabilities[a] as number))
    .slice(0, REASONS_FOR);
  const explained = scoreChurn(
    model,
    columns,
    mostAtRisk.map((i) => scoreRows[i] as number),
    3,
  );
  mostAtRisk.forEach((i, k) => {
    const c = scoreCustomers[i] as number;
    (scores.get(c) as { reasons: ChurnReasonRow[] }).reasons = (explained.reasons[k] ?? []).map((reason) => ({
      code: reason.column,
      direction: reason.direction,
      effect: reason.effect,
      value: rawFeature(nowFeatures, reason.column as ChurnColumn, c),
    }));
  });
  const trainChurned = trainLabels.filter((label) => label.churned).length;
  return {
    scores,
    card: {
      horizonDays: input.horizonDays,
      evaluation: testCutoff === null ? 'validation' : 'out-of-time',
      trainCutoff,
      testCutoff,
      trainRows: trainRows.length,
      trainChurnRate: trainChurned / trainRows.length,
      testRows: testRows.length,
      testAuc,
      testBrier,
      calibration,
      chosen: training.chosen,
      validationAuc: { ...training.validationAuc } as Record<string, number>,
      trainingMs: { ...training.trainingMs } as Record<string, number>,
      features: model.encoder.features.length,
    },
  };
}

/** Up to `size` labels, a seeded random sample when there are more (in their original order). */
function sample(labels: ChurnLabel[], size: number, seed: number): ChurnLabel[] {
  if (labels.length <= size) return labels;
  const chosen = sampleIndices(labels.length, size, seededRandom(seed)).sort();
  return Array.from(chosen, (i) => labels[i] as ChurnLabel);
}

/** A raw feature value as the model sees it: missing values filled in, skewed ones logged. */
function modelValue(features: CustomerFeatures, column: ChurnColumn, raw: number, c: number, medians: Map<ChurnColumn, number>): number {
  let value = raw;
  if (Number.isNaN(value)) value = SINCE_START.has(column) ? (features.tenureDays[c] as number) : (medians.get(column) ?? 0);
  if (Number.isNaN(value)) value = 0;
  return LOGGED.has(column) ? Math.log1p(Math.max(0, value)) : value;
}

function median(values: number[]): number {
  const known = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (known.length === 0) return NaN;
  const middle = known.length >> 1;
  return known.length % 2 ? (known[middle] as number) : ((known[middle - 1] as number) + (known[middle] as number)) / 2;
}

// Rapport's churn model: several candidates trained on the same features, the one with the best AUC on a
// validation split of the training rows kept, its probabilities Platt-calibrated on that split, and each score
// explained by the columns that move it most.
import { fitBoosting, boostingLogits, type BoostingModel, type BoostingOptions } from './boosting';
import { cellText, encodeRows, fitEncoder, type Column, type ColumnPlan, type Encoder } from './encode';
import { fitLogistic, logisticLogits, sigmoid, type LogisticModel } from './logistic';
import { selectRows, selectValues, type Matrix } from './matrix';
import { auc, stratifiedFolds } from './metrics';
import { fitNetwork, networkLogits, type NetworkModel, type NetworkOptions } from './network';

export const BASE_MODELS = ['logistic', 'network', 'boosting'] as const;
export type BaseModelKind = (typeof BASE_MODELS)[number];
/** The ensemble averages the log-odds of the base models: their errors differ, so the mean often ranks better. */
export type ChurnModelKind = BaseModelKind | 'ensemble';

export type FittedBase =
  | { kind: 'logistic'; model: LogisticModel }
  | { kind: 'network'; model: NetworkModel }
  | { kind: 'boosting'; model: BoostingModel };

/** p = sigmoid(slope * logit + intercept), fitted on the validation split (Platt scaling). */
export interface Calibration {
  slope: number;
  intercept: number;
}

export interface ChurnModel {
  kind: ChurnModelKind;
  encoder: Encoder;
  /** One base model, or the ensemble's members. */
  members: FittedBase[];
  calibration: Calibration;
  /** Mean of each encoded feature over the training rows: the reference point of the reasons. */
  featureMeans: Float64Array;
}

/** Training data as columns of strings (as a CSV or CRM fields give them) or numbers, with 0/1 labels and a stable id per row. */
export interface ChurnData {
  plan: ColumnPlan;
  columns: readonly Column[];
  ids: readonly string[];
  labels: Uint8Array;
}

export interface ChurnTrainOptions {
  candidates?: readonly BaseModelKind[];
  /** Whether to try the mean of the candidates too (default: when there are at least two). */
  ensemble?: boolean;
  /** The validation split is one of this many stratified folds of the training rows (default 5: 20 %). */
  validationFolds?: number;
  /** Regularisation of the logistic regression (default 1). */
  C?: number;
  network?: NetworkOptions;
  boosting?: BoostingOptions;
}

export interface ChurnTraining {
  /** The candidate with the best validation AUC. */
  chosen: ChurnModelKind;
  validationAuc: Partial<Record<ChurnModelKind, number>>;
  /** Every candidate ready to score, each with its own calibration. */
  models: Partial<Record<ChurnModelKind, ChurnModel>>;
  /** Training time of each base model in milliseconds, validation fit and refit together. */
  trainingMs: Partial<Record<BaseModelKind, number>>;
}

/**
 * Trains every candidate on the training rows less a stratified validation fold, scores that fold, and picks the
 * best AUC. Each candidate keeps the Platt calibration learned from its validation scores — calibration is
 * monotone, so it changes no ranking, only what the probabilities mean. The regression and the trees tune nothing
 * on the validation fold and are refitted on all training rows; the network keeps the weights of its best
 * validation epoch (which flatters its validation AUC a little) rather than training a second time, which would
 * double the slowest part. One encoder, fitted on all training rows (no labels involved), serves every model.
 */
export async function trainChurnModels(data: ChurnData, trainRows: readonly number[], options: ChurnTrainOptions = {}): Promise<ChurnTraining> {
  const candidates = options.candidates ?? BASE_MODELS;
  if (candidates.length === 0) throw new Error('churn: no candidate models to train');
  const withEnsemble = options.ensemble ?? candidates.length > 1;
  const trainLabels = Uint8Array.from(trainRows, (row) => data.labels[row] as number);
  const inner = stratifiedFolds(
    trainRows.map((row) => data.ids[row] as string),
    trainLabels,
    options.validationFolds ?? 5,
  );
  const encoder = fitEncoder(data.plan, data.columns, trainRows);
  const all = { x: encodeRows(encoder, data.columns, trainRows), labels: trainLabels };
  const fitIndex = Int32Array.from(all.labels.keys()).filter((i) => inner[i] !== 0);
  const validationIndex = Int32Array.from(all.labels.keys()).filter((i) => inner[i] === 0);
  const fitSet = { x: selectRows(all.x, fitIndex), labels: selectValues(all.labels, fitIndex) };
  const validationSet = { x: selectRows(all.x, validationIndex), labels: selectValues(all.labels, validationIndex) };

  const trainingMs: Partial<Record<BaseModelKind, number>> = {};
  const timed = async (kind: BaseModelKind, train: Labelled, validation: Labelled | null): Promise<FittedBase> => {
    const start = performance.now();
    const fitted = await fitBase(kind, train, validation, options);
    trainingMs[kind] = (trainingMs[kind] ?? 0) + performance.now() - start;
    return fitted;
  };
  const members: FittedBase[] = [];
  const validationLogits = new Map<ChurnModelKind, Float64Array>();
  for (const kind of candidates) {
    const fitted = await timed(kind, fitSet, validationSet);
    validationLogits.set(kind, baseLogits(fitted, validationSet.x));
    members.push(kind === 'network' ? fitted : await timed(kind, all, null));
  }
  if (withEnsemble) validationLogits.set('ensemble', meanOf([...validationLogits.values()]));

  const validationAuc: Partial<Record<ChurnModelKind, number>> = {};
  let chosen: ChurnModelKind = candidates[0] as BaseModelKind;
  for (const [kind, logits] of validationLogits) {
    const value = auc(logits, validationSet.labels);
    validationAuc[kind] = value;
    if (value > (validationAuc[chosen] as number)) chosen = kind;
  }

  const featureMeans = columnMeans(all.x);
  const model = (kind: ChurnModelKind, of: FittedBase[]): ChurnModel => ({
    kind,
    encoder,
    members: of,
    calibration: plattScaling(validationLogits.get(kind) as Float64Array, validationSet.labels),
    featureMeans,
  });
  const models: Partial<Record<ChurnModelKind, ChurnModel>> = {};
  members.forEach((member) => (models[member.kind] = model(member.kind, [member])));
  if (withEnsemble) models.ensemble = model('ensemble', members);
  return { chosen, validationAuc, models, trainingMs };
}

/** Calibrated churn probabilities, without reasons. */
export function churnProbabilities(model: ChurnModel, columns: readonly Column[], rows: readonly number[]): Float64Array {
  return modelLogits(model, encodeRows(model.encoder, columns, rows)).map((logit) => calibrate(model.calibration, logit));
}

/** Uncalibrated log-odds of churn for encoded rows. */
export function modelLogits(model: ChurnModel, x: Matrix): Float64Array {
  return meanOf(model.members.map((member) => baseLogits(member, x)));
}

export function calibrate(calibration: Calibration, logit: number): number {
  return sigmoid(calibration.slope * logit + calibration.intercept);
}

export type ReasonDirection = 'raises' | 'lowers';

/** The least move of the calibrated log-odds that makes a column a reason: 0.005 in probability at p = 0.5. */
export const MIN_REASON_LOGIT = 0.02;

/** Why a customer's risk is what it is: a column, the customer's value in it and which way it moves the risk. */
export interface ChurnReason {
  column: string;
  value: string;
  direction: ReasonDirection;
  /** The change in calibrated churn probability this value makes against a customer at the training mean. */
  effect: number;
}

export interface ChurnScores {
  probabilities: Float64Array;
  reasons: ChurnReason[][];
}

/**
 * Calibrated churn probabilities for rows of the same columns, and each row's top reasons. A column's effect is
 * p(row) - p(row with that column's features set to their training means); for logistic regression that is the
 * coefficient times the standardised value (times the level indicator's deviation from its share, for a category)
 * carried through the calibrated sigmoid, and the same rule explains the network, the trees and the ensemble.
 * A column is a reason when it moves the calibrated log-odds by at least MIN_REASON_LOGIT, and reasons are ordered
 * by that move: on the probability scale the customers most at risk (p near 1, where the sigmoid is flat) would show
 * no reason at all, and they are the ones a team looks at first.
 */
export function scoreChurn(model: ChurnModel, columns: readonly Column[], rows: readonly number[], topReasons = 3): ChurnScores {
  const { encoder, calibration } = model;
  const x = encodeRows(encoder, columns, rows);
  const logits = modelLogits(model, x);
  const probabilities = logits.map((logit) => calibrate(calibration, logit));
  const logitMoves: Float64Array[] = [];
  const effects = encoder.columns.map((_, column) => {
    const moved = new Float64Array(x.data);
    encoder.featureColumn.forEach((owner, feature) => {
      if (owner !== column) return;
      for (let i = 0; i < x.rows; i++) moved[i * x.cols + feature] = model.featureMeans[feature] as number;
    });
    const movedLogits = modelLogits(model, { ...x, data: moved });
    logitMoves.push(logits.map((logit, i) => calibration.slope * (logit - (movedLogits[i] as number))));
    return probabilities.map((p, i) => p - calibrate(calibration, movedLogits[i] as number));
  });
  const reasons = rows.map((row, i) =>
    encoder.columns
      .map((column, c) => {
        const effect = (effects[c] as Float64Array)[i] as number;
        const move = (logitMoves[c] as Float64Array)[i] as number;
        const cells = columns[column.source];
        const value = cells === undefined || cells[row] === undefined ? '' : cellText(cells, row);
        return { reason: { column: column.name, value, direction: move > 0 ? 'raises' : 'lowers', effect } satisfies ChurnReason, move };
      })
      .filter(({ move }) => Math.abs(move) >= MIN_REASON_LOGIT)
      .sort((a, b) => Math.abs(b.move) - Math.abs(a.move))
      .slice(0, topReasons)
      .map(({ reason }) => reason),
  );
  return { probabilities, reasons };
}

interface Labelled {
  x: Matrix;
  labels: Uint8Array;
}

async function fitBase(kind: BaseModelKind, train: Labelled, validation: Labelled | null, options: ChurnTrainOptions): Promise<FittedBase> {
  switch (kind) {
    case 'logistic':
      return { kind, model: fitLogistic(train.x, train.labels, options.C === undefined ? {} : { C: options.C }) };
    case 'boosting':
      return { kind, model: fitBoosting(train.x, train.labels, options.boosting) };
    case 'network':
      return { kind, model: (await fitNetwork(train, validation, options.network)).model };
  }
}

function baseLogits(base: FittedBase, x: Matrix): Float64Array {
  switch (base.kind) {
    case 'logistic':
      return logisticLogits(base.model, x);
    case 'boosting':
      return boostingLogits(base.model, x);
    case 'network':
      return networkLogits(base.model, x);
  }
}

function meanOf(arrays: Float64Array[]): Float64Array {
  const first = arrays[0];
  if (!first) throw new Error('churn: nothing to average');
  if (arrays.length === 1) return first;
  return first.map((_, i) => arrays.reduce((sum, array) => sum + (array[i] as number), 0) / arrays.length);
}

function columnMeans(x: Matrix): Float64Array {
  const means = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) means[j] = (means[j] as number) + (x.data[i * x.cols + j] as number);
  return means.map((sum) => sum / x.rows);
}

/** Platt's method: a one-feature logistic regression on the logits, with his smoothed targets so it cannot diverge. */
export function plattScaling(logits: Float64Array, labels: Uint8Array): Calibration {
  let positives = 0;
  for (const label of labels) positives += label;
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const targets = Float64Array.from(labels, (label) => (label === 1 ? high : low));
  const fit = fitLogistic({ rows: logits.length, cols: 1, data: logits }, targets, { C: Infinity });
  return { slope: fit.weights[0] as number, intercept: fit.intercept };
}

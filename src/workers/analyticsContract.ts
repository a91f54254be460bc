import type { AnalyticsRunRow, ScoreRow } from '../data/db';

// The analytics worker's typed RPC: a map of handlers (as Actual's createApp<Handlers>); every call may report
// progress and be cancelled. The results themselves go to Dexie (scorePages, analyticsRuns), not through messages.

export const ANALYTICS_STEPS = ['read', 'features', 'rfm', 'segments', 'churn', 'clv', 'actions', 'write'] as const;
export type AnalyticsStep = (typeof ANALYTICS_STEPS)[number];

export interface AnalyticsProgress {
  step: AnalyticsStep;
  /** Work done within the step, of total. */
  done: number;
  total: number;
}

export type AnalyticsTrigger = 'manual' | 'data-changed' | 'first-run' | 'daily';

export interface RunRequest {
  workspaceId: string;
  /** The reference date (epoch ms): features, labels and forecasts are as of this moment. */
  now: number;
  trigger: AnalyticsTrigger;
}

export type TfBackendName = 'wasm' | 'cpu' | 'webgl';

/** The TensorFlow.js backend the worker measured and chose, with each candidate's time on the same small task. */
export interface BackendChoice {
  chosen: TfBackendName;
  timingsMs: Partial<Record<TfBackendName, number>>;
  failed: Partial<Record<TfBackendName, string>>;
}

export interface AnalyticsHandlers {
  run: (request: RunRequest) => Promise<{ runId: string; ms: number }>;
  backend: () => Promise<BackendChoice>;
}
export type AnalyticsMethod = keyof AnalyticsHandlers;

/** What a handler gets besides its arguments: the job's cancel signal and a way to report progress. */
export interface JobContext {
  signal: AbortSignal;
  progress: (progress: AnalyticsProgress) => void;
}

/** The worker's side of the contract: each handler of AnalyticsHandlers, with its job's context first. */
export type AnalyticsWorkerHandlers = {
  [M in AnalyticsMethod]: (job: JobContext, ...args: Parameters<AnalyticsHandlers[M]>) => ReturnType<AnalyticsHandlers[M]>;
};

export type AnalyticsRequest =
  | { kind: 'call'; id: number; method: AnalyticsMethod; args: unknown[] }
  | { kind: 'cancel'; id: number };

export type AnalyticsResponse =
  | { kind: 'progress'; id: number; progress: AnalyticsProgress }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; message: string; cancelled: boolean };

export type RunStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface SegmentSummary {
  index: number;
  code: string;
  size: number;
  /** Share of all customers' revenue (analysed currency) in this segment, 0..1. */
  revenueShare: number;
  /** Centroid in original units: days since last purchase, purchases, revenue (minor units). */
  recencyDays: number;
  purchases: number;
  revenue: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface MonthlyScore {
  month: string;
  responses: number;
  /** NPS -100..100 or CSAT % satisfied 0..100. */
  value: number;
}

export interface CohortRow {
  month: string;
  size: number;
  /** Share still purchasing m months after the first (index 0 = 1). */
  share: number[];
}

export interface ChurnCard {
  horizonDays: number;
  /** How the model was evaluated: on a later period than it was trained on, or on a validation split only. */
  evaluation: 'out-of-time' | 'validation';
  trainCutoff: number;
  testCutoff: number | null;
  trainRows: number;
  trainChurnRate: number;
  testRows: number;
  testAuc: number | null;
  testBrier: number | null;
  /** Calibration on the test period: mean predicted vs observed churn in groups by prediction. */
  calibration: { count: number; meanPredicted: number; observedRate: number }[];
  chosen: string;
  validationAuc: Record<string, number>;
  trainingMs: Record<string, number>;
  features: number;
}

export interface ClvCard {
  currency: string;
  customers: number;
  repeatCustomers: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; v: number } | null;
  horizonDays: number;
  months: number;
  monthlyDiscountRate: number;
}

/** The model card of one run: the data used, when, the metrics, and what each step cost. */
export interface AnalyticsRun extends AnalyticsRunRow {
  status: RunStatus;
  trigger: AnalyticsTrigger;
  now: number;
  finishedAt?: number;
  error?: string;
  backend?: BackendChoice;
  data?: { customers: number; interactions: number; purchases: number; surveys: number; tickets: number; currency: string | null };
  stepMs?: Partial<Record<AnalyticsStep, number>>;
  totalMs?: number;
  tensors?: { before: number; after: number };
  segmentation?: { k: number; silhouette: number; segments: SegmentSummary[]; withoutPurchase: number };
  /** Customers per R score (rows 1-5) and FM score (columns 1-5). */
  rfmGrid?: number[][];
  rfmSegments?: Record<string, number>;
  churn?: ChurnCard | null;
  churnHistogram?: HistogramBin[];
  clv?: ClvCard | null;
  clvHistogram?: HistogramBin[];
  nps?: MonthlyScore[];
  csat?: MonthlyScore[];
  cohorts?: CohortRow[];
  /** Customers with a next best action. */
  actions?: number;
  /** The first of them in rank order, for Home (the scores of the rest are in the score pages). */
  topActions?: ScoreRow[];
  /** The customers most likely to leave who have reasons (not those marked churned), most likely first. */
  atRisk?: ScoreRow[];
  warnings?: string[];
}

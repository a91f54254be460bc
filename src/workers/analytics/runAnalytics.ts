import * as tf from '@tensorflow/tfjs';
import { bgnbdConditionalExpectedPurchases, bgnbdProbabilityAlive, fitBgNbd } from '../../analytics/bgnbd';
import { customerLifetimeValue } from '../../analytics/clv';
import { customerFeatures, interactionOrder, type CustomerFeatures, type InteractionOrder } from '../../analytics/features';
import { channelOf } from '../../domain/interactionCodes';
import { fitGammaGamma } from '../../analytics/gammaGamma';
import { nextBestActions, type CustomerOutlook } from '../../analytics/nextBestAction';
import { sampleIndices, seededRandom } from '../../analytics/random';
import { RFM_SEGMENT_GRID, rfmScores, rfmSegment } from '../../analytics/rfm';
import { segmentCustomers } from '../../analytics/segments';
import { customerSummary, type Transaction } from '../../analytics/summary';
import type { RapportDb, ScoreRow } from '../../data/db';
import { replaceScores } from '../../data/scorePages';
import { INTERACTION_TYPES } from '../../domain/interaction';
import { newId } from '../../platform/ids';
import type { AnalyticsProgress, AnalyticsRun, AnalyticsStep, BackendChoice, RunRequest } from '../analyticsContract';
import { cohortTable, histogram, quantile, satisfactionTrends } from './aggregates';
import { churnStep, type ChurnOutcome } from './churnStep';
import { readWorkspace } from './readWorkspace';

// The whole analytics run over one workspace, in order: read, features, RFM, k-means segments, churn, CLV, next
// best actions, write. Plain async code with no worker API, so it runs in Node tests (fake-indexeddb) as in the
// worker. Results go to the device-local score pages; the run's model card to analyticsRuns.

export interface AnalyticsOptions {
  horizonDays: number;
  clvMonths: number;
  monthlyDiscountRate: number;
  seed: number;
  /** Runs kept in analyticsRuns; older ones are deleted. */
  keepRuns: number;
}

export const DEFAULT_ANALYTICS_OPTIONS: AnalyticsOptions = {
  horizonDays: 90,
  clvMonths: 12,
  monthlyDiscountRate: 0.01,
  seed: 1,
  keepRuns: 20,
};

/** Points scored for the silhouette when choosing k: its cost is sample x n distances. */
const SILHOUETTE_SAMPLE = 1000;
/** Buyers above which k is chosen on a seeded sample of this many. */
const K_CHOICE_SAMPLE = 10_000;
/** Entries of the ranked lists (next best actions, most at risk) kept in the run for the screens that list them. */
const LISTED = 20;
const PURCHASE = INTERACTION_TYPES.indexOf('purchase');

export interface RunHooks {
  signal: AbortSignal;
  onProgress: (progress: AnalyticsProgress) => void;
  backend?: BackendChoice;
}

export async function runAnalytics(
  db: RapportDb,
  request: RunRequest,
  hooks: RunHooks,
  options: AnalyticsOptions = DEFAULT_ANALYTICS_OPTIONS,
): Promise<AnalyticsRun> {
  const { signal, onProgress } = hooks;
  const { now } = request;
  const run: AnalyticsRun = { id: newId(), startedAt: Date.now(), status: 'running', trigger: request.trigger, now };
  await db.analyticsRuns.put(run);
  const tensorsBefore = tf.memory().numTensors;
  const stepMs: Partial<Record<AnalyticsStep, number>> = {};
  const warnings: string[] = [];
  const started = performance.now();
  const step = async <T>(name: AnalyticsStep, work: () => Promise<T> | T): Promise<T> => {
    signal.throwIfAborted();
    onProgress({ step: name, done: 0, total: 1 });
    const from = performance.now();
    const value = await work();
    stepMs[name] = performance.now() - from;
    onProgress({ step: name, done: 1, total: 1 });
    return value;
  };
  try {
    const data = await step('read', () =>
      readWorkspace(db, signal, (progress) => onProgress({ step: 'read', ...progress })),
    );
    const { customers, interactions, tickets, currency } = data;
    if (data.otherCurrencyPurchases > 0) warnings.push(`purchases_in_other_currencies:${data.otherCurrencyPurchases}`);
    const featureCache = new Map<number, CustomerFeatures>();
    let order: InteractionOrder | undefined;
    const featuresAt = (at: number): CustomerFeatures => {
      let features = featureCache.get(at);
      if (!features) {
        order ??= interactionOrder(interactions, customers.length);
        featureCache.set(at, (features = customerFeatures(customers, interactions, tickets, at, order)));
      }
      return features;
    };
    const features = await step('features', () => featuresAt(now));
    const n = customers.length;
    const buyers = Array.from({ length: n }, (_, c) => c).filter((c) => (features.purchases[c] as number) > 0);
    const scores: ScoreRow[] = customers.map((customer) => ({ customerId: customer.id, computedAt: now, runId: run.id }));
    const row = (c: number) => scores[c] as ScoreRow;
    const revenueOf = (c: number) => {
      const revenue = features.revenue[c] as number;
      return Number.isNaN(revenue) ? 0 : revenue;
    };

    await step('rfm', () => {
      if (buyers.length === 0) return;
      const rfm = rfmScores({
        recency: buyers.map((c) => features.recencyDays[c] as number),
        frequency: buyers.map((c) => features.purchases[c] as number),
        monetary: buyers.map(revenueOf),
      });
      const grid = RFM_SEGMENT_GRID.map((cells) => cells.map(() => 0));
      const counts: Record<string, number> = {};
      buyers.forEach((c, i) => {
        const r = rfm.r[i] as number;
        const f = rfm.f[i] as number;
        const m = rfm.m[i] as number;
        const segment = rfmSegment(r, f, m);
        row(c).rfm = { r, f, m };
        row(c).rfmSegment = segment;
        counts[segment] = (counts[segment] ?? 0) + 1;
        const cells = grid[r - 1] as number[];
        const fm = Math.floor((f + m + 1) / 2);
        cells[fm - 1] = (cells[fm - 1] as number) + 1;
      });
      run.rfmGrid = grid;
      run.rfmSegments = counts;
    });

    await step('segments', () => {
      if (buyers.length < 4) return;
      const columnsOf = (customers: readonly number[]) => ({
        recency: customers.map((c) => features.recencyDays[c] as number),
        frequency: customers.map((c) => features.purchases[c] as number),
        monetary: customers.map(revenueOf),
      });
      const common = { init: 'kmeans++', restarts: 3, seed: options.seed, silhouetteSample: SILHOUETTE_SAMPLE } as const;
      const choose = { ...common, kMin: 2, kMax: Math.min(6, buyers.length - 1) };
      // k is chosen on a sample of a large workspace (each k tried is a full k-means), then fitted on everyone.
      const k =
        buyers.length > K_CHOICE_SAMPLE
          ? segmentCustomers(columnsOf(Array.from(sampleIndices(buyers.length, K_CHOICE_SAMPLE, seededRandom(options.seed)), (i) => buyers[i] as number)), choose).k
          : undefined;
      const segmentation = segmentCustomers(columnsOf(buyers), k === undefined ? choose : { ...common, k });
      const revenueBySegment = new Float64Array(segmentation.k);
      let totalRevenue = 0;
      buyers.forEach((c, i) => {
        const label = segmentation.labels[i] as number;
        row(c).segmentIndex = label;
        row(c).segment = segmentation.segments[label]?.description.code as string;
        revenueBySegment[label] = (revenueBySegment[label] as number) + revenueOf(c);
        totalRevenue += revenueOf(c);
      });
      run.segmentation = {
        k: segmentation.k,
        silhouette: segmentation.silhouette,
        withoutPurchase: n - buyers.length,
        segments: segmentation.segments.map((segment, index) => ({
          index,
          code: segment.description.code,
          size: segment.size,
          revenueShare: totalRevenue > 0 ? (revenueBySegment[index] as number) / totalRevenue : 0,
          recencyDays: segment.recency,
          purchases: segment.frequency,
          revenue: segment.monetary,
        })),
      };
    });

    const churn = await step('churn', async (): Promise<ChurnOutcome | null> => {
      const activity: number[][] = customers.map(() => []);
      for (let i = 0; i < interactions.length; i++) (activity[interactions.customer[i] as number] as number[]).push(interactions.at[i] as number);
      const outcome = await churnStep({ customers, activity, featuresAt, now, horizonDays: options.horizonDays, seed: options.seed, signal });
      if (!outcome) {
        warnings.push('churn_history_too_short');
        return null;
      }
      for (const [c, score] of outcome.scores) {
        row(c).churnProbability = score.probability;
        row(c).churnReasons = score.reasons;
      }
      customers.forEach((customer, c) => {
        if (customer.lifecycle === 'churned') row(c).churnProbability = 1;
      });
      // Customers the team marked churned have no reasons: they are gone already, not at risk.
      run.atRisk = scores
        .filter((score) => score.churnReasons !== undefined)
        .sort((a, b) => (b.churnProbability as number) - (a.churnProbability as number) || (a.customerId < b.customerId ? -1 : 1))
        .slice(0, LISTED);
      return outcome;
    });
    run.churn = churn?.card ?? null;
    run.churnHistogram = histogram(
      scores.flatMap((score) => (score.churnProbability === undefined ? [] : [score.churnProbability])),
      10,
      0,
      1,
    );

    await step('clv', () => {
      run.clv = null;
      if (currency === null) return;
      const transactions: Transaction[] = [];
      for (let i = 0; i < interactions.length; i++) {
        const amount = interactions.amount[i] as number;
        if (interactions.type[i] !== PURCHASE || Number.isNaN(amount)) continue;
        transactions.push({ customerKey: String(interactions.customer[i]), at: interactions.at[i] as number, amount });
      }
      const summary = customerSummary(transactions, { observationEnd: now, unit: 'day' });
      if (summary.keys.length === 0) return;
      let bgnbd;
      try {
        bgnbd = fitBgNbd(summary);
      } catch (error) {
        warnings.push(`bgnbd_failed:${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      let gammaGamma = null;
      try {
        const fit = fitGammaGamma(summary);
        // Expected spend needs q > 1 (a finite population mean).
        if (fit.params.q > 1) gammaGamma = fit.params;
        else warnings.push('gamma_gamma_no_finite_mean');
      } catch (error) {
        warnings.push(`gamma_gamma_failed:${error instanceof Error ? error.message : String(error)}`);
      }
      const clv = gammaGamma
        ? customerLifetimeValue(bgnbd.params, gammaGamma, summary, {
            months: options.clvMonths,
            monthlyDiscountRate: options.monthlyDiscountRate,
            unit: 'day',
          })
        : null;
      const values: number[] = [];
      summary.keys.forEach((key, i) => {
        const c = Number(key);
        const x = summary.frequency[i] as number;
        const tx = summary.recency[i] as number;
        const T = summary.T[i] as number;
        row(c).expectedPurchases = bgnbdConditionalExpectedPurchases(bgnbd.params, options.horizonDays, x, tx, T);
        row(c).pAlive = bgnbdProbabilityAlive(bgnbd.params, x, tx, T);
        if (clv) {
          const value = Math.max(0, Math.round(clv[i] as number));
          row(c).clv = value;
          row(c).currency = currency;
          values.push(value);
        }
      });
      run.clvHistogram = histogram(values, 10, 0, quantile(values, 0.95));
      run.clv = {
        currency,
        customers: summary.keys.length,
        repeatCustomers: summary.frequency.filter((x) => x > 0).length,
        bgnbd: { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood },
        gammaGamma,
        horizonDays: options.horizonDays,
        months: options.clvMonths,
        monthlyDiscountRate: options.monthlyDiscountRate,
      };
    });

    await step('actions', () => {
      const outlooks: CustomerOutlook[] = [];
      const indexOf = new Map<string, number>();
      customers.forEach((customer, c) => {
        if (customer.lifecycle === 'churned' || features.known[c] !== 1) return;
        const score = row(c);
        const lastChannel = channelOf(features.lastChannel[c] as number);
        const silence = features.daysSinceLastContact[c] as number;
        indexOf.set(customer.id, c);
        outlooks.push({
          customerKey: customer.id,
          clv: score.clv ?? 0,
          churnProbability: score.churnProbability ?? 0,
          openComplaints: (features.unansweredComplaints[c] as number) + (features.openComplaintTickets[c] as number),
          daysSinceLastContact: Number.isNaN(silence) ? null : silence,
          ...(customer.preferredChannel === undefined ? {} : { preferredChannel: customer.preferredChannel }),
          ...(lastChannel === undefined ? {} : { lastChannel }),
          consentEmail: customer.consentEmail,
          consentSms: customer.consentSms,
          consentPhone: customer.consentPhone,
        });
      });
      const actions = nextBestActions(outlooks);
      const ranked = actions.map((action, rank) => {
        const score = row(indexOf.get(action.customerKey) as number);
        score.nbaRank = rank + 1;
        score.nbaPriority = action.priority;
        score.nbaChannel = action.channel;
        score.nbaReasons = action.reasons;
        return score;
      });
      run.actions = actions.length;
      run.topActions = ranked.slice(0, LISTED);
      const trends = satisfactionTrends(interactions, now);
      run.nps = trends.nps;
      run.csat = trends.csat;
      run.cohorts = cohortTable(interactions, now);
    });

    const finish = () => {
      const tensorsAfter = tf.memory().numTensors;
      if (tensorsAfter !== tensorsBefore) warnings.push(`tensors_leaked:${tensorsAfter - tensorsBefore}`);
      Object.assign(run, {
        status: 'done',
        finishedAt: Date.now(),
        data: {
          customers: n,
          interactions: interactions.length,
          purchases: data.purchases,
          surveys: data.surveys,
          tickets: tickets.length,
          currency,
        },
        stepMs,
        totalMs: performance.now() - started,
        tensors: { before: tensorsBefore, after: tensorsAfter },
        warnings,
        ...(hooks.backend ? { backend: hooks.backend } : {}),
      } satisfies Partial<AnalyticsRun>);
    };
    // The scores and the finished run land together: no reader pairs this run's card with the last run's scores.
    await step('write', () =>
      db.transaction('rw', db.scorePages, db.analyticsRuns, async () => {
        await replaceScores(db, scores);
        finish();
        await db.analyticsRuns.put(run);
        const old = await db.analyticsRuns.orderBy('startedAt').reverse().offset(options.keepRuns).primaryKeys();
        await db.analyticsRuns.bulkDelete(old);
      }),
    );
    // The write's own time is known once it has committed.
    run.totalMs = performance.now() - started;
    await db.analyticsRuns.put(run);
    return run;
  } catch (error) {
    const cancelled = signal.aborted;
    Object.assign(run, {
      status: cancelled ? 'cancelled' : 'failed',
      finishedAt: Date.now(),
      stepMs,
      totalMs: performance.now() - started,
      tensors: { before: tensorsBefore, after: tf.memory().numTensors },
      warnings,
      ...(cancelled ? {} : { error: error instanceof Error ? error.message : String(error) }),
    } satisfies Partial<AnalyticsRun>);
    await db.analyticsRuns.put(run);
    throw error;
  }
}

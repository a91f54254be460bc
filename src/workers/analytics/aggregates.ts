import type { InteractionTable } from '../../analytics/features';
import { SCALE_CSAT, SCALE_NPS } from '../../domain/interactionCodes';
import { retentionCohorts, type Purchase } from '../../analytics/retention';
import { csatByMonth, npsByMonth, type SurveyAnswer } from '../../analytics/satisfaction';
import { INTERACTION_TYPES } from '../../domain/interaction';
import type { CohortRow, HistogramBin, MonthlyScore } from '../analyticsContract';

// Workspace-wide figures for the Insights charts, kept with the run (small) rather than recomputed by the UI.

const PURCHASE = INTERACTION_TYPES.indexOf('purchase');
const MONTHS_SHOWN = 24;
const COHORTS_SHOWN = 12;

export function satisfactionTrends(interactions: InteractionTable, now: number): { nps: MonthlyScore[]; csat: MonthlyScore[] } {
  const nps: SurveyAnswer[] = [];
  const csat: SurveyAnswer[] = [];
  for (let i = 0; i < interactions.length; i++) {
    const at = interactions.at[i] as number;
    if (at > now) continue;
    const scale = interactions.scale[i];
    if (scale === SCALE_NPS) nps.push({ at, score: interactions.score[i] as number });
    else if (scale === SCALE_CSAT) csat.push({ at, score: interactions.score[i] as number });
  }
  return {
    nps: npsByMonth(nps)
      .slice(-MONTHS_SHOWN)
      .map((month) => ({ month: month.month, responses: month.responses, value: month.nps ?? 0 })),
    csat: csatByMonth(csat)
      .slice(-MONTHS_SHOWN)
      .map((month) => ({ month: month.month, responses: month.responses, value: month.csat ?? 0 })),
  };
}

export function cohortTable(interactions: InteractionTable, now: number): CohortRow[] {
  const purchases: Purchase[] = [];
  for (let i = 0; i < interactions.length; i++) {
    if (interactions.type[i] === PURCHASE && (interactions.at[i] as number) <= now) {
      purchases.push({ customerKey: String(interactions.customer[i]), at: interactions.at[i] as number });
    }
  }
  if (purchases.length === 0) return [];
  return retentionCohorts(purchases, now)
    .slice(-COHORTS_SHOWN)
    .map((cohort) => ({ month: cohort.month, size: cohort.size, share: cohort.share.slice(0, COHORTS_SHOWN) }));
}

/** Equal-width bins from lo to hi; values above hi fall into the last bin, so an outlier does not flatten the rest. */
export function histogram(values: readonly number[], bins: number, lo: number, hi: number): HistogramBin[] {
  const width = (hi - lo) / bins;
  const out = Array.from({ length: bins }, (_, b): HistogramBin => ({ from: lo + b * width, to: lo + (b + 1) * width, count: 0 }));
  if (!(width > 0)) return out.slice(0, 1).map((bin) => ({ ...bin, count: values.length }));
  for (const value of values) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((value - lo) / width)));
    (out[b] as HistogramBin).count++;
  }
  return out;
}

/** The value below which `share` of the values lie (nearest rank). */
export function quantile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number;
}

import type { FieldIssue } from './validation';

// The sales pipeline's rules: stages, what a move between stages does to a deal, and the forecast. Pure, so every
// figure the pipeline page shows can be checked by hand in Node.

/** An open stage of the team's pipeline (won and lost are fixed and not listed). */
export interface PipelineStage {
  id: string;
  /** What the team calls the stage; '' for a default stage keeps its translated default name. */
  name: string;
  /** The chance (0..1) that a deal in this stage is won; a deal may override it. */
  probability: number;
  order: number;
}

export const WON = 'won';
export const LOST = 'lost';
export const CLOSED_STAGES = [WON, LOST] as const;
export type ClosedStage = (typeof CLOSED_STAGES)[number];
export const STAGE_NAME_MAX = 60;

/**
 * A new workspace's pipeline. Workspaces that never edited a stage read these, so a stage here is never renamed or
 * renumbered, only added.
 */
export const DEFAULT_PIPELINE: readonly PipelineStage[] = [
  { id: 'qualification', name: '', probability: 0.1, order: 0 },
  { id: 'needs-analysis', name: '', probability: 0.25, order: 1 },
  { id: 'proposal', name: '', probability: 0.5, order: 2 },
  { id: 'negotiation', name: '', probability: 0.75, order: 3 },
];
export type DefaultStageId = 'qualification' | 'needs-analysis' | 'proposal' | 'negotiation';

export function isDefaultStage(id: string): id is DefaultStageId {
  return DEFAULT_PIPELINE.some((stage) => stage.id === id);
}

export function isClosedStage(stage: string): stage is ClosedStage {
  return stage === WON || stage === LOST;
}

/** Stages in board order; ties (two devices reordering at once) fall back to the id so every device agrees. */
export function sortStages(stages: readonly PipelineStage[]): PipelineStage[] {
  return [...stages].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The problems of a pipeline the team wants to save, keyed `stages.<index>.<field>` for the stage editor. */
export function validatePipeline(stages: readonly PipelineStage[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!stages.length) issues.push({ field: 'stages', code: 'no_stages' });
  const seen = new Set<string>();
  stages.forEach((stage, index) => {
    const at = (field: string, code: string) => issues.push({ field: `stages.${index}.${field}`, code });
    if (!stage.id || isClosedStage(stage.id) || seen.has(stage.id)) at('id', 'invalid_id');
    seen.add(stage.id);
    const name = stage.name.trim();
    if (!name && !isDefaultStage(stage.id)) at('name', 'required');
    if (name.length > STAGE_NAME_MAX) at('name', 'too_long');
    if (!Number.isFinite(stage.probability) || stage.probability < 0 || stage.probability > 1) at('probability', 'out_of_range');
  });
  return issues;
}

/** The part of a deal the pipeline rules read. */
export interface PipelineDeal {
  stage: string;
  amountMinor: number;
  currency: string;
  probability?: number | undefined;
  expectedClose?: number | undefined;
  closedAt?: number | undefined;
  deletedAt?: number | undefined;
}

/**
 * The open stage a deal is shown in. A deal whose stage was removed on another device at the same time as it was
 * moved there would otherwise vanish from the board, so it shows in the first stage until someone moves it.
 */
export function boardStageOf(deal: Pick<PipelineDeal, 'stage'>, stages: readonly PipelineStage[]): string | undefined {
  if (isClosedStage(deal.stage)) return undefined;
  return stages.some((stage) => stage.id === deal.stage) ? deal.stage : stages[0]?.id;
}

/** Won counts in full and lost not at all; an open deal has its own probability or else its stage's. */
export function effectiveProbability(deal: Pick<PipelineDeal, 'stage' | 'probability'>, stages: readonly PipelineStage[]): number {
  if (deal.stage === WON) return 1;
  if (deal.stage === LOST) return 0;
  if (deal.probability !== undefined) return deal.probability;
  const stage = boardStageOf(deal, stages);
  return stages.find((candidate) => candidate.id === stage)?.probability ?? 0;
}

/** The open stage before (-1) or after (+1) the deal's, if there is one: the keyboard's way across the board. */
export function neighbourStage(stages: readonly PipelineStage[], stageId: string, step: -1 | 1): string | undefined {
  const index = stages.findIndex((stage) => stage.id === stageId);
  return index < 0 ? undefined : stages[index + step]?.id;
}

/** Whether a deal's stage is one the pipeline knows; a lost deal must say why. */
export function checkDealStage(deal: { stage: string; lostReason?: string | undefined }, stages: readonly PipelineStage[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!isClosedStage(deal.stage) && !stages.some((stage) => stage.id === deal.stage)) issues.push({ field: 'stage', code: 'unknown_stage' });
  if (deal.stage === LOST && !deal.lostReason?.trim()) issues.push({ field: 'lostReason', code: 'required' });
  return issues;
}

/**
 * What else changes when a deal changes stage: its probability follows the new stage unless the same change sets
 * one, closing stamps the day it closed (for "won this month"), reopening clears it, and only a lost deal keeps a
 * lost reason. null clears a field.
 */
export function stageChangeEffects(
  before: { stage: string },
  patch: { stage?: string | undefined; probability?: number | null | undefined },
  at: number,
): { probability?: null; closedAt?: number | null; lostReason?: null } {
  if (patch.stage === undefined || patch.stage === before.stage) return {};
  return {
    ...(patch.probability === undefined ? { probability: null } : {}),
    closedAt: isClosedStage(patch.stage) ? at : null,
    ...(patch.stage === LOST ? {} : { lostReason: null }),
  };
}

export interface StageTotal {
  deals: number;
  /** Amounts in the workspace currency only; deals in another currency are counted but not summed. */
  amountMinor: number;
}

/** Count and sum of each board column. */
export function stageTotals(deals: readonly PipelineDeal[], stages: readonly PipelineStage[], currency: string): Map<string, StageTotal> {
  const totals = new Map(stages.map((stage) => [stage.id, { deals: 0, amountMinor: 0 }]));
  for (const deal of deals) {
    if (deal.deletedAt !== undefined) continue;
    const total = totals.get(boardStageOf(deal, stages) ?? '');
    if (!total) continue;
    total.deals += 1;
    if (deal.currency === currency) total.amountMinor += deal.amountMinor;
  }
  return totals;
}

export interface ForecastMonth {
  /** `YYYY-MM` of the expected close date, or null for open deals without one. */
  month: string | null;
  deals: number;
  amountMinor: number;
  /** Σ amount × probability, rounded to whole minor units once per month. */
  weightedMinor: number;
}

export interface Forecast {
  /** Months in calendar order, then the deals without a date. */
  months: ForecastMonth[];
  amountMinor: number;
  /** The sum of the months' rounded figures, so the table adds up. */
  weightedMinor: number;
  /** Open deals in another currency, left out of every figure. */
  otherCurrency: number;
}

/**
 * Expected close dates are calendar days, stored as midnight UTC of that day, so a deal's month is the same for
 * every reader whatever their time zone.
 */
export function monthOf(day: number): string {
  const date = new Date(day);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Weighted forecast of the open deals in the workspace currency, by expected close month. */
export function weightedForecast(deals: readonly PipelineDeal[], stages: readonly PipelineStage[], currency: string): Forecast {
  const byMonth = new Map<string | null, { deals: number; amountMinor: number; weighted: number }>();
  let otherCurrency = 0;
  for (const deal of deals) {
    if (deal.deletedAt !== undefined || isClosedStage(deal.stage)) continue;
    if (deal.currency !== currency) {
      otherCurrency += 1;
      continue;
    }
    const month = deal.expectedClose === undefined ? null : monthOf(deal.expectedClose);
    const entry = byMonth.get(month) ?? { deals: 0, amountMinor: 0, weighted: 0 };
    entry.deals += 1;
    entry.amountMinor += deal.amountMinor;
    entry.weighted += deal.amountMinor * effectiveProbability(deal, stages);
    byMonth.set(month, entry);
  }
  const months = [...byMonth]
    .map(([month, entry]) => ({ month, deals: entry.deals, amountMinor: entry.amountMinor, weightedMinor: Math.round(entry.weighted) }))
    .sort((a, b) => (a.month === null ? 1 : b.month === null ? -1 : a.month < b.month ? -1 : 1));
  return {
    months,
    amountMinor: months.reduce((sum, month) => sum + month.amountMinor, 0),
    weightedMinor: months.reduce((sum, month) => sum + month.weightedMinor, 0),
    otherCurrency,
  };
}

/** Deals won in [from, to) in the workspace currency: "won this month" with the month's bounds in the reader's zone. */
export function wonBetween(deals: readonly PipelineDeal[], currency: string, from: number, to: number): StageTotal {
  const total = { deals: 0, amountMinor: 0 };
  for (const deal of deals) {
    if (deal.deletedAt !== undefined || deal.stage !== WON || deal.currency !== currency) continue;
    if (deal.closedAt === undefined || deal.closedAt < from || deal.closedAt >= to) continue;
    total.deals += 1;
    total.amountMinor += deal.amountMinor;
  }
  return total;
}

/** Live deals in the given stages, by stage: the deals to move before those stages are removed. */
export function dealsInStages<D extends PipelineDeal>(deals: readonly D[], stageIds: ReadonlySet<string>): Map<string, D[]> {
  const out = new Map<string, D[]>();
  for (const deal of deals) {
    if (deal.deletedAt !== undefined || !stageIds.has(deal.stage)) continue;
    out.set(deal.stage, [...(out.get(deal.stage) ?? []), deal]);
  }
  return out;
}

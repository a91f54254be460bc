import { describe, expect, test } from 'vitest';
import {
  boardStageOf,
  checkDealStage,
  DEFAULT_PIPELINE,
  dealsInStages,
  effectiveProbability,
  monthOf,
  neighbourStage,
  sortStages,
  stageChangeEffects,
  stageTotals,
  validatePipeline,
  weightedForecast,
  wonBetween,
  type PipelineDeal,
} from '../../../src/domain/pipeline';

// Qualification 10 %, Needs analysis 25 %, Proposal 50 %, Negotiation 75 %.
const stages = [...DEFAULT_PIPELINE];
const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date);
const deal = (fields: Partial<PipelineDeal> & Pick<PipelineDeal, 'stage' | 'amountMinor'>): PipelineDeal => ({ currency: 'USD', ...fields });

const deals = {
  a: deal({ stage: 'qualification', amountMinor: 100_000, expectedClose: day(2027, 3, 15) }),
  b: deal({ stage: 'proposal', amountMinor: 250_000, probability: 0.4, expectedClose: day(2027, 3, 31) }),
  c: deal({ stage: 'negotiation', amountMinor: 99_999, expectedClose: day(2027, 4, 1) }),
  d: deal({ stage: 'needs-analysis', amountMinor: 33_333 }),
  e: deal({ stage: 'won', amountMinor: 500_000, expectedClose: day(2027, 3, 1), closedAt: day(2027, 3, 10) }),
  f: deal({ stage: 'lost', amountMinor: 70_000, expectedClose: day(2027, 3, 1), closedAt: day(2027, 3, 11) }),
  g: deal({ stage: 'qualification', amountMinor: 100_000, currency: 'EUR', expectedClose: day(2027, 3, 1) }),
  h: deal({ stage: 'proposal', amountMinor: 1_000_000, expectedClose: day(2027, 3, 1), deletedAt: day(2027, 2, 1) }),
  // Its stage was removed on another device: it counts as the first stage's.
  i: deal({ stage: 'removed-elsewhere', amountMinor: 10_000, expectedClose: day(2027, 4, 20) }),
};
const all = Object.values(deals);

describe('weighted forecast', () => {
  test('open deals in the workspace currency, by expected close month, each at its own or its stage’s probability', () => {
    expect(weightedForecast(all, stages, 'USD')).toEqual({
      months: [
        // a: 100 000 × 0.10 = 10 000; b: 250 000 × 0.40 (its own) = 100 000.
        { month: '2027-03', deals: 2, amountMinor: 350_000, weightedMinor: 110_000 },
        // c: 99 999 × 0.75 = 74 999.25; i: 10 000 × 0.10 = 1 000; 75 999.25 → 75 999.
        { month: '2027-04', deals: 2, amountMinor: 109_999, weightedMinor: 75_999 },
        // d: 33 333 × 0.25 = 8 333.25 → 8 333.
        { month: null, deals: 1, amountMinor: 33_333, weightedMinor: 8_333 },
      ],
      amountMinor: 493_332,
      weightedMinor: 194_332,
      otherCurrency: 1,
    });
  });

  test('a month is rounded once, not deal by deal', () => {
    const halves = [1, 1, 1].map((amountMinor) => deal({ stage: 'proposal', amountMinor, expectedClose: day(2027, 5, 2) }));
    // 3 × (1 × 0.5) = 1.5 → 2; rounding each deal would give 3.
    expect(weightedForecast(halves, stages, 'USD').months).toEqual([{ month: '2027-05', deals: 3, amountMinor: 3, weightedMinor: 2 }]);
  });

  test('no open deals: no months, zero totals', () => {
    expect(weightedForecast([deals.e, deals.f, deals.h], stages, 'USD')).toEqual({ months: [], amountMinor: 0, weightedMinor: 0, otherCurrency: 0 });
  });

  test('an expected close day belongs to its UTC calendar month', () => {
    expect(monthOf(Date.UTC(2027, 0, 31, 23, 59, 59))).toBe('2027-01');
    expect(monthOf(day(2027, 12, 1))).toBe('2027-12');
  });
});

describe('won in a period', () => {
  test('won deals in the currency closed in [from, to)', () => {
    const march = { from: day(2027, 3, 1), to: day(2027, 4, 1) };
    const more = [
      deal({ stage: 'won', amountMinor: 1_234, closedAt: march.from }),
      deal({ stage: 'won', amountMinor: 9_999, closedAt: march.to }),
      deal({ stage: 'won', amountMinor: 7_000, currency: 'EUR', closedAt: day(2027, 3, 5) }),
      deal({ stage: 'won', amountMinor: 4_000, closedAt: day(2027, 3, 5), deletedAt: day(2027, 3, 6) }),
    ];
    expect(wonBetween([...all, ...more], 'USD', march.from, march.to)).toEqual({ deals: 2, amountMinor: 501_234 });
  });
});

describe('stages', () => {
  test('column totals count every live deal and sum the workspace currency', () => {
    expect(Object.fromEntries(stageTotals(all, stages, 'USD'))).toEqual({
      qualification: { deals: 3, amountMinor: 110_000 },
      'needs-analysis': { deals: 1, amountMinor: 33_333 },
      proposal: { deals: 1, amountMinor: 250_000 },
      negotiation: { deals: 1, amountMinor: 99_999 },
    });
  });

  test('probability: won 1, lost 0, the deal’s own, else its stage’s', () => {
    expect(all.map((one) => effectiveProbability(one, stages))).toEqual([0.1, 0.4, 0.75, 0.25, 1, 0, 0.1, 0.5, 0.1]);
  });

  test('board column: closed deals have none; a removed stage shows in the first', () => {
    expect([deals.b, deals.e, deals.i].map((one) => boardStageOf(one, stages))).toEqual(['proposal', undefined, 'qualification']);
  });

  test('previous and next stage stop at the ends', () => {
    expect(neighbourStage(stages, 'qualification', -1)).toBeUndefined();
    expect(neighbourStage(stages, 'qualification', 1)).toBe('needs-analysis');
    expect(neighbourStage(stages, 'proposal', -1)).toBe('needs-analysis');
    expect(neighbourStage(stages, 'negotiation', 1)).toBeUndefined();
    expect(neighbourStage(stages, 'won', 1)).toBeUndefined();
  });

  test('order, then id, so devices that reordered at once agree', () => {
    const mixed = [
      { id: 'b', name: 'B', probability: 0.2, order: 1 },
      { id: 'c', name: 'C', probability: 0.3, order: 0 },
      { id: 'a', name: 'A', probability: 0.1, order: 1 },
    ];
    expect(sortStages(mixed).map((stage) => stage.id)).toEqual(['c', 'a', 'b']);
  });

  test('a pipeline is refused field by field', () => {
    expect(validatePipeline([])).toEqual([{ field: 'stages', code: 'no_stages' }]);
    expect(validatePipeline(stages)).toEqual([]);
    expect(
      validatePipeline([
        { id: 'qualification', name: '', probability: 0.1, order: 0 },
        { id: 'x1', name: ' ', probability: 1.5, order: 1 },
        { id: 'x1', name: 'y'.repeat(61), probability: Number.NaN, order: 2 },
        { id: 'won', name: 'Won', probability: 1, order: 3 },
      ]),
    ).toEqual([
      { field: 'stages.1.name', code: 'required' },
      { field: 'stages.1.probability', code: 'out_of_range' },
      { field: 'stages.2.id', code: 'invalid_id' },
      { field: 'stages.2.name', code: 'too_long' },
      { field: 'stages.2.probability', code: 'out_of_range' },
      { field: 'stages.3.id', code: 'invalid_id' },
    ]);
  });

  test('a deal’s stage must exist, and a lost deal must say why', () => {
    expect(checkDealStage({ stage: 'proposal' }, stages)).toEqual([]);
    expect(checkDealStage({ stage: 'won' }, stages)).toEqual([]);
    expect(checkDealStage({ stage: 'nowhere' }, stages)).toEqual([{ field: 'stage', code: 'unknown_stage' }]);
    expect(checkDealStage({ stage: 'lost', lostReason: '  ' }, stages)).toEqual([{ field: 'lostReason', code: 'required' }]);
    expect(checkDealStage({ stage: 'lost', lostReason: 'Price' }, stages)).toEqual([]);
  });

  test('what a change of stage does to the rest of the deal', () => {
    const at = day(2027, 3, 9);
    expect(stageChangeEffects({ stage: 'proposal' }, { stage: 'proposal' }, at)).toEqual({});
    expect(stageChangeEffects({ stage: 'proposal' }, {}, at)).toEqual({});
    expect(stageChangeEffects({ stage: 'proposal' }, { stage: 'negotiation' }, at)).toEqual({ probability: null, closedAt: null, lostReason: null });
    expect(stageChangeEffects({ stage: 'proposal' }, { stage: 'negotiation', probability: 0.9 }, at)).toEqual({ closedAt: null, lostReason: null });
    expect(stageChangeEffects({ stage: 'proposal' }, { stage: 'won' }, at)).toEqual({ probability: null, closedAt: at, lostReason: null });
    expect(stageChangeEffects({ stage: 'proposal' }, { stage: 'lost' }, at)).toEqual({ probability: null, closedAt: at });
  });

  test('deals to move out of the stages being removed', () => {
    const found = dealsInStages(all, new Set(['proposal', 'removed-elsewhere', 'won']));
    expect(Object.fromEntries([...found].map(([stage, list]) => [stage, list.length]))).toEqual({ proposal: 1, 'removed-elsewhere': 1, won: 1 });
  });
});

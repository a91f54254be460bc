import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DAY_MS } from '../../../src/analytics/time';
import { buildFacts, countFactPages } from '../../../src/data/factPages';
import { replaceScores, scoreOf, scoresWhere } from '../../../src/data/scorePages';
import { openWorkspaceDb, type CustomerRow, type InteractionRow, type RapportDb } from '../../../src/data/db';
import type { InteractionType } from '../../../src/domain/interaction';
import type { Ticket } from '../../../src/domain/work';
import { newId } from '../../../src/platform/ids';
import { closeInterruptedRuns } from '../../../src/workers/analytics/interruptedRuns';
import { runAnalytics } from '../../../src/workers/analytics/runAnalytics';
import type { AnalyticsProgress, AnalyticsRun } from '../../../src/workers/analyticsContract';

// A small hand-made workspace whose answers are known: 20 steady buyers (a purchase every 20 days up to today),
// 10 who stopped 200 days ago and 10 who stopped 100 days ago (churned in the last horizon, active in the one
// before), 5 leads who never bought, 2 customers the team marked churned, and one deleted customer.
const NOW = Date.UTC(2026, 10, 1);
const day = (n: number) => NOW - n * DAY_MS;

type Group = 'steady' | 'stoppedEarly' | 'stoppedLate' | 'lead' | 'markedChurned' | 'deleted';
const GROUPS: [Group, number][] = [
  ['steady', 20],
  ['stoppedEarly', 10],
  ['stoppedLate', 10],
  ['lead', 5],
  ['markedChurned', 2],
  ['deleted', 1],
];

function customer(id: string, group: Group, createdAt: number): CustomerRow {
  return {
    id,
    kind: 'person',
    name: `${group} ${id.slice(-4)}`,
    nameKey: `${group} ${id.slice(-4)}`,
    emails: [],
    phones: [],
    tags: [],
    lifecycle: group === 'markedChurned' ? 'churned' : group === 'lead' ? 'lead' : 'customer',
    consentEmail: true,
    consentSms: false,
    consentPhone: group !== 'steady',
    customFields: {},
    createdAt,
    createdBy: 'm',
    updatedAt: createdAt,
    updatedBy: 'm',
    alive: group === 'deleted' ? 0 : 1,
  } as unknown as CustomerRow;
}

function interaction(customerId: string, type: InteractionType, at: number, extra: Partial<InteractionRow> = {}): InteractionRow {
  return { id: newId(), customerId, type, at, createdAt: at, createdBy: 'm', updatedAt: at, updatedBy: 'm', alive: 1, doc: 'x', ...extra } as InteractionRow;
}

const groupOf = new Map<string, Group>();
let db: RapportDb;
let run: AnalyticsRun;
const progress: AnalyticsProgress[] = [];
let interactionCount = 0;
let purchaseCount = 0;
let complainer = '';

beforeAll(async () => {
  db = openWorkspaceDb(`analytics-${newId()}`);
  const customers: CustomerRow[] = [];
  const interactions: InteractionRow[] = [];
  let serial = 0;
  for (const [group, count] of GROUPS) {
    for (let k = 0; k < count; k++) {
      const id = newId();
      serial++;
      groupOf.set(id, group);
      customers.push(customer(id, group, day(700)));
      if (group === 'lead') continue;
      // Spend differs by customer so the money models have something to fit. Those who leave buy less often
      // (every 50 days instead of 20) for the 100 days before their last purchase, and complain 10 days before it.
      const lastDay = { steady: 0, stoppedEarly: 200, stoppedLate: 100, markedChurned: 400, deleted: 0 }[group];
      const fading = group === 'stoppedEarly' || group === 'stoppedLate';
      for (let d = 600 + (serial % 7); d >= lastDay; d -= fading && d <= lastDay + 100 ? 50 : 20) {
        interactions.push(interaction(id, 'purchase', day(d), { amountMinor: 1000 + 100 * (serial % 9) + 10 * (d % 13), currency: 'USD' }));
      }
      if (fading) interactions.push(interaction(id, 'complaint', day(lastDay + 10), { direction: 'inbound', channel: 'email' }));
      if (group === 'steady') interactions.push(interaction(id, 'survey', day(30 + k), { score: 9, scoreScale: 'nps' }));
    }
  }
  interactions.push(interaction(customers[0]!.id, 'purchase', day(3), { amountMinor: 999_999, currency: 'EUR' }));
  const live = interactions.filter((row) => groupOf.get(row.customerId) !== 'deleted');
  interactionCount = live.length;
  purchaseCount = live.filter((row) => row.type === 'purchase').length;
  complainer = customers.find((row) => groupOf.get(row.id) === 'stoppedLate')!.id;
  await db.tickets.put({
    id: newId(),
    customerId: complainer,
    kind: 'complaint',
    subject: 'Late delivery',
    status: 'open',
    priority: 'high',
    createdAt: day(95),
    createdBy: 'm',
    updatedAt: day(95),
    updatedBy: 'm',
  } as Ticket);
  await db.customers.bulkPut(customers);
  await db.interactions.bulkPut(interactions);
  // Small pages, so the run reads several of each kind.
  await buildFacts(db, 16);
  // A score left from a customer who no longer exists must go.
  await replaceScores(db, [{ customerId: 'gone', computedAt: 0, runId: 'old' }]);
  await tf.ready();
  run = await runAnalytics(
    db,
    { workspaceId: 'test', now: NOW, trigger: 'manual' },
    { signal: new AbortController().signal, onProgress: (p) => progress.push(p) },
  );
}, 60_000);

afterAll(() => db.close());

const allScores = () => scoresWhere(db, () => true);
const scoresOf = (group: Group) => scoresWhere(db, (score) => groupOf.get(score.customerId) === group);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('analytics run over a hand-made workspace', () => {
  test('the model card names the data used and every step', async () => {
    expect(run.status).toBe('done');
    expect(run.data).toEqual({ customers: 47, interactions: interactionCount, purchases: purchaseCount, surveys: 20, tickets: 1, currency: 'USD' });
    expect(run.warnings).toEqual(['purchases_in_other_currencies:1']);
    expect(Object.keys(run.stepMs ?? {})).toEqual(['read', 'features', 'rfm', 'segments', 'churn', 'clv', 'actions', 'write']);
    expect(run.tensors?.after).toBe(run.tensors?.before);
    expect(await db.analyticsRuns.get(run.id)).toEqual(run);
    // Pages of 16 records: progress through the read step rises page by page to the total.
    const reads = progress.filter((p) => p.step === 'read' && p.total > 1);
    const pages = (await countFactPages(db, 'customers')) + (await countFactPages(db, 'interactions'));
    const liveInteractions = (await db.interactions.toArray()).filter((row) => row.alive === 1).length;
    expect(pages).toBe(Math.ceil(47 / 16) + Math.ceil(liveInteractions / 16));
    expect(reads.map((p) => p.done)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    expect(reads.at(-1)).toEqual({ step: 'read', done: pages, total: pages });
  });

  test('one score row per live customer; none for the deleted one or the customer who is gone', async () => {
    const ids = (await allScores()).map((score) => score.customerId);
    expect(ids).toEqual([...groupOf].filter(([, group]) => group !== 'deleted').map(([id]) => id).sort());
    for (const score of await scoresOf('lead')) {
      expect(score.rfm).toBeUndefined();
      expect(score.clv).toBeUndefined();
      expect(score.churnProbability).toBeUndefined();
    }
  });

  test('RFM and segments cover the 42 buyers', async () => {
    expect(run.rfmGrid?.flat().reduce((a, b) => a + b, 0)).toBe(42);
    expect(Object.values(run.rfmSegments ?? {}).reduce((a, b) => a + b, 0)).toBe(42);
    expect(run.segmentation?.withoutPurchase).toBe(5);
    expect(run.segmentation?.segments.reduce((sum, segment) => sum + segment.size, 0)).toBe(42);
    expect(run.segmentation?.segments.reduce((sum, segment) => sum + segment.revenueShare, 0)).toBeCloseTo(1, 10);
    // Steady buyers bought most recently: every one of them has a higher R score than any early stopper.
    const steadyR = Math.min(...(await scoresOf('steady')).map((score) => score.rfm!.r));
    const stoppedR = Math.max(...(await scoresOf('stoppedEarly')).map((score) => score.rfm!.r));
    expect(steadyR).toBeGreaterThan(stoppedR);
  });

  test('churn is trained on the earlier period and tested on the later one', async () => {
    const churn = run.churn!;
    expect(churn.evaluation).toBe('out-of-time');
    expect(churn.trainCutoff).toBe(day(180));
    expect(churn.testCutoff).toBe(day(90));
    // At the training cutoff everyone but the leads had bought; the early stoppers and the two marked churned churned.
    expect(churn.trainRows).toBe(42);
    expect(churn.trainChurnRate).toBeCloseTo(12 / 42, 12);
    expect(churn.testRows).toBe(42);
    expect(churn.testAuc).toBeGreaterThan(0.9);
    const steady = mean((await scoresOf('steady')).map((score) => score.churnProbability!));
    const stopped = mean((await scoresOf('stoppedLate')).map((score) => score.churnProbability!));
    expect(stopped).toBeGreaterThan(steady + 0.3);
    for (const score of await scoresOf('markedChurned')) expect(score.churnProbability).toBe(1);
    const late = (await scoresOf('stoppedLate'))[0]!;
    expect(late.churnReasons!.length).toBeGreaterThan(0);
    expect(late.churnReasons!.some((reason) => reason.direction === 'raises')).toBe(true);
    // The insights page's at-risk list: the most likely to leave first, none the team marked churned.
    const withReasons = (await allScores()).filter((score) => score.churnReasons !== undefined);
    const listed = run.atRisk!.map((score) => score.churnProbability!);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    expect(listed.length).toBe(Math.min(20, withReasons.length));
    expect(listed[0]).toBe(Math.max(...withReasons.map((score) => score.churnProbability!)));
    expect(run.atRisk!.some((score) => groupOf.get(score.customerId) === 'markedChurned')).toBe(false);
  });

  test('expected purchases, P(alive) and CLV for buyers: the steady ones are worth more', async () => {
    const steady = await scoresOf('steady');
    const stopped = await scoresOf('stoppedEarly');
    expect(run.clv?.customers).toBe(42);
    expect(mean(steady.map((score) => score.pAlive!))).toBeGreaterThan(mean(stopped.map((score) => score.pAlive!)));
    expect(mean(steady.map((score) => score.expectedPurchases!))).toBeGreaterThan(3);
    expect(mean(steady.map((score) => score.clv!))).toBeGreaterThan(mean(stopped.map((score) => score.clv!)));
    for (const score of steady) expect(score.currency).toBe('USD');
  });

  test('next best actions rank the customers slipping away; none for those marked churned', async () => {
    const ranked = (await allScores()).filter((score) => score.nbaRank !== undefined).sort((a, b) => a.nbaRank! - b.nbaRank!);
    expect(ranked.map((score) => score.nbaRank)).toEqual(Array.from({ length: run.actions! }, (_, i) => i + 1));
    // Home lists the first of them from the run.
    expect(run.topActions).toEqual(ranked.slice(0, run.topActions!.length));
    expect(run.topActions!.length).toBe(Math.min(20, ranked.length));
    for (const score of await scoresOf('markedChurned')) expect(score.nbaRank).toBeUndefined();
    for (const score of await scoresOf('stoppedLate')) expect(score.nbaReasons).toContain('long_silence');
    // An open complaint ticket; the customer last wrote by email (allowed), so the answer goes there.
    const complaint = await scoreOf(db, complainer);
    expect(complaint?.nbaReasons).toContain('open_complaint');
    expect(complaint?.nbaChannel).toBe('email');
  });

  test('NPS trend and retention cohorts', () => {
    expect(run.nps?.reduce((sum, month) => sum + month.responses, 0)).toBe(20);
    expect(run.nps?.every((month) => month.value === 100)).toBe(true);
    expect(run.cohorts?.length).toBeGreaterThan(0);
    expect(run.cohorts?.every((cohort) => cohort.share[0] === 1)).toBe(true);
  });

  test('a cancelled run stops and says so', async () => {
    const controller = new AbortController();
    const cancelled = runAnalytics(db, { workspaceId: 'test', now: NOW, trigger: 'manual' }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'features') controller.abort();
      },
    });
    await expect(cancelled).rejects.toThrow();
    const last = await db.analyticsRuns.orderBy('startedAt').last();
    expect(last?.status).toBe('cancelled');
    // The scores of the last finished run stay as they were.
    expect((await allScores()).every((score) => score.runId === run.id)).toBe(true);
  });

  test('a run its leader left running is closed as cancelled when the next leader starts', async () => {
    const left = { id: newId(), startedAt: NOW, status: 'running', trigger: 'daily', now: NOW } satisfies AnalyticsRun;
    await db.analyticsRuns.put(left);
    expect(await closeInterruptedRuns(db)).toBe(1);
    const closed = (await db.analyticsRuns.get(left.id)) as AnalyticsRun | undefined;
    expect(closed?.status).toBe('cancelled');
    // Finished runs are left as they were.
    expect(((await db.analyticsRuns.get(run.id)) as AnalyticsRun | undefined)?.status).toBe('done');
    expect(await closeInterruptedRuns(db)).toBe(0);
  });
});

import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { pipelineApi } from '../../../src/data/api/pipelineApi';
import { openWorkspaceDb, type RapportDb } from '../../../src/data/db';
import { WorkspaceEngine } from '../../../src/data/engine';
import type { CustomerId, DealId, DeviceId, MemberId } from '../../../src/domain/ids';
import { DEFAULT_PIPELINE, type PipelineStage } from '../../../src/domain/pipeline';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { readSettings, writeSettings } from '../../../src/sync/settings';
import { memoryPersistence } from '../../../src/sync/workspaceDocs';

const alice = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
let time: number;
let db: RapportDb;
let engine: WorkspaceEngine;
let api: ReturnType<typeof pipelineApi>;
let customerId: CustomerId;

beforeEach(async () => {
  time = Date.UTC(2027, 2, 9, 9, 0, 0);
  setClockForTests(() => (time += 1000));
  const workspaceId = newId();
  db = openWorkspaceDb(workspaceId);
  engine = await WorkspaceEngine.start({ workspaceId, db, persistence: memoryPersistence });
  await engine.ensureMember({ id: alice.memberId, displayName: 'Alice', deviceIds: [alice.deviceId], role: 'owner' }, { defaultRegion: 'CN', currency: 'CNY' });
  api = pipelineApi({ engine, actor: alice, tabId: 'tab-1', onProgress: () => undefined });
  const customer = await engine.commands(alice, 'tab-1').createCustomer({ name: '王芳' });
  if (!customer.ok) throw new Error('no customer');
  customerId = customer.value;
});

afterEach(async () => {
  await engine.close();
  db.close();
});

async function newDeal(input: Record<string, unknown> = {}): Promise<DealId> {
  const result = await api.createDeal({ customerId, title: 'Fleet renewal', amountMinor: 120_000, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value as DealId;
}

async function row(id: DealId) {
  await engine.projection.idle();
  return db.deals.get(id);
}

describe('deals', () => {
  test('a new deal takes the workspace currency and the first stage', async () => {
    const id = await newDeal();
    expect(await row(id)).toMatchObject({ customerId, title: 'Fleet renewal', amountMinor: 120_000, currency: 'CNY', stage: 'qualification' });
    expect((await row(id))?.closedAt).toBeUndefined();
  });

  test('refused field by field: a missing title, an unknown stage, a lost deal without a reason', async () => {
    expect(await api.createDeal({ customerId, amountMinor: 1, stage: 'nowhere' })).toEqual({
      ok: false,
      issues: [
        { field: 'title', code: 'required' },
        { field: 'stage', code: 'unknown_stage' },
      ],
    });
    expect(await api.createDeal({ customerId, title: 'X', amountMinor: 1, stage: 'lost' })).toEqual({ ok: false, issues: [{ field: 'lostReason', code: 'required' }] });
    expect(await db.deals.count()).toBe(0);
  });

  test('won stamps the day it closed and drops a probability of its own; reopening clears both', async () => {
    const id = await newDeal({ probability: 0.3 });
    expect((await row(id))?.probability).toBe(0.3);
    const won = await api.updateDeal(id, { stage: 'won' });
    expect(won.ok).toBe(true);
    const closed = await row(id);
    expect(closed).toMatchObject({ stage: 'won' });
    expect(closed?.closedAt).toBeTypeOf('number');
    expect(closed?.probability).toBeUndefined();
    await api.updateDeal(id, { stage: 'proposal' });
    const reopened = await row(id);
    expect(reopened?.stage).toBe('proposal');
    expect(reopened?.closedAt).toBeUndefined();
  });

  test('lost needs a reason; leaving lost drops it', async () => {
    const id = await newDeal();
    expect(await api.updateDeal(id, { stage: 'lost' })).toEqual({ ok: false, issues: [{ field: 'lostReason', code: 'required' }] });
    expect((await api.updateDeal(id, { stage: 'lost', lostReason: 'Went with a competitor' })).ok).toBe(true);
    expect(await row(id)).toMatchObject({ stage: 'lost', lostReason: 'Went with a competitor' });
    await api.updateDeal(id, { stage: 'negotiation' });
    expect((await row(id))?.lostReason).toBeUndefined();
  });
});

describe('stages', () => {
  const renamed: PipelineStage[] = DEFAULT_PIPELINE.map((stage) => (stage.id === 'proposal' ? { ...stage, name: 'Quote sent', probability: 0.6 } : stage));

  test('a stage that still has deals is removed only with somewhere to move them', async () => {
    const id = await newDeal({ stage: 'needs-analysis' });
    const without = DEFAULT_PIPELINE.filter((stage) => stage.id !== 'needs-analysis');
    expect(await api.savePipeline(without, {})).toEqual({ ok: false, issues: [{ field: 'stage.needs-analysis', code: 'stage_has_deals' }] });
    expect((await engine.settings()).pipeline).toHaveLength(4);
    expect(await api.savePipeline(without, { 'needs-analysis': 'proposal' })).toEqual({ ok: true, value: null });
    expect((await engine.settings()).pipeline.map((stage) => stage.id)).toEqual(['qualification', 'proposal', 'negotiation']);
    expect((await row(id))?.stage).toBe('proposal');
  });

  test('rename, reorder and add reach the read model; a new workspace reads the default pipeline', async () => {
    expect((await engine.settings()).pipeline).toEqual(DEFAULT_PIPELINE);
    const added = { id: newId(), name: 'Contract', probability: 0.9, order: 9 };
    const wanted = [renamed[1], renamed[0], ...renamed.slice(2), added].filter((stage) => stage !== undefined);
    expect((await api.savePipeline(wanted, {})).ok).toBe(true);
    await engine.projection.idle();
    const settings = (await db.device.get('settings'))?.value as { pipeline: PipelineStage[] };
    expect(settings.pipeline).toEqual([
      { id: 'needs-analysis', name: '', probability: 0.25, order: 0 },
      { id: 'qualification', name: '', probability: 0.1, order: 1 },
      { id: 'proposal', name: 'Quote sent', probability: 0.6, order: 2 },
      { id: 'negotiation', name: '', probability: 0.75, order: 3 },
      { ...added, order: 4 },
    ]);
  });

  test('two devices editing different stages at once both win', () => {
    const [left, right] = [new Y.Doc(), new Y.Doc()];
    writeSettings(left, { pipeline: renamed }, 'test');
    writeSettings(right, { pipeline: DEFAULT_PIPELINE.map((stage) => (stage.id === 'negotiation' ? { ...stage, probability: 0.8 } : stage)) }, 'test');
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    const expected = DEFAULT_PIPELINE.map((stage) =>
      stage.id === 'proposal' ? { ...stage, name: 'Quote sent', probability: 0.6 } : stage.id === 'negotiation' ? { ...stage, probability: 0.8 } : stage,
    );
    expect(readSettings(left).pipeline).toEqual(expected);
    expect(readSettings(right).pipeline).toEqual(expected);
    // Untouched default stages wrote nothing, so they can never override a peer.
    expect([...left.getMap('settings').keys()].sort()).toEqual(['pipeline.negotiation.probability', 'pipeline.proposal.name', 'pipeline.proposal.probability']);
  });

  test('a removed stage can come back', () => {
    const doc = new Y.Doc();
    writeSettings(doc, { pipeline: DEFAULT_PIPELINE.slice(1) }, 'test');
    expect(readSettings(doc).pipeline.map((stage) => stage.id)).toEqual(['needs-analysis', 'proposal', 'negotiation']);
    writeSettings(doc, { pipeline: [...DEFAULT_PIPELINE] }, 'test');
    expect(readSettings(doc).pipeline).toEqual(DEFAULT_PIPELINE);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { campaignApi } from '../../../src/data/api/campaignApi';
import { openWorkspaceDb, type RapportDb } from '../../../src/data/db';
import { WorkspaceEngine } from '../../../src/data/engine';
import { campaignStates, campaignStats } from '../../../src/domain/campaigns';
import type { CampaignId, CustomerId, DeviceId, MemberId } from '../../../src/domain/ids';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { memoryPersistence } from '../../../src/sync/workspaceDocs';

const alice = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
let time: number;
let db: RapportDb;
let engine: WorkspaceEngine;
let api: ReturnType<typeof campaignApi>;
let customerId: CustomerId;

beforeEach(async () => {
  time = Date.UTC(2027, 2, 9, 9, 0, 0);
  setClockForTests(() => (time += 1000));
  const workspaceId = newId();
  db = openWorkspaceDb(workspaceId);
  engine = await WorkspaceEngine.start({ workspaceId, db, persistence: memoryPersistence });
  await engine.ensureMember({ id: alice.memberId, displayName: 'Alice', deviceIds: [alice.deviceId], role: 'owner' }, { defaultRegion: 'CN', currency: 'CNY' });
  api = campaignApi({ engine, actor: alice, tabId: 'tab-1', onProgress: () => undefined });
  const customer = await engine.commands(alice, 'tab-1').createCustomer({ name: '王芳', emails: ['wang@example.com'] });
  if (!customer.ok) throw new Error('no customer');
  customerId = customer.value;
});

afterEach(async () => {
  await engine.close();
  db.close();
});

async function newCampaign(input: Record<string, unknown> = {}): Promise<CampaignId> {
  const result = await api.createCampaign({ name: 'Spring offer', channel: 'email', segmentQuery: '{"tag":"vip"}', template: '{{firstName}}，您好', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value as CampaignId;
}

describe('campaigns', () => {
  test('a new campaign is active and keeps its filter and template', async () => {
    const id = await newCampaign();
    await engine.projection.idle();
    expect(await db.campaigns.get(id)).toMatchObject({ name: 'Spring offer', channel: 'email', status: 'active', segmentQuery: '{"tag":"vip"}', template: '{{firstName}}，您好' });
  });

  test('refused field by field: no name, an unknown channel, a bad filter, an unknown merge field', async () => {
    expect(await api.createCampaign({ channel: 'fax', segmentQuery: '{', template: 'Hi {{nom}}' })).toEqual({
      ok: false,
      issues: [
        { field: 'name', code: 'required' },
        { field: 'channel', code: 'invalid_channel' },
        { field: 'segmentQuery', code: 'invalid_filter' },
        { field: 'template', code: 'unknown_merge_field' },
      ],
    });
    const id = await newCampaign({ channel: 'event' });
    expect(await api.updateCampaign(id, { template: '{{company}} {{x}}' })).toEqual({ ok: false, issues: [{ field: 'template', code: 'unknown_merge_field' }] });
    expect((await api.updateCampaign(id, { status: 'completed' })).ok).toBe(true);
    await engine.projection.idle();
    expect(await db.campaigns.get(id)).toMatchObject({ status: 'completed', channel: 'event' });
  });

  test('a touch and a response are interactions on the customer carrying the campaign’s id', async () => {
    const id = await newCampaign({ channel: 'sms' });
    const touch = await api.logCampaignTouch(id, customerId, { body: '芳，您好' });
    expect(touch.ok).toBe(true);
    expect((await api.recordCampaignResponse(id, customerId, 'converted')).ok).toBe(true);
    await engine.projection.idle();
    const rows = await db.interactions.where('campaignId').equals(id).sortBy('at');
    expect(rows.map(({ type, channel, direction, outcome, subject, body, customerId: who }) => ({ type, channel, direction, outcome, subject, body, who }))).toEqual([
      { type: 'note', channel: 'sms', direction: 'outbound', outcome: 'touched', subject: 'Spring offer', body: '芳，您好', who: customerId },
      { type: 'note', channel: 'sms', direction: 'inbound', outcome: 'converted', subject: 'Spring offer', body: undefined, who: customerId },
    ]);
    expect(campaignStats([customerId], campaignStates(rows))).toMatchObject({ touched: 1, responded: 1, converted: 1, responseRate: 1 });
  });

  test('no touch for a campaign that does not exist', async () => {
    expect(await api.logCampaignTouch(newId<CampaignId>(), customerId, {})).toEqual({ ok: false, issues: [{ field: 'campaignId', code: 'not_found' }] });
  });
});

describe('survey answers', () => {
  test('an NPS answer with a comment is a survey interaction the analytics read', async () => {
    const result = await api.recordSurveyAnswer(customerId, { scale: 'nps', score: '9', comment: 'Very happy', subject: 'How likely are you to recommend us?' });
    expect(result.ok).toBe(true);
    await engine.projection.idle();
    const [row] = await db.interactions.where('type').equals('survey').toArray();
    expect(row).toMatchObject({ customerId, type: 'survey', direction: 'inbound', score: 9, scoreScale: 'nps', body: 'Very happy', subject: 'How likely are you to recommend us?' });
  });

  test('specific problems, nothing written', async () => {
    expect(await api.recordSurveyAnswer(customerId, { scale: 'csat', score: '7', comment: '' })).toEqual({ ok: false, issues: [{ field: 'score', code: 'csat_out_of_range' }] });
    expect(await api.recordSurveyAnswer(customerId, { scale: 'nps', score: '', comment: '' })).toEqual({ ok: false, issues: [{ field: 'score', code: 'score_required' }] });
    await engine.projection.idle();
    expect(await db.interactions.count()).toBe(0);
  });
});

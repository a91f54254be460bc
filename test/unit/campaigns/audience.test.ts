import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readAudience } from '../../../src/app/campaigns/hooks/useCampaignAudience';
import { campaignInputOf, draftOfCampaign, emptyCampaignDraft } from '../../../src/app/campaigns/utils/campaignDraft';
import { openWorkspaceDb, type CustomerRow, type InteractionRow, type RapportDb } from '../../../src/data/db';
import { replaceScores } from '../../../src/data/scorePages';
import type { MemberId } from '../../../src/domain/ids';
import type { Campaign } from '../../../src/domain/work';
import { newId } from '../../../src/platform/ids';
import { customerRow } from '../data/customerRow';

// The campaign page's audience read from the read model through an index, and the form's draft to command input.

let db: RapportDb;
const member = newId<MemberId>();

function customer(id: string, name: string, fields: Partial<CustomerRow> = {}): CustomerRow {
  return customerRow(id, { name, nameKey: name.toLowerCase(), createdBy: member, updatedBy: member, ...fields });
}

beforeEach(async () => {
  db = openWorkspaceDb(newId());
  await db.customers.bulkPut([
    customer('c1', 'Zoe', { tags: ['vip'], lifecycle: 'customer' }),
    customer('c2', 'Ada', { tags: ['vip'] }),
    customer('c3', 'Bob', { tags: [] }),
    customer('c4', 'Cy', { tags: ['vip'], alive: 0, deletedAt: 5 }),
  ]);
  await replaceScores(db, [
    { customerId: 'c1', computedAt: 1, runId: 'r', segment: 'recent.frequent.high_spend' },
    { customerId: 'c3', computedAt: 1, runId: 'r', segment: 'recent.frequent.high_spend' },
  ]);
});

afterEach(() => {
  db.close();
});

describe('the audience from the read model', () => {
  test('a tag filter: live customers with the tag, by name', async () => {
    const audience = await readAudience(db, { tag: 'vip' });
    expect(audience.customers.map((row) => row.name)).toEqual(['Ada', 'Zoe']);
    expect(audience.stats).toMatchObject({ audience: 2, touched: 0, responseRate: null });
  });

  test('a segment with a stage: both must hold', async () => {
    expect((await readAudience(db, { segment: 'recent.frequent.high_spend' })).customers.map((row) => row.name)).toEqual(['Bob', 'Zoe']);
    expect((await readAudience(db, { segment: 'recent.frequent.high_spend', lifecycle: 'customer' })).customers.map((row) => row.name)).toEqual(['Zoe']);
  });

  test('a customer the campaign reached stays in its audience after leaving the filter; the rates count them', async () => {
    const campaignId = newId();
    const row = (id: string, customerId: string, outcome: string): InteractionRow =>
      ({ id, customerId, type: 'email', at: 1, outcome, campaignId, alive: 1, doc: 'interactions-2027-Q1', createdAt: 1, createdBy: member, updatedAt: 1, updatedBy: member }) as InteractionRow;
    await db.interactions.bulkPut([row('i1', 'c3', 'touched'), row('i2', 'c3', 'converted'), row('i3', 'c2', 'touched'), { ...row('i4', 'c2', 'responded'), alive: 0 }]);
    const audience = await readAudience(db, { tag: 'vip' }, campaignId);
    expect(audience.customers.map((c) => c.name)).toEqual(['Ada', 'Bob', 'Zoe']);
    expect(audience.stats).toEqual({ audience: 3, touched: 2, responded: 1, converted: 1, responseRate: 0.5, conversionRate: 0.5, reach: 2 / 3 });
  });
});

describe('the campaign form’s draft', () => {
  test('a new campaign sends its filled fields and the filter as stored text; a missing name is reported', () => {
    const draft = { ...emptyCampaignDraft(), name: ' Spring ', template: 'Hi {{firstName}}', startAt: '2027-03-01', filter: { ...emptyCampaignDraft().filter, tag: 'vip', lifecycle: 'lead' } };
    expect(campaignInputOf(draft)).toEqual({
      input: { name: ' Spring ', template: 'Hi {{firstName}}', channel: 'email', status: 'active', startAt: Date.UTC(2027, 2, 1), segmentQuery: '{"tag":"vip","lifecycle":"lead"}' },
      issues: [],
    });
    expect(campaignInputOf(emptyCampaignDraft()).issues).toEqual([{ field: 'name', code: 'required' }]);
  });

  test('an edit sends only what changed; an emptied field is cleared', () => {
    const campaign = { id: newId(), name: 'Spring', channel: 'sms', status: 'active', segmentQuery: '{"tag":"vip"}', goal: 'Sell', createdAt: 1, createdBy: member, updatedAt: 1, updatedBy: member } as Campaign;
    const before = draftOfCampaign(campaign);
    expect(before.filter.tag).toBe('vip');
    expect(campaignInputOf({ ...before, goal: '', filter: { ...before.filter, tag: '' } }, before)).toEqual({ input: { goal: null, segmentQuery: '{}' }, issues: [] });
    expect(campaignInputOf(before, before)).toEqual({ input: {}, issues: [] });
  });
});

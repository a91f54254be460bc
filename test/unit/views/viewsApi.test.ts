import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { viewsApi } from '../../../src/data/api/viewsApi';
import { openWorkspaceDb, type RapportDb } from '../../../src/data/db';
import { WorkspaceEngine } from '../../../src/data/engine';
import type { DeviceId, MemberId } from '../../../src/domain/ids';
import { LIST_SPECS, type SavedView } from '../../../src/domain/views';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { readSettings, writeSettings } from '../../../src/sync/settings';
import { memoryPersistence } from '../../../src/sync/workspaceDocs';

const alice = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
const bob = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
let db: RapportDb;
let engine: WorkspaceEngine;
let asAlice: ReturnType<typeof viewsApi>;
let asBob: ReturnType<typeof viewsApi>;

beforeEach(async () => {
  let time = Date.UTC(2027, 2, 9, 9, 0, 0);
  setClockForTests(() => (time += 1000));
  const workspaceId = newId();
  db = openWorkspaceDb(workspaceId);
  engine = await WorkspaceEngine.start({ workspaceId, db, persistence: memoryPersistence });
  await engine.ensureMember({ id: alice.memberId, displayName: 'Alice', deviceIds: [alice.deviceId], role: 'owner' }, { defaultRegion: 'CN', currency: 'CNY' });
  asAlice = viewsApi({ engine, actor: alice, tabId: 'tab-1', onProgress: () => undefined });
  asBob = viewsApi({ engine, actor: bob, tabId: 'tab-2', onProgress: () => undefined });
});

afterEach(async () => {
  await engine.close();
  db.close();
});

const vipState = { ...LIST_SPECS.customers.defaults, filters: { ...LIST_SPECS.customers.defaults.filters, tag: 'vip' }, columns: ['company', 'owner'] };

async function projectedViews(): Promise<SavedView[]> {
  // The projection writes the settings (views included) into the read model a moment after the document changes.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const views = ((await db.device.get('settings'))?.value as { views?: SavedView[] } | undefined)?.views;
    if (views) return views;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return [];
}

test('a saved view is kept in the meta document, owned by its member, and reaches the read model', async () => {
  const saved = await asAlice.saveView({ list: 'customers', name: '  VIP  ', state: vipState });
  if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  const [view] = (await engine.settings()).views;
  expect(view).toMatchObject({ id: saved.value, list: 'customers', name: 'VIP', ownerId: alice.memberId, shared: false, state: vipState });
  await expect.poll(async () => (await projectedViews()).map((one) => one.name)).toEqual(['VIP']);
});

test('an invalid view is refused with its issues and writes nothing', async () => {
  const result = await asAlice.saveView({ list: 'deals', name: '', state: { filters: { status: 'maybe' }, sort: { key: 'amount', descending: true }, columns: [] } });
  expect(result).toEqual({ ok: false, issues: [{ field: 'name', code: 'required' }, { field: 'filters.status', code: 'invalid' }] });
  expect((await engine.settings()).views).toEqual([]);
});

test('only the owner renames, shares, re-saves or deletes a view', async () => {
  const saved = await asAlice.saveView({ list: 'tickets', name: 'Urgent', state: LIST_SPECS.tickets.defaults });
  if (!saved.ok) throw new Error('not saved');
  expect(await asBob.updateView(saved.value, { name: 'Mine now' })).toEqual({ ok: false, issues: [{ field: 'id', code: 'not_owner' }] });
  expect(await asBob.deleteView(saved.value)).toEqual({ ok: false, issues: [{ field: 'id', code: 'not_owner' }] });
  expect(await asAlice.updateView(saved.value, { name: ' ' })).toEqual({ ok: false, issues: [{ field: 'name', code: 'required' }] });

  const urgent = { ...LIST_SPECS.tickets.defaults, filters: { status: 'all', priority: 'urgent', assignee: '' } };
  expect(await asAlice.updateView(saved.value, { name: 'Urgent, all', shared: true, state: urgent })).toEqual({ ok: true, value: null });
  expect((await engine.settings()).views).toMatchObject([{ name: 'Urgent, all', shared: true, state: urgent }]);

  expect(await asAlice.deleteView(saved.value)).toEqual({ ok: true, value: null });
  expect((await engine.settings()).views).toEqual([]);
  expect(await asAlice.deleteView('nope')).toEqual({ ok: false, issues: [{ field: 'id', code: 'not_found' }] });
});

test('a rename and a share toggle made at once on two devices both win', () => {
  const one = new Y.Doc();
  const two = new Y.Doc();
  writeSettings(one, { currency: 'EUR' }, 'test');
  const map = one.getMap<unknown>('settings');
  one.transact(() => {
    map.set('view.v1.list', 'deals');
    map.set('view.v1.name', 'Big');
    map.set('view.v1.ownerId', alice.memberId);
    map.set('view.v1.state', JSON.stringify(LIST_SPECS.deals.defaults));
  });
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
  one.getMap('settings').set('view.v1.name', 'Big deals');
  two.getMap('settings').set('view.v1.shared', true);
  Y.applyUpdate(one, Y.encodeStateAsUpdate(two));
  Y.applyUpdate(two, Y.encodeStateAsUpdate(one));
  for (const doc of [one, two]) expect(readSettings(doc).views).toMatchObject([{ id: 'v1', name: 'Big deals', shared: true }]);
  // Settings written as a whole (a backup restored) never overwrite the views.
  writeSettings(one, { views: [] }, 'test');
  expect(readSettings(one).views).toHaveLength(1);
});

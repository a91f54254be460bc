import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openWorkspaceDb, SYNCED_TABLES, type RapportDb } from '../../src/data/db';
import { WorkspaceEngine } from '../../src/data/engine';
import { buildFacts } from '../../src/data/factPages';
import type { SkippedRecord } from '../../src/data/projection';
import { CUSTOMER_DEFAULTS } from '../../src/domain/customer';
import type { CustomerId, DeviceId, MemberId } from '../../src/domain/ids';
import { setClockForTests } from '../../src/platform/clock';
import { newId } from '../../src/platform/ids';
import type { Commands } from '../../src/sync/commands';
import { CUSTOMERS_DOC } from '../../src/sync/documentNames';
import { memoryPersistence } from '../../src/sync/workspaceDocs';
import { factsOf } from './data/factsSnapshot';

const alice = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
let time = Date.UTC(2026, 10, 22, 9, 0, 0);
let db: RapportDb;
let engine: WorkspaceEngine;
let commands: Commands;
let skipped: SkippedRecord[];

beforeEach(async () => {
  time = Date.UTC(2026, 10, 22, 9, 0, 0);
  setClockForTests(() => (time += 1000));
  const workspaceId = newId();
  db = openWorkspaceDb(workspaceId);
  skipped = [];
  engine = await WorkspaceEngine.start({ workspaceId, db, persistence: memoryPersistence, log: { skipped: (r) => skipped.push(r) } });
  await engine.ensureMember({ id: alice.memberId, displayName: 'Alice', deviceIds: [alice.deviceId], role: 'owner' }, { defaultRegion: 'CN', currency: 'CNY' });
  commands = engine.commands(alice, 'tab-1');
});

afterEach(async () => {
  await engine.close();
  db.close();
});

async function createWang(): Promise<CustomerId> {
  const result = await commands.createCustomer({
    name: '  王芳 ',
    emails: ['Wang.Fang@Example.COM'],
    phones: ['138 1234 5678'],
    tags: ['vip', 'VIP', 'apac'],
    company: 'Acme 有限公司',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  await engine.projection.idle();
  return result.value;
}

describe('customers', () => {
  test('create: normalised fields reach the document and the read model, stamped with who and where', async () => {
    const id = await createWang();
    const map = engine.docs.get(CUSTOMERS_DOC)?.getMap<Y.Map<unknown>>('customers').get(id);
    expect(map?.get('name')).toBe('王芳');
    expect([...(map?.keys() ?? [])].filter((key) => key.startsWith('tags:')).sort()).toEqual(['tags:apac', 'tags:vip']);
    const row = await db.customers.get(id);
    expect(row).toMatchObject({
      id,
      name: '王芳',
      nameKey: '王芳',
      emails: ['wang.fang@example.com'],
      phones: ['+8613812345678'],
      tags: ['apac', 'vip'],
      company: 'Acme 有限公司',
      kind: 'person',
      lifecycle: 'lead',
      alive: 1,
      createdBy: alice.memberId,
      createdOn: alice.deviceId,
      updatedBy: alice.memberId,
    });
    expect(row?.createdAt).toBe(row?.updatedAt);
  });

  test('a new customer\'s map holds only what it cannot imply; the read model has the whole record', async () => {
    const created = await commands.createCustomer({ name: 'Li Lei' });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    await engine.projection.idle();
    const map = engine.docs.get(CUSTOMERS_DOC)?.getMap<Y.Map<unknown>>('customers').get(created.value);
    expect([...(map?.keys() ?? [])].sort()).toEqual(['created', 'name']);
    const row = await db.customers.get(created.value);
    expect(row).toMatchObject({ id: created.value, name: 'Li Lei', ...CUSTOMER_DEFAULTS, createdBy: alice.memberId, createdOn: alice.deviceId, updatedBy: alice.memberId });
    expect(row?.updatedAt).toBe(row?.createdAt);

    // A field left at its default was still false before the edit: the history says so.
    const edited = await commands.updateCustomer(created.value, { consentEmail: true, tags: ['vip'], lifecycle: 'lead' });
    expect(edited.ok && edited.value).toEqual([
      { field: 'tags', from: [], to: ['vip'] },
      { field: 'consentEmail', from: false, to: true },
    ]);
    await engine.projection.idle();
    expect(await db.customers.get(created.value)).toMatchObject({ consentEmail: true, tags: ['vip'], lifecycle: 'lead', updatedAt: time });
    expect(CUSTOMER_DEFAULTS.tags).toEqual([]);
  });

  test('a customer map written in full (as earlier versions did) reads the same', async () => {
    const id = newId<CustomerId>();
    const doc = engine.docs.get(CUSTOMERS_DOC);
    if (!doc) throw new Error('customers document not open');
    const full = { id, name: 'Zhou Min', kind: 'company', emails: [], phones: [], lifecycle: 'customer', consentEmail: false, consentSms: true, consentPhone: false, createdAt: 5, createdBy: alice.memberId, createdOn: alice.deviceId, updatedAt: 9, updatedBy: alice.memberId };
    doc.transact(() => {
      const map = new Y.Map<unknown>();
      for (const [field, value] of Object.entries(full)) map.set(field, value);
      map.set('tags', new Y.Map<true>());
      doc.getMap<Y.Map<unknown>>('customers').set(id, map);
    }, 'peer');
    await engine.projection.idle();
    expect(await db.customers.get(id)).toMatchObject({ ...full, tags: [], alive: 1 });
    expect(skipped).toEqual([]);
  });

  test('invalid input is refused field by field and nothing is written', async () => {
    const result = await commands.createCustomer({ name: ' ', emails: ['not-an-email'], phones: ['12'] });
    expect(result).toEqual({
      ok: false,
      issues: [
        { field: 'name', code: 'required' },
        { field: 'emails', index: 0, code: 'invalid_email' },
        { field: 'phones', index: 0, code: 'invalid_phone' },
      ],
    });
    await engine.projection.idle();
    expect(await db.customers.count()).toBe(0);
  });

  test('update writes only changed fields, one audit entry per field, with old and new values', async () => {
    const id = await createWang();
    const result = await commands.updateCustomer(id, { title: 'Buyer', company: 'Acme 有限公司', tags: ['vip'] });
    expect(result.ok && result.value.map((c) => c.field)).toEqual(['title', 'tags']);
    await engine.projection.idle();
    expect(await db.customers.get(id)).toMatchObject({ title: 'Buyer', tags: ['vip'] });
    const history = await db.audit.where('[recordId+at]').between([id, 0], [id, Infinity]).toArray();
    expect(history.map(({ field, from, to, memberId, deviceId }) => ({ field, from, to, memberId, deviceId }))).toEqual([
      { field: 'title', from: undefined, to: 'Buyer', memberId: alice.memberId, deviceId: alice.deviceId },
      { field: 'tags', from: ['apac', 'vip'], to: ['vip'], memberId: alice.memberId, deviceId: alice.deviceId },
    ]);
  });

  test('clearing a required field is refused; clearing an optional one removes it', async () => {
    const id = await createWang();
    expect(await commands.updateCustomer(id, { name: '' })).toEqual({ ok: false, issues: [{ field: 'name', code: 'required' }] });
    const cleared = await commands.updateCustomer(id, { company: '' });
    expect(cleared.ok).toBe(true);
    await engine.projection.idle();
    expect((await db.customers.get(id))?.company).toBeUndefined();
  });

  test('soft delete hides the customer and keeps their interactions; restore brings both back', async () => {
    const id = await createWang();
    const logged = await commands.logInteraction({ customerId: id, type: 'call', direction: 'outbound', subject: 'Intro call' });
    expect(logged.ok).toBe(true);
    await commands.deleteRecord({ kind: 'customer', id });
    await engine.projection.idle();
    expect(await db.customers.get(id)).toMatchObject({ alive: 0, deletedBy: alice.memberId });
    expect(await db.interactions.where('[customerId+at]').between([id, 0], [id, Infinity]).count()).toBe(1);
    await commands.restoreRecord({ kind: 'customer', id });
    await engine.projection.idle();
    const row = await db.customers.get(id);
    expect(row?.alive).toBe(1);
    expect(row?.deletedAt).toBeUndefined();
    expect(await db.interactions.where('[customerId+at]').between([id, 0], [id, Infinity]).count()).toBe(1);
  });

  test("undo takes back this tab's last command, redo repeats it; a field changed since by someone else stays", async () => {
    const id = await createWang();
    await commands.updateCustomer(id, { title: 'Buyer', needs: 'Bulk pricing' });
    await commands.undo();
    await engine.projection.idle();
    let row = await db.customers.get(id);
    expect([row?.title, row?.needs]).toEqual([undefined, undefined]);
    await commands.redo();
    await engine.projection.idle();
    row = await db.customers.get(id);
    expect([row?.title, row?.needs]).toEqual(['Buyer', 'Bulk pricing']);

    const other = engine.commands({ memberId: newId<MemberId>(), deviceId: newId<DeviceId>() }, 'tab-2');
    await other.updateCustomer(id, { title: 'Head of buying' });
    await commands.undo();
    await engine.projection.idle();
    row = await db.customers.get(id);
    expect([row?.title, row?.needs]).toEqual(['Head of buying', undefined]);
    expect(other.canUndo()).toBe(true);
  });

  test('undo of a create hides the new customer; redo shows it again', async () => {
    const id = await createWang();
    await commands.undo();
    await engine.projection.idle();
    expect((await db.customers.get(id))?.alive).toBe(0);
    await commands.redo();
    await engine.projection.idle();
    expect((await db.customers.get(id))?.alive).toBe(1);
  });
});

describe('interactions', () => {
  test('log, edit and delete an interaction; a purchase needs an amount and gets the workspace currency', async () => {
    const id = await createWang();
    expect(await commands.logInteraction({ customerId: id, type: 'purchase' })).toEqual({
      ok: false,
      issues: [{ field: 'amountMinor', code: 'required' }],
    });
    const bought = await commands.logInteraction({ customerId: id, type: 'purchase', amountMinor: 129_900, at: Date.UTC(2025, 1, 3) });
    if (!bought.ok) throw new Error('purchase refused');
    expect(bought.value.doc).toMatch(/^interactions-2025-Q1-[0-3]$/);
    await engine.projection.idle();
    expect(await db.interactions.get(bought.value.id)).toMatchObject({ amountMinor: 129_900, currency: 'CNY', alive: 1, doc: bought.value.doc });

    expect(await commands.editInteraction(bought.value, { amountMinor: null })).toEqual({
      ok: false,
      issues: [{ field: 'amountMinor', code: 'required' }],
    });
    expect((await commands.editInteraction(bought.value, { subject: 'Annual licence' })).ok).toBe(true);
    await commands.deleteRecord({ kind: 'interaction', ...bought.value });
    await engine.projection.idle();
    expect(await db.interactions.get(bought.value.id)).toMatchObject({ subject: 'Annual licence', alive: 0 });
  });
});

describe('projection', () => {
  test('a malformed record in a document is skipped and logged; the rest is projected', async () => {
    const good = await createWang();
    const doc = engine.docs.get(CUSTOMERS_DOC);
    if (!doc) throw new Error('customers document not open');
    const badId = newId<CustomerId>();
    doc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('name', 42);
      doc.getMap<Y.Map<unknown>>('customers').set(badId, bad);
    }, 'peer');
    await commands.updateCustomer(good, { title: 'Still fine' });
    await engine.projection.idle();
    expect(await db.customers.get(badId)).toBeUndefined();
    expect((await db.customers.get(good))?.title).toBe('Still fine');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ doc: 'customers', collection: 'customers', id: badId });
    expect(skipped[0]?.issues).toContain('name: invalid_type');
  });

  test('rebuilding the read model yields identical tables', async () => {
    const id = await createWang();
    await commands.updateCustomer(id, { title: 'Buyer' });
    await commands.logInteraction({ customerId: id, type: 'note', body: 'Likes tea' });
    await commands.logInteraction({ customerId: id, type: 'purchase', amountMinor: 500, at: Date.UTC(2024, 5, 1) });
    await commands.createRecord('deal', { customerId: id, title: 'Renewal', stage: 'proposal', amountMinor: 100_000, currency: 'CNY' });
    await engine.projection.idle();
    const snapshot = async () =>
      Object.fromEntries(await Promise.all(SYNCED_TABLES.map(async (table) => [table, await db.table(table).orderBy(':id').toArray()])));
    const before = await snapshot();
    expect(before.interactions).toHaveLength(2);
    const facts = async () => ({ customers: await factsOf(db, 'customers'), interactions: await factsOf(db, 'interactions') });
    const factsBefore = await facts();
    expect(factsBefore.interactions).toMatchObject([{ customerId: id, amount: 0 }, { customerId: id, amount: 500, currency: 'CNY' }]);
    await engine.projection.rebuild();
    expect(await snapshot()).toEqual(before);
    expect(await facts()).toEqual(factsBefore);
    await buildFacts(db);
    expect(await facts()).toEqual(factsBefore);
  });

  test('an edit from a peer takes the same road: per-field merge keeps both people\'s changes', async () => {
    const id = await createWang();
    const doc = engine.docs.get(CUSTOMERS_DOC);
    if (!doc) throw new Error('customers document not open');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    peer.getMap<Y.Map<unknown>>('customers').get(id)?.set('title', 'CFO');
    await commands.updateCustomer(id, { needs: 'Invoices in English' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)), 'peer');
    await engine.projection.idle();
    expect(await db.customers.get(id)).toMatchObject({ title: 'CFO', needs: 'Invoices in English' });
  });
});

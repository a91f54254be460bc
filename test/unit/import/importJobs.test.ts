import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { importApi, importSettingsKey, type ImportChunk } from '../../../src/data/api/importApi';
import { BACKUP_TABLES, backupRecords, type BackupRecord } from '../../../src/data/backup';
import { openWorkspaceDb, type ImportJobRow, type RapportDb } from '../../../src/data/db';
import { WorkspaceEngine } from '../../../src/data/engine';
import { CUSTOMER_DEFAULTS, type CustomerFields } from '../../../src/domain/customer';
import type { CustomerId, DeviceId, InteractionId, MemberId } from '../../../src/domain/ids';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { memoryPersistence } from '../../../src/sync/workspaceDocs';
import { jobRecordId } from '../../../src/workers/importSession';

const alice = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
let time = 0;

interface Workspace {
  db: RapportDb;
  engine: WorkspaceEngine;
  api: ReturnType<typeof importApi>;
}
const open: Workspace[] = [];

async function workspace(): Promise<Workspace> {
  const workspaceId = newId();
  const db = openWorkspaceDb(workspaceId);
  const engine = await WorkspaceEngine.start({ workspaceId, db, persistence: memoryPersistence });
  await engine.ensureMember({ id: alice.memberId, displayName: 'Alice', deviceIds: [alice.deviceId], role: 'owner' }, { defaultRegion: 'CN', currency: 'CNY' });
  const api = importApi({ engine, actor: alice, tabId: 'tab-1', onProgress: () => {} });
  const opened = { db, engine, api };
  open.push(opened);
  return opened;
}

beforeEach(() => {
  time = Date.UTC(2026, 10, 22, 9, 0, 0);
  setClockForTests(() => (time += 1000));
});

afterEach(async () => {
  for (const { engine, db } of open.splice(0)) {
    await engine.close();
    db.close();
  }
});

const fields = (name: string, extra: Partial<CustomerFields> = {}): CustomerFields => ({ ...CUSTOMER_DEFAULTS, emails: [], phones: [], tags: [], name, ...extra });

function chunk(jobId: string, seq: number, rows: number[], extra: Partial<ImportChunk> = {}): ImportChunk {
  return {
    seq,
    lastRow: Math.max(...rows),
    customers: rows.map((row) => ({ id: jobRecordId<CustomerId>(jobId, row * 2), fields: fields(`Customer ${row}`, { emails: [`c${row}@example.com`] }) })),
    updates: [],
    interactions: rows.map((row) => ({
      id: jobRecordId<InteractionId>(jobId, row * 2 + 1),
      fields: { customerId: jobRecordId<CustomerId>(jobId, row * 2), type: 'purchase', at: Date.UTC(2025, 0, row), amountMinor: 100 * row, currency: 'CNY' },
    })),
    ...extra,
  };
}

async function startJob(api: Workspace['api'], rowsTotal: number): Promise<string> {
  const id = newId();
  await api.startImportJob({ id, kind: 'customers', fileName: 'people.csv', fileSize: 100, rowsTotal, settings: { mode: 'valid' } });
  return id;
}

const job = async (db: RapportDb, id: string) => (await db.importJobs.get(id)) as ImportJobRow;

describe('import jobs', () => {
  test('chunks land as whole records and the job counts them; undo soft-deletes exactly its records, recoverably', async () => {
    const { db, engine, api } = await workspace();
    const before = await engine.commands(alice, 'tab-1').createCustomer({ name: 'Already here', emails: ['here@example.com'] });
    const jobId = await startJob(api, 3);
    // The settings a resume needs wait apart from the job's row, which every chunk rewrites.
    expect((await job(db, jobId)).settings).toBeNull();
    expect((await db.device.get(importSettingsKey(jobId)))?.value).toEqual({ mode: 'valid' });
    await api.importChunk(jobId, chunk(jobId, 0, [2, 3]));
    await api.importChunk(jobId, chunk(jobId, 1, [4]));
    await api.finishImportJob(jobId, 'done');
    expect(await db.device.get(importSettingsKey(jobId))).toBeUndefined();

    expect(await job(db, jobId)).toMatchObject({ status: 'done', rowsDone: 4, customersCreated: 3, interactionsCreated: 3 });
    expect(await db.customers.where('[alive+nameKey]').between([1, ''], [1, '\uffff']).count()).toBe(4);
    expect(await db.interactions.count()).toBe(3);
    expect(await db.customers.get(jobRecordId<CustomerId>(jobId, 4))).toMatchObject({ name: 'Customer 2', emails: ['c2@example.com'], alive: 1, createdBy: alice.memberId });

    await api.undoImportJob(jobId);
    expect((await job(db, jobId)).status).toBe('undone');
    const alive = await db.customers.where('[alive+nameKey]').between([1, ''], [1, '\uffff']).toArray();
    expect(alive.map((c) => c.name)).toEqual(['Already here']);
    expect(before.ok && alive[0]?.id === before.value).toBe(true);
    // Soft-deleted, not gone: the records are there to restore.
    expect(await db.customers.count()).toBe(4);
    expect((await db.interactions.toArray()).map((i) => i.alive)).toEqual([0, 0, 0]);
    // Undone once: a second undo changes nothing (not even the time of deletion).
    const deletedAt = (await db.customers.get(jobRecordId<CustomerId>(jobId, 4)))?.deletedAt;
    await api.undoImportJob(jobId);
    expect((await db.customers.get(jobRecordId<CustomerId>(jobId, 4)))?.deletedAt).toBe(deletedAt);
  });

  test('an interrupted job resumed sends its chunks again and nothing is written twice; roll back removes it all', async () => {
    const { db, api } = await workspace();
    const jobId = await startJob(api, 3);
    await api.importChunk(jobId, chunk(jobId, 0, [2, 3]));
    // The tab closed here: the job is still 'running', rowsDone says where to go on.
    expect(await job(db, jobId)).toMatchObject({ status: 'running', rowsDone: 3 });
    // The resume re-reads the file and sends every chunk again (same ids, derived from job and row).
    await api.importChunk(jobId, chunk(jobId, 0, [2, 3]));
    await api.importChunk(jobId, chunk(jobId, 1, [4]));
    await api.finishImportJob(jobId, 'done');
    expect(await db.customers.count()).toBe(3);
    expect(await db.interactions.count()).toBe(3);

    await api.undoImportJob(jobId);
    expect(await db.customers.where('alive').equals(1).count()).toBe(0);
  });

  test('a roll-back waits for a chunk being written, and a chunk sent after it is refused', async () => {
    const { db, api } = await workspace();
    const jobId = await startJob(api, 3);
    const writing = api.importChunk(jobId, chunk(jobId, 0, [2, 3]));
    const rollBack = api.undoImportJob(jobId);
    await writing;
    await rollBack;
    await expect(api.importChunk(jobId, chunk(jobId, 1, [4]))).rejects.toThrow(/is not running/);
    expect(await db.customers.count()).toBe(2);
    expect(await db.customers.where('alive').equals(1).count()).toBe(0);
  });

  test('a row merged into a workspace customer updates only what the file gives, and undo puts it back', async () => {
    const { db, engine, api } = await workspace();
    const created = await engine.commands(alice, 'tab-1').createCustomer({ name: 'Wang Fang', emails: ['wang@example.com'], lifecycle: 'customer', title: 'Buyer' });
    if (!created.ok) throw new Error('create failed');
    const id = created.value;
    const jobId = await startJob(api, 1);
    await api.importChunk(jobId, {
      seq: 0,
      lastRow: 2,
      customers: [],
      updates: [{ id, fields: { name: 'Wang Fang', emails: ['wang@example.com', 'fang@example.com'], title: 'Head of buying' } }],
      interactions: [],
    });
    await api.finishImportJob(jobId, 'done');
    expect(await db.customers.get(id)).toMatchObject({ emails: ['wang@example.com', 'fang@example.com'], title: 'Head of buying', lifecycle: 'customer' });
    expect(await job(db, jobId)).toMatchObject({ customersUpdated: 1, customersCreated: 0 });

    await api.undoImportJob(jobId);
    expect(await db.customers.get(id)).toMatchObject({ emails: ['wang@example.com'], title: 'Buyer', lifecycle: 'customer', alive: 1 });
  });
});

describe('merge', () => {
  test('keeps every interaction and deal, audits the values that won, and undo restores both records', async () => {
    const { db, engine, api } = await workspace();
    const commands = engine.commands(alice, 'tab-1');
    const a = await commands.createCustomer({ name: 'Li Lei', emails: ['li@example.com'], company: 'Acme' });
    const b = await commands.createCustomer({ name: 'Li Lei', emails: ['lei@example.com'], phones: ['13812345678'], title: 'CTO' });
    if (!a.ok || !b.ok) throw new Error('create failed');
    await commands.logInteraction({ customerId: a.value, type: 'call', subject: 'first' });
    await commands.logInteraction({ customerId: b.value, type: 'note', subject: 'second' });
    await commands.logInteraction({ customerId: b.value, type: 'email', subject: 'third' });
    const deal = await commands.createRecord('deal', { customerId: b.value, title: 'Renewal', stage: 'qualified', amountMinor: 1000, currency: 'CNY' });
    if (!deal.ok) throw new Error(JSON.stringify(deal.issues));
    await engine.projection.idle();

    const result = await api.mergeCustomers(a.value, [b.value]);
    expect(result.moved).toBe(3);
    const survivor = await db.customers.get(a.value);
    expect(survivor).toMatchObject({ name: 'Li Lei', emails: ['li@example.com', 'lei@example.com'], phones: ['+8613812345678'], company: 'Acme', title: 'CTO', alive: 1 });
    expect((await db.customers.get(b.value))?.alive).toBe(0);
    const timeline = await db.interactions.where('customerId').equals(a.value).toArray();
    expect(timeline.map((i) => i.subject).sort()).toEqual(['first', 'second', 'third']);
    expect((await db.deals.get(deal.value as never))?.customerId).toBe(a.value);
    const audited = await db.audit.where('recordId').equals(a.value).toArray();
    expect(audited.filter((e) => e.field !== 'deletedAt').map((e) => [e.field, e.to]).sort()).toEqual([
      ['emails', ['li@example.com', 'lei@example.com']],
      ['phones', ['+8613812345678']],
      ['title', 'CTO'],
    ]);
    expect(result.decisions.map((d) => d.field).sort()).toEqual(['company', 'emails', 'phones', 'title']);

    await api.undoImportJob(result.jobId);
    expect(await db.customers.get(a.value)).toMatchObject({ emails: ['li@example.com'], phones: [], company: 'Acme', alive: 1 });
    expect((await db.customers.get(a.value))?.title).toBeUndefined();
    expect((await db.customers.get(b.value))?.alive).toBe(1);
    expect((await db.interactions.where('customerId').equals(b.value).toArray()).map((i) => i.subject).sort()).toEqual(['second', 'third']);
    expect((await db.deals.get(deal.value as never))?.customerId).toBe(b.value);
  });

  test('refuses a merge with a deleted or unknown customer', async () => {
    const { engine, api } = await workspace();
    const a = await engine.commands(alice, 'tab-1').createCustomer({ name: 'Only one' });
    if (!a.ok) throw new Error('create failed');
    await expect(api.mergeCustomers(a.value, [newId<CustomerId>()])).rejects.toThrow(/every customer must exist/);
  });
});

async function tables(db: RapportDb): Promise<Record<string, BackupRecord[]>> {
  const out: Record<string, BackupRecord[]> = {};
  for (const table of BACKUP_TABLES) {
    out[table] = [];
    for await (const page of backupRecords(db, table)) out[table].push(...page);
  }
  return out;
}

describe('backup', () => {
  test('restoring a backup into an empty workspace reproduces identical records', async () => {
    const source = await workspace();
    const commands = source.engine.commands(alice, 'tab-1');
    const kept = await commands.createCustomer({ name: '王芳', emails: ['wang@example.com'], tags: ['vip'], custom: { externalId: 'A-1' } });
    const gone = await commands.createCustomer({ name: 'Gone Person' });
    if (!kept.ok || !gone.ok) throw new Error('create failed');
    await commands.updateCustomer(kept.value, { title: 'Buyer' });
    await commands.deleteRecord({ kind: 'customer', id: gone.value });
    await commands.logInteraction({ customerId: kept.value, type: 'purchase', amountMinor: 12_300, at: Date.UTC(2024, 4, 1) });
    await commands.createRecord('ticket', { customerId: kept.value, kind: 'complaint', subject: 'Late', status: 'open', priority: 'high' });
    await source.engine.projection.idle();
    const saved = JSON.parse(JSON.stringify(await tables(source.db))) as Record<string, BackupRecord[]>;
    expect(saved.customers).toHaveLength(2);
    // Creation is not audited; the edit and the delete are.
    expect(saved.audit?.map((entry) => entry.field).sort()).toEqual(['deletedAt', 'title']);
    expect(saved.tickets).toHaveLength(1);
    expect(saved.interactions).toHaveLength(1);

    const target = await workspace();
    for (const table of BACKUP_TABLES) {
      const result = await target.api.restoreBackup(table, saved[table] ?? []);
      expect(result.refused).toBe(0);
    }
    const restored = await tables(target.db);
    for (const table of BACKUP_TABLES) {
      if (table === 'members') continue;
      expect(restored[table], table).toEqual(saved[table]);
    }
    expect(restored.members?.map((m) => m.id)).toEqual(saved.members?.map((m) => m.id));
    expect((await target.db.customers.get(gone.value))?.alive).toBe(0);
  });

  test('a record that breaks its schema is refused, the rest restored', async () => {
    const { api, db } = await workspace();
    const good = { ...fields('Good'), id: newId(), createdAt: 1, createdBy: alice.memberId, updatedAt: 1, updatedBy: alice.memberId };
    const bad = { ...good, id: newId(), emails: ['not an email'] };
    expect(await api.restoreBackup('customers', [good, bad])).toEqual({ restored: 1, refused: 1 });
    expect(await db.customers.count()).toBe(1);
  });
});

import Dexie from 'dexie';
import * as Y from 'yjs';
import { openWorkspaceDb } from '../../src/data/db';
import { WorkspaceEngine } from '../../src/data/engine';
import { TabClient } from '../../src/data/tabs';
import { readIdentity } from '../../src/app/workspace/state/identity';
import { generateDemo } from '../../src/domain/demo';
import type { CustomerFields } from '../../src/domain/customer';
import type { CustomerId, DeviceId, MemberId } from '../../src/domain/ids';
import type { InteractionType } from '../../src/domain/interaction';
import { newId } from '../../src/platform/ids';
import type { IncomingRecord } from '../../src/sync/commands';
import { CUSTOMERS_DOC, META_DOC, WORK_DOC } from '../../src/sync/documentNames';
import { MAP_ENTITIES } from '../../src/sync/entities';
import { indexeddbPersistence } from '../../src/sync/persistence';
import { deleteDatabase, rawPutRows, type RawIndex } from './idb';

// data.*: the app's own write path (commands → Yjs document persisted by y-indexeddb → projection into Dexie),
// driven in this page with a WorkspaceEngine of a throw-away workspace, and compared with raw IndexedDB writing the
// very rows the projection produced.

/** The seed of the app's "Load demo data" button, so these customers are the ones the app would load. */
const DEMO_SEED = 20_261_122;

export interface WriteCustomersResult {
  /** importCustomers called → returned: the documents written (the projection has started meanwhile). */
  importedMs: number;
  /** importCustomers called → projection idle and every y-indexeddb write of the document committed. */
  writeMs: number;
  docBytes: number;
  docLoadMs: number;
  rows: number;
}

/** The rows the last write projected and the read model's customer indexes: what the raw put is given. */
let written: string | undefined;

let cached: { count: number; records: IncomingRecord<CustomerId, CustomerFields>[] } | undefined;

/** The first `count` demo customers (without their interactions), generated once per page. */
function demoCustomers(count: number): IncomingRecord<CustomerId, CustomerFields>[] {
  if (cached?.count !== count) {
    const records: IncomingRecord<CustomerId, CustomerFields>[] = [];
    for (const item of generateDemo({ seed: DEMO_SEED, customers: count, now: Date.UTC(2025, 5, 30) })) records.push(item.customer);
    cached = { count, records };
  }
  return cached.records;
}

function openIdb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Resolves once every write y-indexeddb has queued on this database is committed: a read-only transaction starts
 * only after the read-write transactions created before it on the same store have finished, on any connection.
 */
async function yIndexeddbCommitted(storageName: string): Promise<void> {
  const db = await openIdb(storageName);
  try {
    await new Promise<void>((resolve, reject) => {
      const request = db.transaction('updates', 'readonly').objectStore('updates').count();
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** The read model's customer indexes, taken from its Dexie schema, for an equal raw store. */
function customerIndexes(db: Dexie): RawIndex[] {
  return db.table('customers').schema.indexes.map((index) => ({
    name: index.name,
    keyPath: index.keyPath ?? index.name,
    multiEntry: index.multi ?? false,
  }));
}

/**
 * Writes `count` demo customers into a fresh workspace the way an import does, then reloads the document from
 * y-indexeddb. The projected rows are kept for `takeWrittenRows`; every database it made is deleted after.
 */
export async function writeCustomers(count: number): Promise<WriteCustomersResult> {
  const records = demoCustomers(count);
  const workspaceId = newId();
  const db = openWorkspaceDb(workspaceId);
  const actor = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
  const skipped: unknown[] = [];
  const engine = await WorkspaceEngine.start({ workspaceId, db, persistence: indexeddbPersistence, log: { skipped: (record) => skipped.push(record) } });
  const storageName = engine.docs.storageName(CUSTOMERS_DOC);
  try {
    let write: Omit<WriteCustomersResult, 'docLoadMs'>;
    try {
      const commands = engine.commands(actor, 'bench');
      const started = performance.now();
      await commands.importCustomers(records);
      const importedMs = performance.now() - started;
      await engine.projection.idle();
      await yIndexeddbCommitted(storageName);
      const writeMs = performance.now() - started;
      if (skipped.length) throw new Error(`the projection skipped ${skipped.length} demo customers, e.g. ${JSON.stringify(skipped[0])}`);
      const customersDoc = engine.docs.get(CUSTOMERS_DOC);
      if (!customersDoc) throw new Error('the customers document is not open');
      const rows = await db.customers.toArray();
      if (rows.length !== count) throw new Error(`expected ${count} customer rows in Dexie, found ${rows.length}`);
      written = JSON.stringify({ rows, indexes: customerIndexes(db) });
      write = { importedMs, writeMs, docBytes: Y.encodeStateAsUpdate(customersDoc).byteLength, rows: rows.length };
    } finally {
      await engine.close();
      db.close();
    }

    const reloaded = new Y.Doc();
    const loadStarted = performance.now();
    const persistence = indexeddbPersistence(storageName, reloaded);
    await persistence.whenSynced;
    const docLoadMs = performance.now() - loadStarted;
    const loaded = reloaded.getMap(MAP_ENTITIES.customer.collection).size;
    await persistence.destroy();
    reloaded.destroy();
    if (loaded !== count) throw new Error(`the reloaded customers document holds ${loaded} customers, expected ${count}`);

    return { ...write, docLoadMs };
  } finally {
    await Dexie.delete(db.name);
    for (const name of [META_DOC, CUSTOMERS_DOC, WORK_DOC]) await deleteDatabase(engine.docs.storageName(name));
  }
}

/** The last write's rows and indexes as JSON, handed over once (tens of MB at 100k: the page keeps no copy). */
export function takeWrittenRows(): string {
  if (written === undefined) throw new Error('no customers were written in this page');
  const json = written;
  written = undefined;
  return json;
}

/** Puts rows taken from another page's write with raw IndexedDB, in one transaction; the time of the put alone. */
export function rawPutWrittenRows(json: string): Promise<number> {
  const { rows, indexes } = JSON.parse(json) as { rows: object[]; indexes: RawIndex[] };
  return rawPutRows(rows, indexes);
}

function appWorkspaceDb() {
  const identity = readIdentity();
  if (!identity) throw new Error('the app has no workspace on this device yet');
  return openWorkspaceDb(identity.workspaceId);
}

/** Names of up to `limit` customers of this device's workspace (the app's), in id order: creation time. */
export async function sampleCustomerNames(limit: number): Promise<string[]> {
  const db = appWorkspaceDb();
  try {
    return (await db.customers.limit(limit).toArray()).map((row) => row.name);
  } finally {
    db.close();
  }
}

export interface BusiestCustomer {
  id: string;
  name: string;
  interactions: number;
}

/** The customer with the most interactions in the read model of this device's workspace (the app's). */
export async function busiestCustomer(): Promise<BusiestCustomer> {
  const db = appWorkspaceDb();
  try {
    let best = { id: '', interactions: 0 };
    let current = { id: '', interactions: 0 };
    await db.interactions.orderBy('[customerId+at]').eachKey((key) => {
      const id = String((key as [string, number])[0]);
      if (id !== current.id) current = { id, interactions: 0 };
      current.interactions += 1;
      if (current.interactions > best.interactions) best = { ...current };
    });
    const customer = await db.customers.get(best.id as CustomerId);
    if (!customer) throw new Error(`customer ${best.id} has interactions but no row`);
    return { ...best, name: customer.name };
  } finally {
    db.close();
  }
}

const TYPES: readonly InteractionType[] = ['call', 'email', 'meeting', 'note', 'inquiry'];
const LOG_BATCH = 50;

/**
 * Creates a customer in this device's workspace and logs `count` interactions with them through the app's tab
 * relay: the commands run in whichever tab leads (the app's), as the user's would. They are dated in the current
 * quarter, whose documents the leader keeps open: older dates would make it load a past quarter's documents first.
 */
export async function customerWithInteractions(name: string, count: number): Promise<BusiestCustomer & { ms: number }> {
  const identity = readIdentity();
  if (!identity) throw new Error('the app has no workspace on this device yet');
  const client = new TabClient(identity);
  try {
    const started = performance.now();
    const created = await client.call('createCustomer', { name, company: 'Benchmark Ltd' });
    if (!created.ok) throw new Error(`creating the benchmark customer failed: ${JSON.stringify(created.issues)}`);
    const customerId = created.value;
    const now = Date.now();
    const today = new Date(now);
    const quarterStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (today.getUTCMonth() % 3), 1);
    const span = now - quarterStart;
    for (let start = 0; start < count; start += LOG_BATCH) {
      const batch = Array.from({ length: Math.min(LOG_BATCH, count - start) }, (_, offset) => {
        const i = start + offset;
        return client.call('logInteraction', {
          customerId,
          type: TYPES[i % TYPES.length],
          at: quarterStart + Math.floor((span * i) / count),
          subject: `Benchmark interaction ${i + 1}`,
          body: 'Discussed the order, the delivery date and the next steps; agreed to follow up next week.',
        });
      });
      for (const result of await Promise.all(batch)) {
        if (!result.ok) throw new Error(`logging an interaction failed: ${JSON.stringify(result.issues)}`);
      }
    }
    let projected = 0;
    while (projected < count) {
      projected = await client.db.interactions.where('[customerId+at]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey]).count();
      if (projected < count) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { id: customerId, name, interactions: projected, ms: performance.now() - started };
  } finally {
    await client.close();
  }
}

import Dexie from 'dexie';
import { makeRecords, type BenchRecord } from './records';

// The physical limit later benchmarks are compared with: the same customer-like records, the same four indexes
// (three plain, one multi-entry), one transaction.
const DB_RAW = 'bench-idb-raw';
const DB_DEXIE = 'bench-idb-dexie';

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

export interface RawIndex {
  name: string;
  keyPath: string | string[];
  multiEntry: boolean;
}

const BENCH_INDEXES: readonly RawIndex[] = [
  { name: 'name', keyPath: 'name', multiEntry: false },
  { name: 'email', keyPath: 'email', multiEntry: false },
  { name: 'updatedAt', keyPath: 'updatedAt', multiEntry: false },
  { name: 'tags', keyPath: 'tags', multiEntry: true },
];

function openRaw(name: string, indexes: readonly RawIndex[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('customers', { keyPath: 'id' });
      for (const index of indexes) store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putAll(db: IDBDatabase, records: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('customers', 'readwrite');
    const store = tx.objectStore('customers');
    for (const record of records) store.put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export function rawPut(count: number): Promise<number> {
  return rawPutRows(makeRecords(count), BENCH_INDEXES);
}

/** Milliseconds to put `rows` with raw IndexedDB into a fresh store with these indexes, in one transaction. */
export async function rawPutRows(rows: readonly object[], indexes: readonly RawIndex[]): Promise<number> {
  await deleteDatabase(DB_RAW);
  const db = await openRaw(DB_RAW, indexes);
  try {
    const started = performance.now();
    await putAll(db, rows);
    return performance.now() - started;
  } finally {
    db.close();
    await deleteDatabase(DB_RAW);
  }
}

export async function dexieBulkPut(count: number): Promise<number> {
  const records = makeRecords(count);
  await Dexie.delete(DB_DEXIE);
  const db = new Dexie(DB_DEXIE);
  db.version(1).stores({ customers: 'id, name, email, updatedAt, *tags' });
  await db.open();
  try {
    const started = performance.now();
    await db.table<BenchRecord, string>('customers').bulkPut(records);
    return performance.now() - started;
  } finally {
    db.close();
    await Dexie.delete(DB_DEXIE);
  }
}

import Dexie from 'dexie';
import { makeRecords, type BenchRecord } from './records';

// The physical limit later benchmarks are compared with: the same customer-like records, the same four indexes
// (three plain, one multi-entry), one transaction.
const DB_RAW = 'bench-idb-raw';
const DB_DEXIE = 'bench-idb-dexie';

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_RAW, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('customers', { keyPath: 'id' });
      store.createIndex('name', 'name');
      store.createIndex('email', 'email');
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('tags', 'tags', { multiEntry: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putAll(db: IDBDatabase, records: readonly BenchRecord[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('customers', 'readwrite');
    const store = tx.objectStore('customers');
    for (const record of records) store.put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export async function rawPut(count: number): Promise<number> {
  const records = makeRecords(count);
  await deleteDatabase(DB_RAW);
  const db = await openRaw();
  try {
    const started = performance.now();
    await putAll(db, records);
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

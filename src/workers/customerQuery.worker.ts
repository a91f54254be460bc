/// <reference lib="webworker" />
import { liveQuery } from 'dexie';
import { subscribeToChanges } from '../data/changeFeed';
import { openWorkspaceDb, type CustomerRow, type RapportDb } from '../data/db';
import { forEachScorePage } from '../data/scorePages';
import { CustomerIndex, type CustomerScore, type IndexedCustomer } from './customerIndex';
import type { QueryWorkerRequest, QueryWorkerResponse } from './customerQueryContract';

declare const self: DedicatedWorkerGlobalScope;

const index = new CustomerIndex();
let db: RapportDb | undefined;
let loaded: Promise<void> | undefined;
/** Changes are applied in order, after the first load. */
let applying: Promise<void> = Promise.resolve();
/**
 * Scores are read beside queries, not before them: reading 100,000 of them after an analytics run took seconds, and a
 * keystroke then waited for it. A query meanwhile sorts and filters by the previous run's scores.
 */
let scoring: Promise<void> = Promise.resolve();

function post(message: QueryWorkerResponse): void {
  self.postMessage(message);
}

function light(row: CustomerRow): IndexedCustomer {
  const { id, name, title, company, emails, phones, tags, ownerId, lifecycle, createdAt, updatedAt, alive } = row;
  return { id, name, title, company, emails, phones, tags, ownerId, lifecycle, createdAt, updatedAt, alive };
}

async function loadAll(database: RapportDb): Promise<void> {
  const started = performance.now();
  index.clear();
  // Pages by primary key keep each read and each index step short.
  let last: string | undefined;
  for (;;) {
    const page = await (last === undefined ? database.customers.orderBy('id') : database.customers.where('id').above(last)).limit(5000).toArray();
    if (page.length === 0) break;
    index.upsert(page.map(light));
    last = page[page.length - 1]?.id;
  }
  post({ kind: 'ready', customers: index.size, ms: performance.now() - started });
}

/** The scores of the last analytics run, for sorting and filtering by them; read again after each new run. */
async function loadScores(database: RapportDb): Promise<void> {
  const scores = new Map<string, CustomerScore>();
  await forEachScorePage(database, (page) => {
    for (const { customerId, churnProbability, clv, segment } of page) scores.set(customerId, { churnProbability, clv, segment });
  });
  index.setScores(scores);
}

function open(workspaceId: string): void {
  const database = openWorkspaceDb(workspaceId);
  db = database;
  loaded = loadAll(database);
  let scoredRun: string | undefined;
  liveQuery(() => database.analyticsRuns.orderBy('startedAt').reverse().filter((run) => run.status === 'done').first()).subscribe({
    next: (run) => {
      if (!run || run.id === scoredRun) return;
      scoredRun = run.id;
      scoring = Promise.all([loaded, scoring])
        .then(() => loadScores(database))
        .then(() => post({ kind: 'changed' }))
        .catch((error: unknown) => console.error('[customer query] loading scores failed', error));
    },
    error: (error: unknown) => console.error('[customer query] following analytics runs failed', error),
  });
  subscribeToChanges(workspaceId, (message) => {
    if (message.table !== 'customers') return;
    applying = Promise.all([loaded, applying])
      .then(async () => {
        if (message.rebuilt) await loadAll(database);
        else {
          const rows = await database.customers.bulkGet(message.ids as CustomerRow['id'][]);
          index.upsert(
            rows.filter((row): row is CustomerRow => row !== undefined).map(light),
            message.ids.filter((_, i) => rows[i] === undefined),
          );
        }
        post({ kind: 'changed' });
      })
      .catch((error: unknown) => console.error('[customer query] applying a change failed', error));
  });
}

self.onmessage = (event: MessageEvent<QueryWorkerRequest>) => {
  const request = event.data;
  if (request.kind === 'open') {
    if (!db) open(request.workspaceId);
    return;
  }
  void Promise.all([loaded, applying]).then(() => {
    if (request.kind === 'count') return post({ kind: 'count', id: request.id, customers: index.liveCount() });
    const started = performance.now();
    const result = index.query(request.query);
    post({ kind: 'result', id: request.id, result, ms: performance.now() - started });
    // After the answer is on its way: the list is showing, and a search in its order may come next.
    setTimeout(() => index.prepare(request.query));
  });
};

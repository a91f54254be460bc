import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AuditEntry } from '../domain/audit';
import type { Customer } from '../domain/customer';
import type { Interaction } from '../domain/interaction';
import type { Member } from '../domain/member';
import type { Campaign, Deal, Task, Ticket } from '../domain/work';
import type { FactKind, FactPageRow } from './factPages';
import type { ScorePageRow } from './scorePages';

// The read model: every screen reads these tables through live queries. Everything in the synced tables can be
// dropped and rebuilt from the Yjs documents (projection.ts), so the schema changes by bumping PROJECTION_VERSION,
// never by a data migration.

/** 1 for a live record, 0 for a soft-deleted one: IndexedDB cannot index a missing field, but it can index 0/1. */
export type Alive = 0 | 1;

export type CustomerRow = Customer & {
  alive: Alive;
  /** Lower-cased name: the sort key of the customer list. */
  nameKey: string;
};

export type InteractionRow = Interaction & {
  alive: Alive;
  /** The Yjs document holding this interaction (interactions are spread over quarter shards). */
  doc: string;
};

export type AuditRow = AuditEntry;

export interface ProjectionStateRow {
  /** A Yjs document's name. */
  doc: string;
  /** The document's state vector when its last change was written here; equal to the document's own = up to date. */
  stateVector: Uint8Array;
  records: number;
  bytes: number;
  loadMs: number;
  projectedAt: number;
}

/** Analytics results for one customer, computed on this device (never synced), kept in score pages (scorePages.ts). */
export interface ScoreRow {
  customerId: string;
  computedAt: number;
  /** The analyticsRuns row that wrote it. */
  runId: string;
  /** RFM quintile scores 1-5 and the named RFM segment; absent before a first purchase. */
  rfm?: { r: number; f: number; m: number };
  rfmSegment?: string;
  /** k-means segment: its number in the run and its description code ("recent.frequent.high_spend"). */
  segmentIndex?: number;
  segment?: string;
  /** Calibrated probability of no activity in the churn horizon; absent for customers with no activity yet. */
  churnProbability?: number;
  /** Feature codes that move the risk most, with the customer's raw value of each. */
  churnReasons?: { code: string; direction: 'raises' | 'lowers'; effect: number; value: number }[];
  /** BG/NBD and Gamma-Gamma, for customers with a purchase in the analysed currency. */
  expectedPurchases?: number;
  pAlive?: number;
  /** Lifetime value over the run's horizon, minor units of `currency`. */
  clv?: number;
  currency?: string;
  /** Position in today's next best actions (1 = first), with channel and reason codes. */
  nbaRank?: number;
  nbaPriority?: number;
  nbaChannel?: string | null;
  nbaReasons?: string[];
}

/** One analytics run: data used, model metrics, timings (the model card). */
export interface AnalyticsRunRow {
  id: string;
  startedAt: number;
  [detail: string]: unknown;
}

export type ImportJobKind = 'customers' | 'interactions' | 'merge';
/** `running` once its tab is closed means interrupted; `undone`: its records are soft-deleted (recoverable). */
export type ImportJobStatus = 'running' | 'done' | 'cancelled' | 'undone';

/** One import or merge and its outcome, so an interrupted import can be resumed or rolled back, and either undone. */
export interface ImportJobRow {
  id: string;
  status: ImportJobStatus;
  kind: ImportJobKind;
  startedAt: number;
  finishedAt?: number;
  /** The file, so a resume can ask for the same one again. */
  fileName: string;
  fileSize: number;
  /** The last row of the file whose records are written: a resume continues after it. */
  rowsDone: number;
  /** Rows of the file the job will write, for the progress bar. */
  rowsTotal: number;
  customersCreated: number;
  customersUpdated: number;
  interactionsCreated: number;
  /** What the worker needs to run the same import again (mapping, options, duplicate decisions), as plain data. */
  settings: unknown;
}

/**
 * What one written chunk of a job changed: the ids it created and the prior values of the customers it updated.
 * Kept in the same table as the job (id `<jobId>#<seq>`, status `chunk`) so a job's records are found without
 * rewriting one ever-growing row.
 */
export interface ImportChunkRow {
  id: string;
  status: 'chunk';
  jobId: string;
  startedAt: number;
  customers: string[];
  interactions: Array<{ id: string; doc: string }>;
  updated: Array<{ id: string; undo: Record<string, unknown> }>;
  /** Customers a merge soft-deleted, restored on undo. */
  deleted: string[];
  /** Interactions, deals, tasks and tickets a merge moved to the survivor, moved back on undo. */
  moved: Array<{ kind: 'interaction' | 'deal' | 'task' | 'ticket'; id: string; doc?: string; customerId: string }>;
}

export interface DeviceValueRow {
  key: string;
  value: unknown;
}

export type RapportDb = Dexie & {
  customers: EntityTable<CustomerRow, 'id'>;
  interactions: EntityTable<InteractionRow, 'id'>;
  deals: EntityTable<Deal, 'id'>;
  tasks: EntityTable<Task, 'id'>;
  tickets: EntityTable<Ticket, 'id'>;
  campaigns: EntityTable<Campaign, 'id'>;
  members: EntityTable<Member, 'id'>;
  audit: EntityTable<AuditRow, 'id'>;
  projection: EntityTable<ProjectionStateRow, 'doc'>;
  device: EntityTable<DeviceValueRow, 'key'>;
  scorePages: EntityTable<ScorePageRow, 'first'>;
  analyticsRuns: EntityTable<AnalyticsRunRow, 'id'>;
  importJobs: Table<ImportJobRow | ImportChunkRow, string>;
  factPages: Table<FactPageRow, [FactKind, string]>;
};

/** Tables that mirror the Yjs documents; the rest (projection, device) is device-local. */
export const SYNCED_TABLES = ['customers', 'interactions', 'deals', 'tasks', 'tickets', 'campaigns', 'members', 'audit'] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

export function workspaceDbName(workspaceId: string): string {
  return `rapport-workspace-${workspaceId}`;
}

export function openWorkspaceDb(workspaceId: string, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): RapportDb {
  const db = new Dexie(workspaceDbName(workspaceId), indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : {}) as RapportDb;
  db.version(1).stores({
    customers: 'id, [alive+nameKey], [alive+updatedAt], [alive+createdAt], lifecycle, ownerId, *tags, *emails, *phones',
    interactions: 'id, [customerId+at], at, type, doc',
    deals: 'id, customerId, stage, ownerId',
    tasks: 'id, customerId, due, assigneeId',
    tickets: 'id, customerId, status, assigneeId',
    campaigns: 'id, status',
    members: 'id',
    audit: 'id, [recordId+at], at',
    projection: 'doc',
    device: 'key',
  });
  // Device-local results and jobs: never synced, so they are not rebuilt from the documents.
  db.version(2).stores({
    scores: 'customerId, segment, rfmSegment, churnProbability, clv, nbaRank',
    analyticsRuns: 'id, startedAt',
    importJobs: 'id, status, startedAt',
  });
  // A campaign's touches and responses are found by its id (only interactions with one are in the index).
  db.version(3).stores({
    interactions: 'id, [customerId+at], at, type, doc, campaignId',
  });
  // Analytics' input, derived from the synced tables in the projection's transactions (factPages.ts).
  db.version(4).stores({
    factPages: '[kind+first]',
  });
  // Lifetime value is sorted in the query worker's memory, never through IndexedDB: an unused index cost every
  // analytics run an index entry per customer.
  db.version(5).stores({
    scores: 'customerId, segment, rfmSegment, churnProbability, nbaRank',
  });
  // Scores in pages of customers (scorePages.ts). The runs go with the old table, so the leader's scheduler sees no
  // finished run and analyses again at once instead of showing nothing until the next material change.
  db.version(6)
    .stores({ scores: null, scorePages: 'first' })
    .upgrade((tx) => tx.table('analyticsRuns').clear());
  return db;
}

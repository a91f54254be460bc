import Dexie, { type EntityTable } from 'dexie';
import type { AuditEntry } from '../domain/audit';
import type { Customer } from '../domain/customer';
import type { Interaction } from '../domain/interaction';
import type { Member } from '../domain/member';
import type { Campaign, Deal, Task, Ticket } from '../domain/work';

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

/** Analytics results for one customer, computed on this device (never synced): see src/workers/analytics*. */
export interface ScoreRow {
  customerId: string;
  computedAt: number;
  [result: string]: unknown;
}

/** One analytics run: data used, model metrics, timings (the model card). */
export interface AnalyticsRunRow {
  id: string;
  startedAt: number;
  [detail: string]: unknown;
}

/** One import job and its outcome, so an interrupted import can be resumed or rolled back. */
export interface ImportJobRow {
  id: string;
  status: string;
  startedAt: number;
  [detail: string]: unknown;
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
  scores: EntityTable<ScoreRow, 'customerId'>;
  analyticsRuns: EntityTable<AnalyticsRunRow, 'id'>;
  importJobs: EntityTable<ImportJobRow, 'id'>;
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
  return db;
}

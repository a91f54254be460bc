import Dexie from 'dexie';
import type { Customer, CustomerFields } from '../../domain/customer';
import type { CustomerId, InteractionId } from '../../domain/ids';
import type { InteractionFields } from '../../domain/interaction';
import { planMerge, type FieldDecision } from '../../domain/merge';
import type { CustomerInput } from '../../domain/validation';
import { now } from '../../platform/clock';
import { newId } from '../../platform/ids';
import type { Commands } from '../../sync/commands';
import { interactionDocName } from '../../sync/documentNames';
import type { Plain } from '../../sync/recordMaps';
import { BACKUP_SCHEMAS, type BackupTable } from '../backup';
import type { CustomerRow, ImportChunkRow, ImportJobKind, ImportJobRow, RapportDb } from '../db';
import type { LeaderContext } from './context';

/** The name of an interaction document, as a backup may carry it (anything else is recomputed, never trusted). */
function isInteractionShard(name: unknown): name is string {
  return typeof name === 'string' && /^interactions-\d{4}-Q[1-4]-\d+$/.test(name);
}

/** One chunk of an import as the worker sends it: written in one transaction per document. */
export interface ImportChunk {
  seq: number;
  /** The last row of the file this chunk covers: a resume continues after it. */
  lastRow: number;
  customers: Array<{ id: CustomerId; fields: CustomerFields }>;
  /** Rows the user chose to merge into a customer already in the workspace: the fields the file gives. */
  updates: Array<{ id: CustomerId; fields: Partial<CustomerFields> }>;
  interactions: Array<{ id: InteractionId; fields: InteractionFields }>;
}

/**
 * Where a job's settings (mapping, options, every duplicate decision: large) are kept for a resume: apart from the
 * job's row, which every chunk updates and the import page re-reads for its progress bar.
 */
export function importSettingsKey(jobId: string): string {
  return `importSettings:${jobId}`;
}

export interface NewImportJob {
  id: string;
  kind: Exclude<ImportJobKind, 'merge'>;
  fileName: string;
  fileSize: number;
  rowsTotal: number;
  settings: unknown;
}

export interface MergeResult {
  jobId: string;
  survivorId: CustomerId;
  decisions: FieldDecision[];
  moved: number;
}

/**
 * Work on one job runs one step at a time, whichever tab asked: a roll-back waits for a chunk still being written
 * for a tab that has since closed, and a chunk arriving after the roll-back finds the job undone.
 */
const jobQueues = new Map<string, Promise<unknown>>();

function onJob<T>(jobId: string, work: () => Promise<T>): Promise<T> {
  const previous = jobQueues.get(jobId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  jobQueues.set(jobId, settled);
  void settled.then(() => jobQueues.get(jobId) === settled && jobQueues.delete(jobId));
  return next;
}

const chunkId = (jobId: string, seq: number) => `${jobId}#${String(seq).padStart(6, '0')}`;

export function isChunkRow(row: ImportJobRow | ImportChunkRow): row is ImportChunkRow {
  return row.status === 'chunk';
}

/** The customer a read-model row holds, without the fields the projection derives. */
function customerOf(row: CustomerRow): Customer {
  const customer: Partial<CustomerRow> = { ...row };
  delete customer.alive;
  delete customer.nameKey;
  return customer as Customer;
}

function updateJob(db: RapportDb, jobId: string, change: Partial<ImportJobRow> | ((job: ImportJobRow) => void)): Promise<number> {
  return db.importJobs
    .where('id')
    .equals(jobId)
    .modify((row) => {
      if (isChunkRow(row)) return;
      if (typeof change === 'function') change(row);
      else Object.assign(row, change);
    });
}

async function jobChunks(db: RapportDb, jobId: string): Promise<ImportChunkRow[]> {
  const rows = await db.importJobs.where('id').startsWith(`${jobId}#`).toArray();
  return rows.filter(isChunkRow);
}

/** The records of one job, taken back: created records soft-deleted, updated customers put back, merges reversed. */
async function reverseChunks(commands: Commands, chunks: readonly ImportChunkRow[], onStep: (done: number, total: number) => void): Promise<void> {
  const total = chunks.reduce((sum, c) => sum + c.customers.length + c.interactions.length + c.updated.length + c.deleted.length + c.moved.length, 0);
  let done = 0;
  const step = () => {
    done += 1;
    if (done % 200 === 0 || done === total) onStep(done, total);
  };
  for (const chunk of [...chunks].reverse()) {
    for (const ref of chunk.interactions) {
      await commands.deleteRecord({ kind: 'interaction', id: ref.id, doc: ref.doc });
      step();
    }
    for (const move of chunk.moved) {
      if (move.kind === 'interaction') await commands.editInteraction({ id: move.id, doc: move.doc ?? '' }, { customerId: move.customerId });
      else await commands.updateRecord(move.kind, move.id, { customerId: move.customerId });
      step();
    }
    for (const id of chunk.deleted) {
      await commands.restoreRecord({ kind: 'customer', id });
      step();
    }
    for (const { id, undo } of chunk.updated) {
      await commands.updateCustomer(id as CustomerId, undo as CustomerInput);
      step();
    }
    for (const id of chunk.customers) {
      await commands.deleteRecord({ kind: 'customer', id });
      step();
    }
  }
}

/**
 * Imports, merges and restores on the leader tab. Their writes go through a command stack of their own, so an
 * import's thousands of records never fill the user's undo history; each job is recorded in the device-local
 * `importJobs` table, chunk by chunk, so it can be undone, resumed or rolled back after the tab was closed.
 */
export function importApi({ engine, actor, tabId, onProgress }: LeaderContext) {
  const commands = engine.commands(actor, `import:${tabId}`);
  const { db } = engine;

  async function customersByIds(ids: readonly string[]): Promise<Customer[]> {
    await engine.projection.idle();
    const rows = await db.customers.bulkGet(ids as CustomerId[]);
    return rows.filter((row): row is CustomerRow => row !== undefined && row.alive === 1).map(customerOf);
  }

  /** Plans the update of a workspace customer by a file's row: the file's values count as the newer ones. */
  async function planUpdates(updates: ImportChunk['updates']): Promise<Array<{ id: string; patch: Plain; undo: Plain }>> {
    if (updates.length === 0) return [];
    const existing = new Map((await customersByIds(updates.map((u) => u.id))).map((c) => [c.id, c]));
    const planned: Array<{ id: string; patch: Plain; undo: Plain }> = [];
    for (const { id, fields } of updates) {
      const customer = existing.get(id);
      if (!customer) continue;
      const incoming: Customer = { ...customer, ...fields, id: newId<CustomerId>(), updatedAt: Math.max(now(), customer.updatedAt + 1) };
      const plan = planMerge([customer, incoming], customer.id);
      if (Object.keys(plan.patch).length) planned.push({ id, patch: plan.patch, undo: plan.undo });
    }
    return planned;
  }

  return {
    startImportJob: async ({ settings, ...job }: NewImportJob): Promise<void> => {
      await db.transaction('rw', db.importJobs, db.device, async () => {
        await db.importJobs.put({ ...job, settings: null, status: 'running', startedAt: now(), rowsDone: 0, customersCreated: 0, customersUpdated: 0, interactionsCreated: 0 });
        await db.device.put({ key: importSettingsKey(job.id), value: settings });
      });
    },

    /**
     * Writes one chunk of a job. What it will change is recorded first (the ids are the worker's, derived from the
     * job and the row, so writing a chunk again after an interruption creates nothing twice), then the records are
     * written, then the job's progress.
     */
    importChunk: (jobId: string, chunk: ImportChunk): Promise<void> =>
      onJob(jobId, async () => {
        const current = await db.importJobs.get(jobId);
        if (!current || isChunkRow(current) || current.status === 'undone') throw new Error(`importChunk: job ${jobId} is not running`);
        const updates = await planUpdates(chunk.updates);
        const id = chunkId(jobId, chunk.seq);
        // A resumed job sends its chunks again: what an earlier attempt recorded is kept (its undo values first).
        const earlier = await db.importJobs.get(id);
        const before = earlier && isChunkRow(earlier) ? earlier : undefined;
        const union = <T>(a: readonly T[] = [], b: readonly T[], key: (item: T) => string) => {
          const seen = new Set(a.map(key));
          return [...a, ...b.filter((item) => !seen.has(key(item)))];
        };
        await db.importJobs.put({
          id,
          status: 'chunk',
          jobId,
          startedAt: now(),
          customers: union(before?.customers, chunk.customers.map((c) => c.id), String),
          interactions: union(before?.interactions, chunk.interactions.map((i) => ({ id: i.id, doc: interactionDocName(i.fields.at, i.id) })), (i) => i.id),
          updated: union(before?.updated, updates.map(({ id: customerId, undo }) => ({ id: customerId, undo })), (u) => u.id),
          deleted: [],
          moved: [],
        });
        const at = now();
        const stamp = <Id extends string>(id: Id) => ({ id, createdAt: at, createdBy: actor.memberId });
        await commands.importCustomers(chunk.customers.map((c) => ({ ...stamp(c.id), fields: c.fields })));
        for (const { id, patch } of updates) await commands.updateCustomer(id as CustomerId, patch as CustomerInput);
        await commands.importInteractions(chunk.interactions.map((i) => ({ ...stamp(i.id), fields: i.fields })));
        await updateJob(db, jobId, (job) => {
          job.rowsDone = Math.max(job.rowsDone, chunk.lastRow);
          job.customersCreated += chunk.customers.length;
          job.customersUpdated += updates.length;
          job.interactionsCreated += chunk.interactions.length;
        });
      }),

    finishImportJob: (jobId: string, status: 'done' | 'cancelled'): Promise<void> =>
      onJob(jobId, async () => {
        // The job shows finished only once its records can be read: a user (or test) who sees "done" finds them listed.
        await engine.projection.idle();
        await updateJob(db, jobId, { status, finishedAt: now() });
        // Only a running job is resumed.
        await db.device.delete(importSettingsKey(jobId));
      }),

    /** "Undo this import" and the roll-back of an interrupted one: the job's records soft-deleted (recoverable). */
    undoImportJob: (jobId: string): Promise<void> =>
      onJob(jobId, async () => {
        const job = await db.importJobs.get(jobId);
        if (!job || isChunkRow(job) || job.status === 'undone') return;
        const chunks = await jobChunks(db, jobId);
        await reverseChunks(commands, chunks, (done, total) => onProgress({ task: 'undoImport', done, total }));
        await engine.projection.idle();
        await updateJob(db, jobId, { status: 'undone', finishedAt: now() });
      }),

    /**
     * Merges customers into the survivor: its fields take the values `planMerge` chooses (each change audited), the
     * others' interactions, deals, tasks and tickets move to it, and the others are soft-deleted. Recorded as a job,
     * so it can be undone.
     */
    mergeCustomers: async (survivorId: CustomerId, otherIds: readonly CustomerId[]): Promise<MergeResult> => {
      const ids = [...new Set([survivorId, ...otherIds])];
      const customers = await customersByIds(ids);
      if (customers.length !== ids.length || ids.length < 2) throw new Error('mergeCustomers: every customer must exist and not be deleted');
      const plan = planMerge(customers, survivorId);
      const moved: ImportChunkRow['moved'] = [];
      for (const id of plan.mergedIds) {
        const interactions = await db.interactions.where('[customerId+at]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
        moved.push(...interactions.map((i) => ({ kind: 'interaction' as const, id: i.id, doc: i.doc, customerId: id })));
        for (const kind of ['deal', 'task', 'ticket'] as const) {
          const rows = await db.table(`${kind}s`).where('customerId').equals(id).primaryKeys();
          moved.push(...rows.map((rowId) => ({ kind, id: String(rowId), customerId: id })));
        }
      }
      const jobId = newId();
      const startedAt = now();
      await db.importJobs.bulkPut([
        {
          id: jobId,
          kind: 'merge',
          status: 'running',
          startedAt,
          fileName: '',
          fileSize: 0,
          rowsDone: 0,
          rowsTotal: ids.length,
          customersCreated: 0,
          customersUpdated: 1,
          interactionsCreated: 0,
          settings: { survivorId, mergedIds: plan.mergedIds, names: customers.map((c) => c.name), decisions: plan.decisions },
        },
        { id: chunkId(jobId, 0), status: 'chunk', jobId, startedAt, customers: [], interactions: [], updated: [{ id: survivorId, undo: plan.undo }], deleted: plan.mergedIds, moved },
      ]);
      await commands.updateCustomer(survivorId, plan.patch as CustomerInput);
      for (const move of moved) {
        if (move.kind === 'interaction') await commands.editInteraction({ id: move.id, doc: move.doc ?? '' }, { customerId: survivorId });
        else await commands.updateRecord(move.kind, move.id, { customerId: survivorId });
      }
      for (const id of plan.mergedIds) await commands.deleteRecord({ kind: 'customer', id });
      await engine.projection.idle();
      await updateJob(db, jobId, { status: 'done', finishedAt: now(), rowsDone: ids.length });
      return { jobId, survivorId, decisions: plan.decisions, moved: moved.length };
    },

    /**
     * Restores one table's records of a backup, as they were saved; records that fail their schema are counted and
     * left out, never written half.
     */
    restoreBackup: async (table: BackupTable, records: readonly Plain[]): Promise<{ restored: number; refused: number }> => {
      const schema = BACKUP_SCHEMAS[table];
      const valid: Plain[] = [];
      for (const record of records) {
        const parsed = schema.safeParse(record);
        if (!parsed.success) continue;
        // Only the fields the schema knows are written; an interaction keeps its document when the name is one.
        const known = parsed.data as Plain;
        if (table === 'interactions') known.doc = isInteractionShard(record.doc) ? record.doc : interactionDocName(Number(known.at), String(known.id));
        valid.push(known);
      }
      const kind = table === 'audit' ? 'audit' : (table.slice(0, -1) as 'member' | 'customer' | 'deal' | 'task' | 'ticket' | 'campaign' | 'interaction');
      await commands.restoreRecords(kind, valid);
      await engine.projection.idle();
      return { restored: valid.length, refused: records.length - valid.length };
    },
  };
}

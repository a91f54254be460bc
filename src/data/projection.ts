import * as Y from 'yjs';
import type { z } from 'zod';
import { AuditEntrySchema } from '../domain/audit';
import { InteractionSchema } from '../domain/interaction';
import { MemberSchema } from '../domain/member';
import { CUSTOMERS_DOC, isAuditDoc, isInteractionDoc, META_DOC, WORK_DOC } from '../sync/documentNames';
import {
  AUDIT_COLLECTION,
  INTERACTIONS_COLLECTION,
  MAP_ENTITIES,
  MEMBERS_COLLECTION,
  SETTINGS_COLLECTION,
} from '../sync/entities';
import { PLAIN_SHAPE, readRecordMap, type Plain, type RecordShape } from '../sync/recordMaps';
import { readSettings } from '../sync/settings';
import type { DocLoad, WorkspaceDocs } from '../sync/workspaceDocs';
import type { ChangeMessage } from './changeFeed';
import { yieldToEventLoop } from '../platform/scheduling';
import { SYNCED_TABLES, type RapportDb, type SyncedTable } from './db';
import { applyFacts, FACT_KINDS, type FactKind } from './factPages';

/** Bump to rebuild every device's read model from the documents on its next start (instead of a migration). */
export const PROJECTION_VERSION = 1;
const DEBOUNCE_MS = 15;
/** Records validated between two yields to the event loop: keeps each main-thread task well under 50 ms. */
const VALIDATE_SLICE = 500;
/** Rows per Dexie transaction when a flush is large (a first load, a rebuild, an import): keeps tasks short. */
const WRITE_CHUNK = 2000;

interface Source {
  collection: string;
  table: SyncedTable;
  /** Reads one record from the document and turns it into its read-model row; undefined when it is malformed. */
  toRow: (id: string, value: unknown) => { row?: object; issues?: z.core.$ZodIssue[] };
}

function mapSource(
  collection: string,
  table: SyncedTable,
  schema: z.ZodType,
  shape: RecordShape,
  extra: (record: Plain) => Plain,
): Source {
  return {
    collection,
    table,
    toRow: (id, value) => {
      if (!(value instanceof Y.Map)) return { issues: [{ code: 'custom', message: 'not a record map', path: [], input: value }] };
      const result = schema.safeParse(readRecordMap(id, value as Y.Map<unknown>, shape));
      return result.success ? { row: { ...(result.data as Plain), ...extra(result.data as Plain) } } : { issues: result.error.issues };
    },
  };
}

const alive = (record: Plain) => ({ alive: record.deletedAt === undefined ? 1 : 0 });

function sourcesOf(docName: string): Source[] {
  if (docName === CUSTOMERS_DOC) {
    const customer = MAP_ENTITIES.customer;
    return [
      mapSource(customer.collection, 'customers', customer.schema, customer, (record) => ({
        ...alive(record),
        nameKey: String(record.name).toLocaleLowerCase(),
      })),
    ];
  }
  if (docName === WORK_DOC) {
    return (['deal', 'task', 'ticket', 'campaign'] as const).map((kind) => {
      const entity = MAP_ENTITIES[kind];
      return mapSource(entity.collection, entity.collection as SyncedTable, entity.schema, entity, () => ({}));
    });
  }
  if (docName === META_DOC) return [mapSource(MEMBERS_COLLECTION, 'members', MemberSchema, PLAIN_SHAPE, () => ({}))];
  if (isInteractionDoc(docName)) {
    return [
      {
        collection: INTERACTIONS_COLLECTION,
        table: 'interactions',
        toRow: (_id, value) => {
          const result = InteractionSchema.safeParse(value);
          return result.success ? { row: { ...result.data, ...alive(result.data), doc: docName } } : { issues: result.error.issues };
        },
      },
    ];
  }
  if (isAuditDoc(docName)) {
    return [
      {
        collection: AUDIT_COLLECTION,
        table: 'audit',
        toRow: (_id, value) => {
          const result = AuditEntrySchema.safeParse(value);
          return result.success ? { row: result.data } : { issues: result.error.issues };
        },
      },
    ];
  }
  return [];
}

export interface SkippedRecord {
  doc: string;
  collection: string;
  id: string;
  issues: string[];
}

export interface ProjectionLog {
  skipped: (record: SkippedRecord) => void;
}

const consoleLog: ProjectionLog = {
  skipped: (record) => console.warn('[projection] skipped a malformed record', record),
};

/**
 * Keeps the Dexie read model in step with the Yjs documents: observes each open document, collects the ids that
 * changed, and after a short debounce validates those records and writes them in one transaction (DESIGN §4).
 * Local commands and changes from peers take this same road.
 */
export class Projection {
  private readonly pending = new Map<string, Map<string, Set<string>>>();
  private readonly observed = new Map<string, () => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();
  /** Documents being attached: their first pending ids are known only once the stored state has been read. */
  private readonly attaching = new Set<Promise<void>>();
  private lastError: unknown;
  private readonly loadTimes = new Map<string, number>();
  /** Malformed records seen and left out of the read model since start (Settings › Diagnostics). */
  skippedCount = 0;

  constructor(
    private readonly db: RapportDb,
    private readonly docs: WorkspaceDocs,
    private readonly publish: (message: ChangeMessage) => void,
    private readonly log: ProjectionLog = consoleLog,
  ) {
    docs.onOpened((load) => {
      const attached = this.attach(load).finally(() => this.attaching.delete(attached));
      this.attaching.add(attached);
    });
    docs.beforeRelease(async (name) => {
      await this.idle();
      this.observed.get(name)?.();
      this.observed.delete(name);
    });
  }

  /** Starts following a document; if the read model is behind it (a crash, an old version), re-projects it whole. */
  private async attach({ name, doc, loadMs }: DocLoad): Promise<void> {
    const sources = sourcesOf(name);
    const unobserve: (() => void)[] = [];
    for (const source of sources) {
      const map = doc.getMap<unknown>(source.collection);
      const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const ids = this.pendingIds(name, source.collection);
        for (const event of events) {
          if (event.target === map) for (const key of event.changes.keys.keys()) ids.add(key);
          else if (typeof event.path[0] === 'string') ids.add(event.path[0]);
        }
        this.schedule();
      };
      map.observeDeep(handler);
      unobserve.push(() => map.unobserveDeep(handler));
    }
    if (name === META_DOC) {
      const settings = doc.getMap(SETTINGS_COLLECTION);
      const handler = () => void this.db.device.put({ key: 'settings', value: readSettings(doc) });
      settings.observe(handler);
      unobserve.push(() => settings.unobserve(handler));
      handler();
    }
    this.observed.set(name, () => unobserve.forEach((stop) => stop()));

    const stored = await this.db.projection.get(name);
    const current = Y.encodeStateVector(doc);
    if (!stored || !sameBytes(stored.stateVector, current)) {
      for (const source of sources) {
        const ids = this.pendingIds(name, source.collection);
        for (const id of doc.getMap(source.collection).keys()) ids.add(id);
      }
    }
    this.loadTimes.set(name, loadMs);
    // Listed even when nothing changed, so the flush records the document's state and load time.
    this.pendingIds(name, sources[0]?.collection ?? '');
    this.schedule(0);
  }

  private pendingIds(doc: string, collection: string): Set<string> {
    let byCollection = this.pending.get(doc);
    if (!byCollection) this.pending.set(doc, (byCollection = new Map()));
    let ids = byCollection.get(collection);
    if (!ids) byCollection.set(collection, (ids = new Set()));
    return ids;
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flushNow();
    }, delay);
  }

  private flushNow(): Promise<void> {
    this.flushing = this.flushing
      .then(() => this.flush())
      .catch((error: unknown) => {
        this.lastError = error;
        console.error('[projection] writing the read model failed', error);
      });
    return this.flushing;
  }

  /** Resolves when every change seen so far is in Dexie. */
  async idle(): Promise<void> {
    await Promise.all(this.attaching);
    while (this.timer !== undefined || this.pending.size > 0) {
      if (this.timer !== undefined) clearTimeout(this.timer);
      this.timer = undefined;
      await this.flushNow();
      await Promise.all(this.attaching);
    }
    await this.flushing;
    if (this.lastError) {
      const error = this.lastError;
      this.lastError = undefined;
      throw error;
    }
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = new Map(this.pending);
    this.pending.clear();
    const rows = new Map<SyncedTable, object[]>();
    const docsTouched: { name: string; stateVector: Uint8Array; records: number }[] = [];
    let validated = 0;
    for (const [name, byCollection] of batch) {
      const doc = this.docs.get(name);
      if (!doc) continue;
      let records = 0;
      for (const source of sourcesOf(name)) {
        const ids = byCollection.get(source.collection);
        const map = doc.getMap<unknown>(source.collection);
        records += map.size;
        if (!ids) continue;
        let list = rows.get(source.table);
        if (!list) rows.set(source.table, (list = []));
        for (const id of ids) {
          if ((validated += 1) % VALIDATE_SLICE === 0) await yieldToEventLoop();
          const value = map.get(id);
          if (value === undefined) continue;
          const { row, issues } = source.toRow(id, value);
          if (row) list.push(row);
          else {
            this.skippedCount += 1;
            this.log.skipped({
              doc: name,
              collection: source.collection,
              id,
              issues: (issues ?? []).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`),
            });
          }
        }
      }
      docsTouched.push({ name, stateVector: Y.encodeStateVector(doc), records });
    }
    await this.write(rows, docsTouched);
    for (const [table, list] of rows) {
      if (list.length) this.publish({ table, ids: list.map((row) => (row as { id: string }).id) });
    }
  }

  private async write(
    rows: Map<SyncedTable, object[]>,
    docsTouched: { name: string; stateVector: Uint8Array; records: number }[],
  ): Promise<void> {
    const tables = [...rows.keys()].map((table) => this.db.table(table));
    // Small batches (every ordinary command) go in one transaction; big ones in chunks, with the documents' state
    // recorded only with the last chunk, so a crash in between re-projects instead of trusting half a batch.
    const chunks: [SyncedTable, object[]][] = [];
    for (const [table, list] of rows) {
      for (let start = 0; start < list.length; start += WRITE_CHUNK) chunks.push([table, list.slice(start, start + WRITE_CHUNK)]);
    }
    const last = chunks.pop();
    for (const [table, list] of chunks) await this.db.transaction('rw', [this.db.table(table), this.db.factPages], () => this.put(table, list));
    await this.db.transaction('rw', [...tables, this.db.projection, this.db.factPages], async () => {
      if (last) await this.put(last[0], last[1]);
      const states = await this.db.projection.bulkGet(docsTouched.map((doc) => doc.name));
      await this.db.projection.bulkPut(
        docsTouched.map((doc, index) => ({
          doc: doc.name,
          stateVector: doc.stateVector,
          records: doc.records,
          bytes: states[index]?.bytes ?? 0,
          loadMs: this.loadTimes.get(doc.name) ?? states[index]?.loadMs ?? 0,
          projectedAt: Date.now(),
        })),
      );
    });
  }

  /** Writes rows of a table, and the analytics facts they carry (in the caller's transaction). */
  private async put(table: SyncedTable, rows: object[]): Promise<void> {
    await this.db.table(table).bulkPut(rows);
    if ((FACT_KINDS as readonly string[]).includes(table)) await applyFacts(this.db, table as FactKind, rows as { id: string }[]);
  }

  /** Drops the read model and projects every document of the workspace again (Settings › Diagnostics). */
  async rebuild(): Promise<void> {
    await this.idle();
    await this.db.transaction('rw', [...SYNCED_TABLES.map((table) => this.db.table(table)), this.db.projection, this.db.factPages], async () => {
      for (const table of SYNCED_TABLES) await this.db.table(table).clear();
      await this.db.projection.clear();
      await this.db.factPages.clear();
    });
    for (const table of SYNCED_TABLES) this.publish({ table, ids: [], rebuilt: true });
    const resident = new Set(this.docs.openNames());
    for (const name of await this.docs.knownNames()) {
      const doc = await this.docs.open(name);
      for (const source of sourcesOf(name)) {
        const ids = this.pendingIds(name, source.collection);
        for (const id of doc.getMap(source.collection).keys()) ids.add(id);
      }
      await this.idle();
      if (!resident.has(name)) await this.docs.release(name);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

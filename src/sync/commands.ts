import type * as Y from 'yjs';
import type { EntityKind } from '../domain/audit';
import type { CustomerFields } from '../domain/customer';
import type { AuditId, CustomerId, DeviceId, InteractionId, MemberId } from '../domain/ids';
import { InteractionFieldsSchema, InteractionObjectSchema, type InteractionFields } from '../domain/interaction';
import {
  toFieldIssues,
  validateCustomerPatch,
  validateNewCustomer,
  validatePatch,
  type CustomerInput,
  type FieldIssue,
  type Validated,
} from '../domain/validation';
import { now } from '../platform/clock';
import { newId } from '../platform/ids';
import { yieldToEventLoop } from '../platform/scheduling';
import { requestPersistentStorage } from '../platform/storage';
import { auditDocName, interactionDocName, META_DOC } from './documentNames';
import { AUDIT_COLLECTION, INTERACTIONS_COLLECTION, MAP_ENTITIES, MEMBERS_COLLECTION, type MapEntityKind } from './entities';
import { applyPatchToMap, createRecordMap, PLAIN_SHAPE, readRecordMap, sameValue, type FieldChange, type Plain, type RecordShape } from './recordMaps';
import { readSettings } from './settings';
import type { WorkspaceDocs } from './workspaceDocs';

export interface Actor {
  memberId: MemberId;
  deviceId: DeviceId;
}

/** Where a record lives: map records by kind alone; an interaction also by its document. */
export interface RecordRef {
  kind: EntityKind;
  id: string;
  doc?: string;
}

/** A record made elsewhere (demo data, an import file) with its own id and creation time. */
export interface IncomingRecord<Id extends string, Fields> {
  id: Id;
  createdAt: number;
  createdBy: MemberId;
  fields: Fields;
}

interface UndoEntry {
  ref: RecordRef;
  /** Field values before and after the command; null = field absent. */
  before: Plain;
  after: Plain;
}

const UNDO_LIMIT = 100;
/** Records per transaction in bulk writes: big enough to amortise, small enough to keep each task short. */
export const IMPORT_CHUNK = 1000;

const NOT_FOUND: FieldIssue[] = [{ field: 'id', code: 'not_found' }];

/**
 * Every change a user makes goes through here: validated, written to its document in one transaction, audited per
 * field, and undoable. One instance per tab, so undo takes back only that tab's own commands.
 */
export class Commands {
  /** Marks this tab's transactions, so observers can tell local changes from remote ones. */
  readonly origin = { commands: true };
  private readonly undoStack: UndoEntry[] = [];
  private readonly redoStack: UndoEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private persistenceAsked = false;

  constructor(
    private readonly docs: WorkspaceDocs,
    private readonly actor: Actor,
  ) {}

  // ── customers and the other map records ──────────────────────────────────────────────────────────────

  async createCustomer(input: CustomerInput): Promise<Validated<CustomerId>> {
    const settings = readSettings(await this.docs.open(META_DOC));
    const checked = validateNewCustomer(input, settings.defaultRegion);
    if (!checked.ok) return checked;
    const id = newId<CustomerId>();
    await this.insertMapRecords('customer', [{ id, createdAt: now(), createdBy: this.actor.memberId, fields: checked.value }]);
    this.pushUndo({ ref: { kind: 'customer', id }, ...createdUndo(this.actor.memberId) });
    return { ok: true, value: id };
  }

  async updateCustomer(id: CustomerId, input: CustomerInput): Promise<Validated<FieldChange[]>> {
    const settings = readSettings(await this.docs.open(META_DOC));
    const checked = validateCustomerPatch(input, settings.defaultRegion);
    if (!checked.ok) return checked;
    return this.patchRecord({ kind: 'customer', id }, checked.value, true);
  }

  async createRecord(kind: Exclude<MapEntityKind, 'customer'>, input: Record<string, unknown>): Promise<Validated<string>> {
    const result = MAP_ENTITIES[kind].fieldsSchema.safeParse(input);
    if (!result.success) return { ok: false, issues: toFieldIssues(result.error.issues) };
    const id = newId();
    await this.insertMapRecords(kind, [{ id, createdAt: now(), createdBy: this.actor.memberId, fields: result.data as Plain }]);
    this.pushUndo({ ref: { kind, id }, ...createdUndo(this.actor.memberId) });
    return { ok: true, value: id };
  }

  async updateRecord(kind: Exclude<MapEntityKind, 'customer'>, id: string, input: Record<string, unknown>): Promise<Validated<FieldChange[]>> {
    const checked = validatePatch(MAP_ENTITIES[kind].fieldsSchema, input);
    if (!checked.ok) return checked;
    return this.patchRecord({ kind, id }, checked.value, true);
  }

  /** Soft delete (DESIGN §4): the record stays, marked, so a peer's concurrent offline edit is not lost. */
  async deleteRecord(ref: RecordRef): Promise<Validated<FieldChange[]>> {
    return this.patchRecord(ref, { deletedAt: now(), deletedBy: this.actor.memberId }, true);
  }

  async restoreRecord(ref: RecordRef): Promise<Validated<FieldChange[]>> {
    return this.patchRecord(ref, { deletedAt: null, deletedBy: null }, true);
  }

  // ── interactions ─────────────────────────────────────────────────────────────────────────────────────

  async logInteraction(input: Record<string, unknown>): Promise<Validated<{ id: InteractionId; doc: string }>> {
    const settings = readSettings(await this.docs.open(META_DOC));
    const withDefaults: Record<string, unknown> = { at: now(), ...input };
    if ((withDefaults.type === 'purchase' || withDefaults.amountMinor !== undefined) && withDefaults.currency === undefined) {
      withDefaults.currency = settings.currency;
    }
    const result = InteractionFieldsSchema.safeParse(withDefaults);
    if (!result.success) return { ok: false, issues: toFieldIssues(result.error.issues) };
    const id = newId<InteractionId>();
    const [doc] = await this.insertInteractions([{ id, createdAt: now(), createdBy: this.actor.memberId, fields: result.data }]);
    const ref = { kind: 'interaction' as const, id, doc: doc ?? '' };
    this.pushUndo({ ref, ...createdUndo(this.actor.memberId) });
    return { ok: true, value: { id, doc: ref.doc } };
  }

  async editInteraction(ref: { id: string; doc: string }, input: Record<string, unknown>): Promise<Validated<FieldChange[]>> {
    const checked = validatePatch(InteractionObjectSchema, input);
    if (!checked.ok) return checked;
    return this.patchRecord({ kind: 'interaction', ...ref }, checked.value, true);
  }

  // ── bulk writes: demo data and imports ──────────────────────────────────────────────────────────────

  /** Writes validated customers in chunks of one transaction each; a closed tab leaves whole chunks only. */
  async importCustomers(records: readonly IncomingRecord<CustomerId, CustomerFields>[]): Promise<void> {
    await this.insertMapRecords('customer', records);
  }

  async importInteractions(records: readonly IncomingRecord<InteractionId, InteractionFields>[]): Promise<string[]> {
    return this.insertInteractions(records);
  }

  /**
   * Writes records of a backup exactly as they were saved (ids, stamps, deletions, the interaction's document),
   * skipping ids already present, so restoring into an empty workspace reproduces it. The caller validates each
   * record with its entity's schema first.
   */
  async restoreRecords(kind: MapEntityKind | 'member' | 'interaction' | 'audit', records: readonly Plain[]): Promise<void> {
    const byDoc = new Map<string, Plain[]>();
    for (const record of records) {
      const at = Number(record.at);
      const name =
        kind === 'interaction' ? String(record.doc ?? interactionDocName(at, String(record.id)))
        : kind === 'audit' ? auditDocName(at, String(record.recordId))
        : kind === 'member' ? META_DOC
        : MAP_ENTITIES[kind].doc;
      const list = byDoc.get(name);
      if (list) list.push(record);
      else byDoc.set(name, [record]);
    }
    const isMap = kind !== 'interaction' && kind !== 'audit';
    const collectionName = kind === 'interaction' ? INTERACTIONS_COLLECTION : kind === 'audit' ? AUDIT_COLLECTION : kind === 'member' ? MEMBERS_COLLECTION : MAP_ENTITIES[kind].collection;
    const shape: RecordShape = kind === 'interaction' || kind === 'audit' || kind === 'member' ? PLAIN_SHAPE : MAP_ENTITIES[kind];
    for (const [name, list] of byDoc) {
      await this.docs.register(name, this.origin);
      const doc = await this.docs.open(name);
      const collection = doc.getMap<unknown>(collectionName);
      for (let start = 0; start < list.length; start += IMPORT_CHUNK) {
        if (start > 0) await yieldToEventLoop();
        doc.transact(() => {
          for (const record of list.slice(start, start + IMPORT_CHUNK)) {
            const id = String(record.id);
            if (collection.has(id)) continue;
            // `doc` says where an interaction lives; it is not part of the record.
            const stored = { ...record };
            delete stored.doc;
            collection.set(id, isMap ? createRecordMap(stored, shape) : stored);
          }
        }, this.origin);
      }
    }
    this.firstData();
  }

  // ── undo / redo ──────────────────────────────────────────────────────────────────────────────────────

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Takes back this tab's last command; a field someone else has changed since is left as they set it. */
  async undo(): Promise<RecordRef | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    await this.revert(entry.ref, entry.after, entry.before);
    this.redoStack.push(entry);
    this.notify();
    return entry.ref;
  }

  async redo(): Promise<RecordRef | undefined> {
    const entry = this.redoStack.pop();
    if (!entry) return undefined;
    await this.revert(entry.ref, entry.before, entry.after);
    this.undoStack.push(entry);
    this.notify();
    return entry.ref;
  }

  /** Called when undo or redo availability changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────────────

  private async revert(ref: RecordRef, expected: Plain, target: Plain): Promise<void> {
    const current = await this.readRecord(ref);
    if (!current) return;
    const patch: Plain = {};
    for (const [field, value] of Object.entries(target)) {
      if (sameValue(current[field] ?? null, expected[field] ?? null)) patch[field] = value;
    }
    if (Object.keys(patch).length) await this.patchRecord(ref, patch, false);
  }

  private async readRecord(ref: RecordRef): Promise<Plain | undefined> {
    if (ref.kind === 'interaction') {
      const doc = await this.docs.open(ref.doc ?? '');
      return doc.getMap<Plain>(INTERACTIONS_COLLECTION).get(ref.id);
    }
    const entity = MAP_ENTITIES[ref.kind as MapEntityKind];
    const doc = await this.docs.open(entity.doc);
    const map = doc.getMap<Y.Map<unknown>>(entity.collection).get(ref.id);
    return map ? readRecordMap(ref.id, map, entity) : undefined;
  }

  /** One command: the record's changed fields and its stamp in one transaction, then one audit entry per field. */
  private async patchRecord(ref: RecordRef, patch: Plain, undoable: boolean): Promise<Validated<FieldChange[]>> {
    const at = now();
    const stamp = { updatedAt: at, updatedBy: this.actor.memberId };
    let changes: FieldChange[] = [];
    if (ref.kind === 'interaction') {
      if (!ref.doc) return { ok: false, issues: NOT_FOUND };
      const doc = await this.docs.open(ref.doc);
      const records = doc.getMap<Plain>(INTERACTIONS_COLLECTION);
      const current = records.get(ref.id);
      if (!current) return { ok: false, issues: NOT_FOUND };
      const next: Plain = { ...current };
      for (const [field, value] of Object.entries(patch)) {
        if (value === null) delete next[field];
        else next[field] = value;
      }
      // Cross-field rules (a purchase has an amount) must hold after the edit too.
      const fields = Object.fromEntries(Object.entries(next).filter(([field]) => field in InteractionObjectSchema.shape));
      const check = InteractionFieldsSchema.safeParse(fields);
      if (!check.success) return { ok: false, issues: toFieldIssues(check.error.issues) };
      changes = diff(current, next, Object.keys(patch));
      if (changes.length) doc.transact(() => records.set(ref.id, { ...next, ...stamp }), this.origin);
    } else {
      const entity = MAP_ENTITIES[ref.kind as MapEntityKind];
      const doc = await this.docs.open(entity.doc);
      const map = doc.getMap<Y.Map<unknown>>(entity.collection).get(ref.id);
      if (!map) return { ok: false, issues: NOT_FOUND };
      doc.transact(() => {
        changes = applyPatchToMap(map, patch, entity);
        if (changes.length) applyPatchToMap(map, stamp, PLAIN_SHAPE);
      }, this.origin);
    }
    if (!changes.length) return { ok: true, value: [] };
    await this.audit(ref, changes.filter((change) => change.field !== 'deletedBy'), at);
    if (undoable) {
      const before = Object.fromEntries(changes.map((change) => [change.field, change.from ?? null]));
      const after = Object.fromEntries(changes.map((change) => [change.field, change.to ?? null]));
      this.pushUndo({ ref, before, after });
    }
    return { ok: true, value: changes };
  }

  private async audit(ref: RecordRef, changes: readonly FieldChange[], at: number): Promise<void> {
    if (!changes.length) return;
    const name = auditDocName(at, ref.id);
    await this.docs.register(name, this.origin);
    const doc = await this.docs.open(name);
    const entries = doc.getMap<Plain>(AUDIT_COLLECTION);
    doc.transact(() => {
      for (const change of changes) {
        const id = newId<AuditId>();
        entries.set(id, {
          id,
          entity: ref.kind,
          recordId: ref.id,
          field: change.field,
          ...(change.from === null || change.from === undefined ? {} : { from: change.from }),
          ...(change.to === null || change.to === undefined ? {} : { to: change.to }),
          memberId: this.actor.memberId,
          deviceId: this.actor.deviceId,
          at,
        });
      }
    }, this.origin);
  }

  private async insertMapRecords(kind: MapEntityKind, records: readonly IncomingRecord<string, object>[]): Promise<void> {
    const entity = MAP_ENTITIES[kind];
    const doc = await this.docs.open(entity.doc);
    const collection = doc.getMap<Y.Map<unknown>>(entity.collection);
    for (let start = 0; start < records.length; start += IMPORT_CHUNK) {
      if (start > 0) await yieldToEventLoop();
      const chunk = records.slice(start, start + IMPORT_CHUNK);
      doc.transact(() => {
        for (const record of chunk) {
          // A record's map is created exactly once (DESIGN §4); re-importing the same id updates nothing.
          if (collection.has(record.id)) continue;
          collection.set(record.id, createRecordMap({ ...record.fields, ...this.stamp(record) }, entity));
        }
      }, this.origin);
    }
    this.firstData();
  }

  private async insertInteractions(records: readonly IncomingRecord<string, InteractionFields>[]): Promise<string[]> {
    const byDoc = new Map<string, IncomingRecord<string, InteractionFields>[]>();
    const docNames: string[] = [];
    for (const record of records) {
      const name = interactionDocName(record.fields.at, record.id);
      docNames.push(name);
      const list = byDoc.get(name);
      if (list) list.push(record);
      else byDoc.set(name, [record]);
    }
    for (const [name, list] of byDoc) {
      await this.docs.register(name, this.origin);
      const doc = await this.docs.open(name);
      const collection = doc.getMap<Plain>(INTERACTIONS_COLLECTION);
      for (let start = 0; start < list.length; start += IMPORT_CHUNK) {
        if (start > 0) await yieldToEventLoop();
        const chunk = list.slice(start, start + IMPORT_CHUNK);
        doc.transact(() => {
          for (const record of chunk) {
            if (!collection.has(record.id)) collection.set(record.id, { ...record.fields, ...this.stamp(record), id: record.id });
          }
        }, this.origin);
      }
    }
    this.firstData();
    return docNames;
  }

  private stamp(record: IncomingRecord<string, unknown>): Plain {
    return {
      id: record.id,
      createdAt: record.createdAt,
      createdBy: record.createdBy,
      createdOn: this.actor.deviceId,
      updatedAt: record.createdAt,
      updatedBy: record.createdBy,
    };
  }

  /** The browser may evict an origin's storage under pressure unless asked not to; ask once there is data to lose. */
  private firstData(): void {
    if (this.persistenceAsked) return;
    this.persistenceAsked = true;
    void requestPersistentStorage().catch(() => false);
  }

  private pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Undoing a creation hides the record again (a soft delete); redoing it shows it. */
function createdUndo(memberId: MemberId): { before: Plain; after: Plain } {
  return { before: { deletedAt: now(), deletedBy: memberId }, after: { deletedAt: null, deletedBy: null } };
}

function diff(before: Plain, after: Plain, fields: readonly string[]): FieldChange[] {
  return fields
    .filter((field) => !sameValue(before[field], after[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}


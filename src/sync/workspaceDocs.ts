import * as Y from 'yjs';
import { DOCUMENTS_COLLECTION } from './entities';
import { CUSTOMERS_DOC, META_DOC, WORK_DOC } from './documentNames';

/** Keeps one document on the device (y-indexeddb in the browser); tests may keep nothing. */
export interface DocPersistence {
  whenSynced: Promise<unknown>;
  destroy: () => Promise<void> | void;
}
export type PersistenceFactory = (storageName: string, doc: Y.Doc) => DocPersistence;

export const memoryPersistence: PersistenceFactory = () => ({ whenSynced: Promise.resolve(), destroy: () => {} });

export interface DocLoad {
  name: string;
  doc: Y.Doc;
  loadMs: number;
}

/**
 * The workspace's open documents. Opening loads a document from the device; releasing lets an old quarter go
 * from memory once its changes are in the read model (DESIGN §4: memory is a budget).
 */
export class WorkspaceDocs {
  private readonly docs = new Map<string, { doc: Y.Doc; persistence: DocPersistence; ready: Promise<Y.Doc> }>();
  private readonly openedListeners = new Set<(load: DocLoad) => void>();
  private readonly releaseHooks = new Set<(name: string) => Promise<void>>();

  constructor(
    readonly workspaceId: string,
    private readonly persistence: PersistenceFactory,
  ) {}

  storageName(name: string): string {
    return `rapport-${this.workspaceId}-${name}`;
  }

  open(name: string): Promise<Y.Doc> {
    const existing = this.docs.get(name);
    if (existing) return existing.ready;
    const started = performance.now();
    // gc stays on: deleted content is not kept; history lives in the audit documents instead.
    const doc = new Y.Doc({ guid: `${this.workspaceId}/${name}` });
    const persistence = this.persistence(this.storageName(name), doc);
    const ready = persistence.whenSynced.then(() => {
      const loadMs = performance.now() - started;
      for (const listener of this.openedListeners) listener({ name, doc, loadMs });
      return doc;
    });
    this.docs.set(name, { doc, persistence, ready });
    return ready;
  }

  /** A document already open, or undefined. */
  get(name: string): Y.Doc | undefined {
    return this.docs.get(name)?.doc;
  }

  openNames(): string[] {
    return [...this.docs.keys()];
  }

  /** Every document of this workspace: the fixed ones, and the shards it has created as recorded in meta. */
  async knownNames(): Promise<string[]> {
    const meta = await this.open(META_DOC);
    return [META_DOC, CUSTOMERS_DOC, WORK_DOC, ...[...meta.getMap<true>(DOCUMENTS_COLLECTION).keys()].sort()];
  }

  onOpened(listener: (load: DocLoad) => void): () => void {
    this.openedListeners.add(listener);
    return () => this.openedListeners.delete(listener);
  }

  /** Runs before a document leaves memory (the projection writes out what it has pending). */
  beforeRelease(hook: (name: string) => Promise<void>): void {
    this.releaseHooks.add(hook);
  }

  async release(name: string): Promise<void> {
    const entry = this.docs.get(name);
    if (!entry) return;
    await entry.ready;
    for (const hook of this.releaseHooks) await hook(name);
    this.docs.delete(name);
    await entry.persistence.destroy();
    entry.doc.destroy();
  }

  async destroy(): Promise<void> {
    for (const name of [...this.docs.keys()]) await this.release(name);
  }

  /** Records a document's name in meta before its first record, so every device (and a rebuild) knows the set. */
  async register(name: string, origin: unknown): Promise<void> {
    if (name === META_DOC) return;
    const meta = await this.open(META_DOC);
    const names = meta.getMap<true>(DOCUMENTS_COLLECTION);
    if (!names.has(name)) meta.transact(() => names.set(name, true), origin);
  }
}

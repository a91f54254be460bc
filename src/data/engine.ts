import * as Y from 'yjs';
import type { Member } from '../domain/member';
import { now } from '../platform/clock';
import { Commands, type Actor } from '../sync/commands';
import { CUSTOMERS_DOC, isInteractionDoc, isAuditDoc, META_DOC, residentDocNames, WORK_DOC } from '../sync/documentNames';
import { MEMBERS_COLLECTION } from '../sync/entities';
import { createRecordMap, PLAIN_SHAPE } from '../sync/recordMaps';
import { readSettings, SCHEMA_VERSION, writeSettings, type WorkspaceSettings } from '../sync/settings';
import { WorkspaceDocs, type PersistenceFactory } from '../sync/workspaceDocs';
import { openChangePublisher } from './changeFeed';
import type { RapportDb } from './db';
import { Projection, PROJECTION_VERSION, type ProjectionLog } from './projection';
import { buildFacts, factsReady } from './factPages';

export interface EngineOptions {
  workspaceId: string;
  db: RapportDb;
  persistence: PersistenceFactory;
  log?: ProjectionLog;
}

export interface DocumentDiagnostics {
  doc: string;
  open: boolean;
  records: number;
  bytes: number | null;
  loadMs: number;
  projectedAt: number | null;
}

/**
 * The leader tab's side of a workspace: its documents, the projection into Dexie and the commands. Other tabs reach
 * it through tabs.ts; every tab reads Dexie directly.
 */
export class WorkspaceEngine {
  readonly docs: WorkspaceDocs;
  readonly projection: Projection;
  private readonly publisher: ReturnType<typeof openChangePublisher>;
  private readonly commandsByTab = new Map<string, Commands>();
  private releaseTimer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    readonly workspaceId: string,
    readonly db: RapportDb,
    persistence: PersistenceFactory,
    log: ProjectionLog | undefined,
  ) {
    this.docs = new WorkspaceDocs(workspaceId, persistence);
    this.publisher = openChangePublisher(workspaceId);
    this.projection = new Projection(db, this.docs, this.publisher.publish, log);
  }

  static async start({ workspaceId, db, persistence, log }: EngineOptions): Promise<WorkspaceEngine> {
    const engine = new WorkspaceEngine(workspaceId, db, persistence, log);
    const version = await db.device.get('projectionVersion');
    if (version?.value !== PROJECTION_VERSION) {
      await engine.projection.rebuild();
      await db.device.put({ key: 'projectionVersion', value: PROJECTION_VERSION });
    }
    // Before any document is open, so no projection write races the build.
    if (!(await factsReady(db))) await buildFacts(db);
    await Promise.all([META_DOC, CUSTOMERS_DOC, WORK_DOC].map((name) => engine.docs.open(name)));
    // Old quarters opened to write or edit an interaction leave memory again once projected.
    engine.releaseTimer = setInterval(() => void engine.releaseIdleDocs(), 60_000);
    return engine;
  }

  /** The commands of one tab: each tab undoes only its own changes. */
  commands(actor: Actor, tabId: string): Commands {
    let commands = this.commandsByTab.get(tabId);
    if (!commands) this.commandsByTab.set(tabId, (commands = new Commands(this.docs, actor)));
    return commands;
  }

  forgetTab(tabId: string): void {
    this.commandsByTab.delete(tabId);
  }

  async settings(): Promise<WorkspaceSettings> {
    return readSettings(await this.docs.open(META_DOC));
  }

  async updateSettings(settings: Partial<WorkspaceSettings>, origin: unknown): Promise<void> {
    writeSettings(await this.docs.open(META_DOC), settings, origin);
  }

  /** Adds members the workspace does not know yet (the demo team); existing members are left as they are. */
  async addMembers(members: readonly Omit<Member, 'joinedAt'>[]): Promise<void> {
    const meta = await this.docs.open(META_DOC);
    const known = meta.getMap<Y.Map<unknown>>(MEMBERS_COLLECTION);
    meta.transact(() => {
      for (const member of members) if (!known.has(member.id)) known.set(member.id, createRecordMap({ ...member, joinedAt: now() }, PLAIN_SHAPE));
    }, 'engine');
  }

  /** Makes sure the workspace's settings and this member exist (first run, or a device joining). */
  async ensureMember(member: Omit<Member, 'joinedAt'>, defaults: Partial<WorkspaceSettings>): Promise<void> {
    const meta = await this.docs.open(META_DOC);
    const members = meta.getMap<Y.Map<unknown>>(MEMBERS_COLLECTION);
    const existing = members.get(member.id);
    meta.transact(() => {
      if (meta.getMap('settings').size === 0) writeSettings(meta, { schemaVersion: SCHEMA_VERSION, ...defaults }, 'engine');
      if (!existing) {
        members.set(member.id, createRecordMap({ ...member, joinedAt: now() }, PLAIN_SHAPE));
      } else {
        const devices = (existing.get('deviceIds') as string[] | undefined) ?? [];
        const missing = member.deviceIds.filter((id) => !devices.includes(id));
        if (missing.length) existing.set('deviceIds', [...devices, ...missing]);
        if (existing.get('displayName') !== member.displayName) existing.set('displayName', member.displayName);
      }
    }, 'engine');
    await this.projection.idle();
  }

  async diagnostics(): Promise<DocumentDiagnostics[]> {
    const names = await this.docs.knownNames();
    const states = await this.db.projection.bulkGet(names);
    return names.map((doc, index) => {
      const state = states[index];
      const open = this.docs.get(doc);
      return {
        doc,
        open: open !== undefined,
        records: state?.records ?? 0,
        bytes: open ? Y.encodeStateAsUpdate(open).byteLength : state?.bytes || null,
        loadMs: state?.loadMs ?? 0,
        projectedAt: state?.projectedAt ?? null,
      };
    });
  }

  async releaseIdleDocs(): Promise<void> {
    const keep = new Set(residentDocNames(now()));
    for (const name of this.docs.openNames()) {
      if (!keep.has(name) && (isInteractionDoc(name) || isAuditDoc(name))) await this.docs.release(name);
    }
  }

  async close(): Promise<void> {
    if (this.releaseTimer !== undefined) clearInterval(this.releaseTimer);
    await this.projection.idle();
    await this.docs.destroy();
    this.publisher.close();
  }
}

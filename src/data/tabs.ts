import type { DeviceId, MemberId } from '../domain/ids';
import type { Role } from '../domain/member';
import type { WorkspaceSettings } from '../sync/settings';
import type { PersistenceFactory } from '../sync/workspaceDocs';
import type { JobProgress } from './api/context';
import { LEADER_SERVICES, leaderApi, type ApiMethod, type WorkspaceApi } from './api/leaderApi';
import { openWorkspaceDb, type RapportDb } from './db';
import { WorkspaceEngine } from './engine';

// Several tabs of one workspace: exactly one (the holder of a Web Lock) owns the Yjs documents, the projection and
// the commands; every tab reads Dexie directly and sends its commands to the leader over a BroadcastChannel. Two
// engines never write the same documents, so two tabs cannot corrupt or duplicate data.

export interface WorkspaceIdentity {
  workspaceId: string;
  memberId: MemberId;
  deviceId: DeviceId;
  displayName: string;
  role: Role;
  /** Gates sync: every sync key is derived from it (src/sync/peer/crypto.ts); shared only through invites. */
  secret: string;
  /** Settings a new workspace starts with. */
  defaults: Partial<WorkspaceSettings>;
}

export type { ApiMethod, WorkspaceApi } from './api/leaderApi';

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

type Message =
  | { kind: 'request'; id: string; tabId: string; method: ApiMethod; args: unknown[] }
  | { kind: 'response'; id: string; tabId: string; ok: true; value: unknown; undo: UndoState }
  | { kind: 'response'; id: string; tabId: string; ok: false; error: string; undo: UndoState }
  | { kind: 'leader' }
  | { kind: 'progress'; tabId: string; progress: JobProgress };

interface Pending {
  method: ApiMethod;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export interface TabEvents {
  undo: (state: UndoState) => void;
  progress: (progress: JobProgress) => void;
  leader: (isLeader: boolean) => void;
}

/** Runs `task` once the page has loaded and the browser is idle (or after two seconds at most). */
function afterFirstPaint(task: () => void): void {
  const whenIdle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 0));
  if (typeof document === 'undefined' || document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}

/** Remembers answered requests for a while, so a request sent twice (around a change of leader) runs once. */
const ANSWERED_LIMIT = 500;

/**
 * One tab's door to the workspace. `call` runs a command on the leader, wherever it is; requests waiting when the
 * leader changes are sent again to the new one.
 */
export class TabClient {
  readonly db: RapportDb;
  readonly tabId = crypto.randomUUID();
  private readonly channel: BroadcastChannel;
  private readonly pending = new Map<string, Pending>();
  private readonly answered = new Map<string, Promise<Message>>();
  private readonly listeners: { [K in keyof TabEvents]: Set<TabEvents[K]> } = {
    undo: new Set(),
    progress: new Set(),
    leader: new Set(),
  };
  private engine: WorkspaceEngine | undefined;
  private leaderApis = new Map<string, WorkspaceApi>();
  private services: { stop: () => Promise<void> | void }[] = [];
  private releaseLock: (() => void) | undefined;
  private closed = false;

  constructor(
    readonly identity: WorkspaceIdentity,
    private readonly persistence: PersistenceFactory,
  ) {
    this.db = openWorkspaceDb(identity.workspaceId);
    this.channel = new BroadcastChannel(`rapport-tabs-${identity.workspaceId}`);
    this.channel.onmessage = (event: MessageEvent<Message>) => void this.receive(event.data);
    // Loading the documents is one long task (seconds at 100k customers): let the page paint its first rows from
    // IndexedDB before this tab asks to lead. Commands sent meanwhile wait for the leader.
    afterFirstPaint(() => void this.campaignForLeadership());
  }

  get isLeader(): boolean {
    return this.engine !== undefined;
  }

  /** The leader's engine, in the leader tab only (diagnostics and benchmarks read it). */
  get leaderEngine(): WorkspaceEngine | undefined {
    return this.engine;
  }

  on<K extends keyof TabEvents>(event: K, listener: TabEvents[K]): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  call<M extends ApiMethod>(method: M, ...args: Parameters<WorkspaceApi[M]>): Promise<Awaited<ReturnType<WorkspaceApi[M]>>> {
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { method, args, resolve: resolve as (value: unknown) => void, reject });
      this.send(id);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channel.close();
    for (const { reject } of this.pending.values()) reject(new Error('The workspace was closed.'));
    this.pending.clear();
    for (const service of this.services) await service.stop();
    await this.engine?.close();
    this.engine = undefined;
    this.releaseLock?.();
    this.db.close();
  }

  private send(id: string): void {
    const request = this.pending.get(id);
    if (!request) return;
    if (this.engine) {
      void this.execute({ kind: 'request', id, tabId: this.tabId, method: request.method, args: request.args }).then((response) =>
        this.settle(response),
      );
    } else {
      this.channel.postMessage({ kind: 'request', id, tabId: this.tabId, method: request.method, args: request.args } satisfies Message);
    }
  }

  private async campaignForLeadership(): Promise<void> {
    const lockName = `rapport-leader-${this.identity.workspaceId}`;
    await navigator.locks.request(lockName, async () => {
      if (this.closed) return;
      const { workspaceId, memberId, deviceId, displayName, role, defaults } = this.identity;
      const engine = await WorkspaceEngine.start({ workspaceId, db: this.db, persistence: this.persistence });
      await engine.ensureMember({ id: memberId, displayName, deviceIds: [deviceId], role }, defaults);
      this.engine = engine;
      this.services = LEADER_SERVICES.map((start) => start(engine, this.identity));
      for (const listener of this.listeners.leader) listener(true);
      this.channel.postMessage({ kind: 'leader' } satisfies Message);
      // Requests this tab sent to the old leader run here now.
      for (const id of this.pending.keys()) this.send(id);
      await new Promise<void>((resolve) => (this.releaseLock = resolve));
    });
  }

  private async receive(message: Message): Promise<void> {
    if (message.kind === 'leader') {
      for (const id of this.pending.keys()) this.send(id);
    } else if (message.kind === 'request' && this.engine) {
      this.channel.postMessage(await this.execute(message));
    } else if (message.kind === 'response' && message.tabId === this.tabId) {
      this.settle(message);
    } else if (message.kind === 'progress' && message.tabId === this.tabId) {
      for (const listener of this.listeners.progress) listener(message.progress);
    }
  }

  private execute(request: Extract<Message, { kind: 'request' }>): Promise<Message> {
    const known = this.answered.get(request.id);
    if (known) return known;
    const answer = this.run(request);
    this.answered.set(request.id, answer);
    if (this.answered.size > ANSWERED_LIMIT) this.answered.delete(this.answered.keys().next().value as string);
    return answer;
  }

  private async run({ id, tabId, method, args }: Extract<Message, { kind: 'request' }>): Promise<Message> {
    const engine = this.engine as WorkspaceEngine;
    let api = this.leaderApis.get(tabId);
    if (!api) {
      const actor = { memberId: this.identity.memberId, deviceId: this.identity.deviceId };
      const onProgress = (progress: JobProgress) => {
        if (tabId === this.tabId) for (const listener of this.listeners.progress) listener(progress);
        else this.channel.postMessage({ kind: 'progress', tabId, progress } satisfies Message);
      };
      this.leaderApis.set(tabId, (api = leaderApi({ engine, actor, tabId, onProgress })));
    }
    const commands = engine.commands({ memberId: this.identity.memberId, deviceId: this.identity.deviceId }, tabId);
    const undoState = () => ({ canUndo: commands.canUndo(), canRedo: commands.canRedo() });
    try {
      const value = await (api[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      return { kind: 'response', id, tabId, ok: true, value, undo: undoState() };
    } catch (error) {
      console.error(`[tabs] ${method} failed`, error);
      return { kind: 'response', id, tabId, ok: false, error: error instanceof Error ? error.message : String(error), undo: undoState() };
    }
  }

  private settle(response: Message): void {
    if (response.kind !== 'response') return;
    const request = this.pending.get(response.id);
    if (!request) return;
    this.pending.delete(response.id);
    for (const listener of this.listeners.undo) listener(response.undo);
    if (response.ok) request.resolve(response.value);
    else request.reject(new Error(response.error));
  }
}

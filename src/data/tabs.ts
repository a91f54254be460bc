import type { DeviceId, MemberId } from '../domain/ids';
import type { Role } from '../domain/member';
import { now } from '../platform/clock';
import type { WorkspaceSettings } from '../sync/settings';
import type { JobProgress } from './api/context';
import type { ApiMethod, WorkspaceApi } from './api/leaderApi';
import { openWorkspaceDb, type RapportDb } from './db';
import { requestChannelName, tabChannelName, type TabMessage, type TabRequest, type UndoState } from './tabMessages';

// Several tabs of one workspace: exactly one (the holder of a Web Lock) starts the leader — the owner of the Yjs
// documents, the projection and the commands, in a worker (leaderHost.ts). Every tab reads Dexie directly and sends
// its commands to the leader over BroadcastChannels (tabMessages.ts), the leader's own tab included. Two leaders
// never write the same documents, so two tabs cannot corrupt or duplicate data.

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
export type { UndoState } from './tabMessages';

/** A running leader as the tab that started it holds it. */
export interface LeaderHandle {
  /** Settles once the leader answers requests; rejects when it could not start. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Starts the leader of a workspace (the app starts a worker: src/workers/engineClient.ts). */
export type StartLeader = (identity: WorkspaceIdentity) => LeaderHandle;

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

/**
 * One tab's door to the workspace. `call` runs a command on the leader, wherever it is; requests waiting when the
 * leader changes are sent again to the new one. A tab given no `startLeader` only asks (a benchmark's driver).
 */
export class TabClient {
  readonly db: RapportDb;
  readonly tabId = crypto.randomUUID();
  private readonly channel: BroadcastChannel;
  /** Only posted to: the leader alone listens (tabMessages.ts). */
  private readonly requests: BroadcastChannel;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners: { [K in keyof TabEvents]: Set<TabEvents[K]> } = {
    undo: new Set(),
    progress: new Set(),
    leader: new Set(),
  };
  private leader: LeaderHandle | undefined;
  private leading = false;
  private releaseLock: (() => void) | undefined;
  private closed = false;

  constructor(
    readonly identity: WorkspaceIdentity,
    startLeader?: StartLeader,
  ) {
    this.db = openWorkspaceDb(identity.workspaceId);
    this.channel = new BroadcastChannel(tabChannelName(identity.workspaceId));
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => this.receive(event.data);
    this.requests = new BroadcastChannel(requestChannelName(identity.workspaceId));
    // Starting the leader loads every document (seconds at 100k customers) and competes for the device's cores and
    // IndexedDB: let the page paint its first rows first. Commands sent meanwhile wait for the leader.
    if (startLeader) afterFirstPaint(() => void this.campaignForLeadership(startLeader));
  }

  /** Whether this tab started the workspace's leader. */
  get isLeader(): boolean {
    return this.leading;
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
    this.requests.close();
    for (const { reject } of this.pending.values()) reject(new Error('The workspace was closed.'));
    this.pending.clear();
    await this.leader?.stop();
    this.leader = undefined;
    this.leading = false;
    this.releaseLock?.();
    this.db.close();
  }

  private send(id: string): void {
    const request = this.pending.get(id);
    if (request) this.requests.postMessage({ kind: 'request', id, tabId: this.tabId, method: request.method, args: request.args, at: now() } satisfies TabRequest);
  }

  private async campaignForLeadership(startLeader: StartLeader): Promise<void> {
    await navigator.locks.request(`rapport-leader-${this.identity.workspaceId}`, async () => {
      if (this.closed) return;
      const leader = startLeader(this.identity);
      this.leader = leader;
      try {
        await leader.ready;
      } catch (error) {
        // Letting the lock go lets another tab (or this one, reloaded) try again.
        console.error('[tabs] the workspace leader could not start', error);
        this.leader = undefined;
        await leader.stop();
        return;
      }
      this.leading = true;
      for (const listener of this.listeners.leader) listener(true);
      await new Promise<void>((resolve) => (this.releaseLock = resolve));
    });
  }

  private receive(message: TabMessage): void {
    if (message.kind === 'leader') {
      for (const id of this.pending.keys()) this.send(id);
    } else if (message.kind === 'response' && message.tabId === this.tabId) {
      this.settle(message);
    } else if (message.kind === 'progress' && message.tabId === this.tabId) {
      for (const listener of this.listeners.progress) listener(message.progress);
    }
  }

  private settle(response: Extract<TabMessage, { kind: 'response' }>): void {
    const request = this.pending.get(response.id);
    if (!request) return;
    this.pending.delete(response.id);
    for (const listener of this.listeners.undo) listener(response.undo);
    if (response.ok) request.resolve(response.value);
    else request.reject(new Error(response.error));
  }
}

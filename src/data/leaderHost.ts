import type { JobProgress } from './api/context';
import { leaderApi, type LeaderService, type WorkspaceApi } from './api/leaderApi';
import { openWorkspaceDb } from './db';
import { WorkspaceEngine } from './engine';
import type { WorkspaceIdentity } from './tabs';
import { requestChannelName, tabChannelName, type TabMessage, type TabRequest } from './tabMessages';
import { followClock } from '../platform/clock';
import type { PersistenceFactory } from '../sync/workspaceDocs';

// The leader: the one place that owns the workspace's documents, projection and commands, and answers every tab's
// requests on the tab channel. It runs in a worker started by the tab holding the leader lock (src/workers/
// engine.worker.ts), so loading documents, projecting and syncing never hold up a page the user types in.

export interface LeaderOptions {
  identity: WorkspaceIdentity;
  persistence: PersistenceFactory;
  /** Long-lived work started with the engine and stopped with it (peer sync, background analytics). */
  services: readonly LeaderService[];
}

/** Remembers answered requests for a while, so a request sent twice (around a change of leader) runs once. */
const ANSWERED_LIMIT = 500;

export interface Leader {
  readonly engine: WorkspaceEngine;
  stop(): Promise<void>;
}

export async function startLeader({ identity, persistence, services }: LeaderOptions): Promise<Leader> {
  const { workspaceId, memberId, deviceId, displayName, role, defaults } = identity;
  const db = openWorkspaceDb(workspaceId);
  const engine = await WorkspaceEngine.start({ workspaceId, db, persistence });
  await engine.ensureMember({ id: memberId, displayName, deviceIds: [deviceId], role }, defaults);
  const running = services.map((start) => start(engine, identity));
  const channel = new BroadcastChannel(tabChannelName(workspaceId));
  const requests = new BroadcastChannel(requestChannelName(workspaceId));
  const actor = { memberId, deviceId };
  const apis = new Map<string, WorkspaceApi>();
  const answered = new Map<string, Promise<TabMessage>>();

  const apiFor = (tabId: string) => {
    let api = apis.get(tabId);
    if (!api) {
      const onProgress = (progress: JobProgress) => channel.postMessage({ kind: 'progress', tabId, progress } satisfies TabMessage);
      apis.set(tabId, (api = leaderApi({ engine, actor, tabId, onProgress })));
    }
    return api;
  };

  const run = async ({ id, tabId, method, args }: TabRequest): Promise<TabMessage> => {
    const commands = engine.commands(actor, tabId);
    const undo = () => ({ canUndo: commands.canUndo(), canRedo: commands.canRedo() });
    try {
      const value = await (apiFor(tabId)[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      return { kind: 'response', id, tabId, ok: true, value, undo: undo() };
    } catch (error) {
      console.error(`[leader] ${method} failed`, error);
      return { kind: 'response', id, tabId, ok: false, error: error instanceof Error ? error.message : String(error), undo: undo() };
    }
  };

  const execute = (request: TabRequest): Promise<TabMessage> => {
    const known = answered.get(request.id);
    if (known) return known;
    const answer = run(request);
    answered.set(request.id, answer);
    if (answered.size > ANSWERED_LIMIT) answered.delete(answered.keys().next().value as string);
    return answer;
  };

  requests.onmessage = async ({ data }: MessageEvent<TabRequest>) => {
    if (data.kind !== 'request') return;
    if (data.at !== undefined) followClock(data.at);
    const answer = await execute(data);
    // Sealing a change for the peers is asynchronous: answered first, the tab would re-render for the answer before
    // relaying the change's frames to its data channels (src/sync/peer/rtcBridge.ts), and the peers would wait.
    await Promise.all(running.map((service) => service.flushed?.().catch(() => undefined)));
    channel.postMessage(answer);
  };
  // Tabs that asked before there was a leader send their requests again.
  channel.postMessage({ kind: 'leader' } satisfies TabMessage);

  return {
    engine,
    stop: async () => {
      requests.close();
      channel.close();
      for (const service of running) await service.stop();
      await engine.close();
      db.close();
    },
  };
}

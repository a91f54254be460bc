import { startSyncService } from './sync/syncService';
import type { LeaderService } from './api/leaderApi';
import { startLeader, type Leader } from './leaderHost';
import type { LeaderHandle, WorkspaceIdentity } from './tabs';
import { consoleSyncLog } from '../sync/peer/log';
import { remotePeerConnections, servePeerConnections, type BridgePort } from '../sync/peer/rtcBridge';
import { indexeddbPersistence } from '../sync/persistence';

export type { BridgePort } from '../sync/peer/rtcBridge';

// The two ends of the leader's worker: the worker runs the leader (leaderHost.ts) with peer sync whose WebRTC
// connections the tab makes for it (rtcBridge.ts, on the same port: its messages are marked `rtc`); the tab starts
// and stops it. The worker's entry (src/workers/engine.worker.ts) adds the services only the app knows.

type Request = { kind: 'start'; identity: WorkspaceIdentity } | { kind: 'stop' };
type Reply = { kind: 'ready' } | { kind: 'failed'; error: string } | { kind: 'stopped' };

/** How long a stopping leader may take to save what it holds before its worker is ended anyway. */
const STOP_TIMEOUT_MS = 5000;

/** Inside the worker: answers the tab's start and stop. */
export function serveLeader(port: BridgePort, services: readonly LeaderService[]): void {
  const reply = (message: Reply) => port.postMessage(message, []);
  const createPeerConnection = remotePeerConnections(port);
  let leader: Promise<Leader> | undefined;

  const start = async (identity: WorkspaceIdentity) => {
    leader = startLeader({
      identity,
      persistence: indexeddbPersistence,
      services: [(engine, id) => startSyncService(engine, id, { createPeerConnection }), ...services],
    });
    try {
      await leader;
      reply({ kind: 'ready' });
    } catch (error) {
      console.error('[leader] could not start', error);
      reply({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  };
  const stop = async () => {
    try {
      await (await leader)?.stop();
    } finally {
      reply({ kind: 'stopped' });
    }
  };
  port.addEventListener('message', ({ data }: MessageEvent<Request>) => {
    if (data.kind === 'start' && !leader) void start(data.identity);
    else if (data.kind === 'stop') void stop();
  });
}

/** In the tab: starts the leader in `worker` and serves its peer connections. */
export function leaderInWorker(worker: Worker, identity: WorkspaceIdentity): LeaderHandle {
  const closePeers = servePeerConnections(worker, consoleSyncLog);
  const send = (message: Request) => worker.postMessage(message);
  const next = (wanted: (reply: Reply) => boolean) =>
    new Promise<Reply>((resolve) => {
      const listener = ({ data }: MessageEvent<Reply>) => {
        if (!wanted(data)) return;
        worker.removeEventListener('message', listener);
        resolve(data);
      };
      worker.addEventListener('message', listener);
    });
  const ready = new Promise<void>((resolve, reject) => {
    worker.addEventListener('error', (event) => reject(new Error(`the leader's worker failed: ${event.message}`)), { once: true });
    void next((reply) => reply.kind === 'ready' || reply.kind === 'failed').then((reply) =>
      reply.kind === 'failed' ? reject(new Error(reply.error)) : resolve(),
    );
  });
  send({ kind: 'start', identity });
  let stopping: Promise<void> | undefined;
  return {
    ready,
    stop: () =>
      (stopping ??= (async () => {
        const stopped = next((reply) => reply.kind === 'stopped');
        send({ kind: 'stop' });
        await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS))]);
        closePeers();
        worker.terminate();
      })()),
  };
}

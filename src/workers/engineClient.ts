import { leaderInWorker } from '../data/leaderWorker';
import type { StartLeader } from '../data/tabs';

/** The app's StartLeader (src/data/tabs.ts): the workspace's leader in a worker of this tab. */
export const startEngineWorker: StartLeader = (identity) =>
  leaderInWorker(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' }), identity);

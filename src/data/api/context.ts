import type { Actor } from '../../sync/commands';
import type { WorkspaceEngine } from '../engine';

/** How far a long job of the leader has come; shown by the tab that asked for it. */
export interface JobProgress {
  /** Which job: 'demo', 'import', 'analytics', … */
  task: string;
  done: number;
  total: number;
}

/** What a piece of the leader's API works with, for the tab whose request it runs. */
export interface LeaderContext {
  engine: WorkspaceEngine;
  actor: Actor;
  tabId: string;
  onProgress: (progress: JobProgress) => void;
}

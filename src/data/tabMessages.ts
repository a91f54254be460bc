import type { JobProgress } from './api/context';
import type { ApiMethod } from './api/leaderApi';

// What tabs and the leader say to each other (tabs.ts asks, leaderHost.ts answers), on two BroadcastChannels:
// requests go on one only the leader listens to, so a large one (an import's chunk of records) is not copied into
// every tab of the workspace; answers, progress and the leader's arrival go on the other, which every tab hears.

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface TabRequest {
  kind: 'request';
  id: string;
  tabId: string;
  method: ApiMethod;
  args: unknown[];
  /** The asking tab's clock. */
  at?: number;
}

export type TabMessage =
  | { kind: 'response'; id: string; tabId: string; ok: true; value: unknown; undo: UndoState }
  | { kind: 'response'; id: string; tabId: string; ok: false; error: string; undo: UndoState }
  | { kind: 'leader' }
  | { kind: 'progress'; tabId: string; progress: JobProgress };

export function tabChannelName(workspaceId: string): string {
  return `rapport-tabs-${workspaceId}`;
}

export function requestChannelName(workspaceId: string): string {
  return `rapport-requests-${workspaceId}`;
}

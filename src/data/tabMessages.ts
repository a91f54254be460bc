import type { JobProgress } from './api/context';
import type { ApiMethod } from './api/leaderApi';

// What tabs and the leader say to each other on the workspace's BroadcastChannel (tabs.ts asks, leaderHost.ts answers).

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export type TabMessage =
  | { kind: 'request'; id: string; tabId: string; method: ApiMethod; args: unknown[]; /** The asking tab's clock. */ at?: number }
  | { kind: 'response'; id: string; tabId: string; ok: true; value: unknown; undo: UndoState }
  | { kind: 'response'; id: string; tabId: string; ok: false; error: string; undo: UndoState }
  | { kind: 'leader' }
  | { kind: 'progress'; tabId: string; progress: JobProgress };

export type TabRequest = Extract<TabMessage, { kind: 'request' }>;

export function tabChannelName(workspaceId: string): string {
  return `rapport-tabs-${workspaceId}`;
}

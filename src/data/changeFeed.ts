import type { SyncedTable } from './db';

// After the projection commits a batch to Dexie, it names the changed records here, so that workers (the search
// index) and other tabs can update what they derived from those rows without rescanning tables.

export interface ChangeMessage {
  table: SyncedTable;
  ids: string[];
  /** True when the whole table was rebuilt: derived data must be rebuilt rather than patched. */
  rebuilt?: boolean;
}

function channelName(workspaceId: string): string {
  return `rapport-changes-${workspaceId}`;
}

export function openChangePublisher(workspaceId: string): { publish: (message: ChangeMessage) => void; close: () => void } {
  const channel = new BroadcastChannel(channelName(workspaceId));
  return { publish: (message) => channel.postMessage(message), close: () => channel.close() };
}

/** Calls `handler` for every batch committed by the projection, in any tab; returns the unsubscribe function. */
export function subscribeToChanges(workspaceId: string, handler: (message: ChangeMessage) => void): () => void {
  const channel = new BroadcastChannel(channelName(workspaceId));
  channel.onmessage = (event: MessageEvent<ChangeMessage>) => handler(event.data);
  return () => channel.close();
}

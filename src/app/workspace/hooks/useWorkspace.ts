import { createContext, useContext, useEffect, useState } from 'react';
import type { TabClient, UndoState } from '../../../data/tabs';

export const WorkspaceContext = createContext<TabClient | null>(null);

/** The open workspace: its read model (`db`) for live queries, and `call` to run a command on the leader tab. */
export function useWorkspace(): TabClient {
  const client = useContext(WorkspaceContext);
  if (!client) throw new Error('useWorkspace is used outside the workspace provider');
  return client;
}

export function useUndoState(): UndoState {
  const client = useWorkspace();
  const [state, setState] = useState<UndoState>({ canUndo: false, canRedo: false });
  useEffect(() => client.on('undo', setState), [client]);
  return state;
}

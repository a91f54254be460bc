import { useCallback, useEffect, useState } from 'react';
import type { SyncInvite } from '../../../data/sync/syncService';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** The invite the leader syncs with (its current secret and server), and a way to ask again after a change. */
export function useSyncInvite(): { invite: SyncInvite | null; refresh: () => void } {
  const client = useWorkspace();
  const [invite, setInvite] = useState<SyncInvite | null>(null);
  const refresh = useCallback(() => void client.call('syncInvite').then(setInvite), [client]);
  useEffect(refresh, [refresh]);
  return { invite, refresh };
}

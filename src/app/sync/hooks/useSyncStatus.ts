import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../data/sync/syncService';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const POLL_MS = 1000;

/** The leader's sync status, asked for once a second (null until the first answer). */
export function useSyncStatus(): SyncStatus | null {
  const client = useWorkspace();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    let asking = false;
    const ask = () => {
      if (asking) return;
      asking = true;
      client
        .call('syncStatus')
        .then((next) => live && setStatus(next))
        .catch(() => live && setStatus(null))
        .finally(() => (asking = false));
    };
    ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client]);
  return status;
}

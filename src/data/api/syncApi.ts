import { SyncFileError, type SyncFileImport, type SyncFileProblem } from '../sync/syncFile';
import { syncServiceOf, type SyncService, type SyncSettings } from '../sync/syncService';
import type { LeaderContext } from './context';

/** What an import of a sync file did; a refused file names its problem (errors cross tabs as text only). */
export type SyncFileImportResult = ({ ok: true } & SyncFileImport) | { ok: false; problem: SyncFileProblem; detail: string };

/** Peer sync seen from any tab: status for Settings › Sync and the shell's badge, settings, invites, sync files. */
export function syncApi({ engine }: LeaderContext) {
  const service = (): SyncService => {
    const running = syncServiceOf(engine);
    if (!running) throw new Error('Sync is not running on the leader tab.');
    return running;
  };
  return {
    syncStatus: async () => {
      const running = service();
      await running.loaded;
      return running.status();
    },
    syncInvite: async () => {
      const running = service();
      await running.loaded;
      return running.invite();
    },
    configureSync: (settings: SyncSettings) => service().configure(settings),
    exportSyncFile: () => service().exportFile(),
    importSyncFile: async (file: Uint8Array): Promise<SyncFileImportResult> => {
      try {
        return { ok: true, ...(await service().importFile(file)) };
      } catch (error) {
        if (error instanceof SyncFileError) return { ok: false, problem: error.problem, detail: error.message };
        throw error;
      }
    },
  };
}

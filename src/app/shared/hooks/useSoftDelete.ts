import type { RecordRef } from '../../../sync/commands';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useNotices } from '../state/notices';

/** Soft delete and restore of a record, each followed by an undoable notice saying what happened. */
export function useSoftDelete(): { remove: (ref: RecordRef, notice: string) => Promise<void>; restore: (ref: RecordRef, notice: string) => Promise<void> } {
  const client = useWorkspace();
  const show = useNotices((state) => state.show);
  return {
    remove: async (ref, notice) => {
      if ((await client.call('deleteRecord', ref)).ok) show(notice, true);
    },
    restore: async (ref, notice) => {
      if ((await client.call('restoreRecord', ref)).ok) show(notice, true);
    },
  };
}

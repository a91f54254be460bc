import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportJobRow, ImportJobStatus } from '../../../data/db';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const SHOWN = 20;
const JOB_STATUSES: readonly ImportJobStatus[] = ['running', 'done', 'cancelled', 'undone'];

/**
 * The latest jobs of this device, newest first. Read by status, so a job's chunk records (large, and written while
 * an import runs) are never read here.
 */
export function useImportJobs(): ImportJobRow[] {
  const { db } = useWorkspace();
  const jobs = useLiveQuery(async () => {
    // One index range per status: `anyOf` walks a cursor across the chunk records filed between them ("chunk" sorts
    // among the statuses), and this query runs again after every chunk an import writes.
    const rows = (await Promise.all(JOB_STATUSES.map((status) => db.importJobs.where('status').equals(status).toArray()))).flat() as ImportJobRow[];
    return rows.sort((a, b) => b.startedAt - a.startedAt).slice(0, SHOWN);
  }, [db]);
  return jobs ?? [];
}

import { useLiveQuery } from 'dexie-react-hooks';
import type { AnalyticsRun } from '../../../workers/analyticsContract';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

export interface AnalyticsRuns {
  /** The newest run, whatever its outcome (it may still be running). */
  latest: AnalyticsRun | null;
  /** The newest finished run: what the scores on screen come from. */
  done: AnalyticsRun | null;
}

/** Undefined while loading. */
export function useAnalyticsRuns(): AnalyticsRuns | undefined {
  const { db } = useWorkspace();
  return useLiveQuery(async () => {
    const runs = (await db.analyticsRuns.orderBy('startedAt').reverse().toArray()) as AnalyticsRun[];
    return { latest: runs[0] ?? null, done: runs.find((run) => run.status === 'done') ?? null };
  }, [db]);
}

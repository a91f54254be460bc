import type { RapportDb } from '../../data/db';
import type { AnalyticsRun } from '../analyticsContract';

/**
 * Runs left "running" by a leader that closed during them (only the leader runs analytics, so when a leader starts
 * none of them is still going) are marked cancelled, or Insights would show a run in progress for ever.
 */
export async function closeInterruptedRuns(db: RapportDb): Promise<number> {
  const runs = (await db.analyticsRuns.toArray()) as AnalyticsRun[];
  const interrupted = runs.filter((run) => run.status === 'running');
  await db.analyticsRuns.bulkPut(interrupted.map((run) => ({ ...run, status: 'cancelled' })));
  return interrupted.length;
}

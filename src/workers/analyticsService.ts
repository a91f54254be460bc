import Dexie from 'dexie';
import { attachAnalyticsRunner } from '../data/api/analyticsApi';
import type { LeaderService } from '../data/api/leaderApi';
import { subscribeToChanges } from '../data/changeFeed';
import { closeInterruptedRuns } from './analytics/interruptedRuns';
import { AnalyticsClient } from './analyticsClient';
import type { AnalyticsRun } from './analyticsContract';
import { AnalyticsScheduler } from './analyticsScheduler';

// The leader tab's analytics: one worker, runs scheduled after material changes and daily, and on demand from any
// tab through the leader API. Only the leader runs it, so two tabs never train the same models at once.

const CHECK_EVERY_MS = 3_600_000;
/**
 * The check at start waits while the app opens: a run reads every record from the IndexedDB that the documents, the
 * search index and the first screen are being read from then (at 100k customers, seconds of reads).
 */
const FIRST_CHECK_AFTER_MS = 15_000;

export const analyticsService: LeaderService = (engine) => {
  const { workspaceId, db } = engine;
  const client = new AnalyticsClient(new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module', name: 'analytics' }));
  const scheduler = new AnalyticsScheduler(
    (trigger, onProgress) => client.call('run', [{ workspaceId, now: Date.now(), trigger }], onProgress),
    async () => {
      const runs = (await db.analyticsRuns.orderBy('startedAt').reverse().toArray()) as AnalyticsRun[];
      const last = runs.find((run) => run.status === 'done');
      return {
        analysedRecords: last?.data ? last.data.customers + last.data.interactions : null,
        lastRunAt: last?.finishedAt ?? null,
        currentRecords: (await db.customers.where('[alive+nameKey]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count()) + (await db.interactions.count()),
      };
    },
    () => Date.now(),
  );
  const unsubscribe = subscribeToChanges(workspaceId, (message) => {
    if (message.table === 'customers' || message.table === 'interactions') scheduler.noteChanges(message.rebuilt ? Infinity : message.ids.length);
  });
  const detach = attachAnalyticsRunner(workspaceId, {
    run: (onProgress) => scheduler.runNow('manual', onProgress),
    cancel: () => scheduler.cancel(),
  });
  const checkError = (error: unknown) => console.error('[analytics] checking for a run failed', error);
  const check = () => void scheduler.check().catch(checkError);
  const closed = closeInterruptedRuns(db).catch(checkError);
  const firstCheck = setTimeout(() => void closed.then(check), FIRST_CHECK_AFTER_MS);
  const interval = setInterval(check, CHECK_EVERY_MS);
  return {
    stop: () => {
      clearTimeout(firstCheck);
      clearInterval(interval);
      unsubscribe();
      detach();
      scheduler.stop();
      client.terminate();
    },
  };
};

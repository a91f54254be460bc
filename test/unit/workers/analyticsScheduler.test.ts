import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AnalyticsCall } from '../../../src/workers/analyticsClient';
import type { AnalyticsTrigger } from '../../../src/workers/analyticsContract';
import { AnalyticsScheduler, type SchedulerState } from '../../../src/workers/analyticsScheduler';

const OPTIONS = { changeShare: 0.02, debounceMs: 1000, maxAgeMs: 86_400_000 };
const NOW = 1_000_000_000;

function harness(state: SchedulerState) {
  const started: AnalyticsTrigger[] = [];
  const finish: (() => void)[] = [];
  let cancelled = 0;
  const start = (trigger: AnalyticsTrigger): AnalyticsCall<{ runId: string }> => {
    started.push(trigger);
    let resolve!: (value: { runId: string }) => void;
    const result = new Promise<{ runId: string }>((r) => (resolve = r));
    finish.push(() => resolve({ runId: String(started.length) }));
    return { result, cancel: () => cancelled++ };
  };
  const scheduler = new AnalyticsScheduler(start, async () => state, () => NOW, OPTIONS);
  return { scheduler, started, finish, cancelled: () => cancelled };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('analytics scheduler', () => {
  test('a first run when there is data and no run yet; nothing for an empty workspace', async () => {
    const empty = harness({ analysedRecords: null, lastRunAt: null, currentRecords: 0 });
    await empty.scheduler.check();
    expect(empty.started).toEqual([]);
    const fresh = harness({ analysedRecords: null, lastRunAt: null, currentRecords: 10 });
    await fresh.scheduler.check();
    expect(fresh.started).toEqual(['first-run']);
  });

  test('re-runs after 2 % of the records changed, once quiet; smaller changes wait', async () => {
    const { scheduler, started } = harness({ analysedRecords: 1000, lastRunAt: NOW, currentRecords: 1000 });
    await scheduler.check();
    expect(started).toEqual([]);
    scheduler.noteChanges(19);
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toEqual([]);
    scheduler.noteChanges(1);
    await vi.advanceTimersByTimeAsync(900);
    // Another change within the quiet time postpones the run.
    scheduler.noteChanges(5);
    await vi.advanceTimersByTimeAsync(900);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual(['data-changed']);
  });

  test('counts that moved since the last run, or a day-old run, start a run at the check', async () => {
    const moved = harness({ analysedRecords: 1000, lastRunAt: NOW, currentRecords: 1020 });
    await moved.scheduler.check();
    expect(moved.started).toEqual(['data-changed']);
    const old = harness({ analysedRecords: 1000, lastRunAt: NOW - 86_400_000, currentRecords: 1000 });
    await old.scheduler.check();
    expect(old.started).toEqual(['daily']);
  });

  test('asking during a run joins it; cancel reaches the run', async () => {
    const { scheduler, started, finish, cancelled } = harness({ analysedRecords: 1000, lastRunAt: NOW, currentRecords: 1000 });
    const first = scheduler.runNow('manual');
    const second = scheduler.runNow('manual');
    expect(started).toEqual(['manual']);
    scheduler.cancel();
    expect(cancelled()).toBe(1);
    finish[0]!();
    expect(await first).toEqual({ runId: '1' });
    expect(await second).toEqual({ runId: '1' });
    expect(scheduler.running).toBe(false);
  });
});

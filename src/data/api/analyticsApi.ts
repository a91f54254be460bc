import type { LeaderContext } from './context';

// Analytics run in a worker that the leader tab starts (src/workers/analyticsService.ts, registered by the app: this
// layer may not import workers). The service attaches its runner here, so any tab can ask the leader to run now.

export interface AnalyticsStepProgress {
  step: string;
  done: number;
  total: number;
}

export interface AnalyticsRunner {
  /** Runs now, or joins the run under way; resolves with the id of the run's analyticsRuns row. */
  run: (onProgress: (progress: AnalyticsStepProgress) => void) => Promise<{ runId: string }>;
  cancel: () => void;
}

const runners = new Map<string, AnalyticsRunner>();

/** Makes the runner reachable through the leader API; returns the function that detaches it. */
export function attachAnalyticsRunner(workspaceId: string, runner: AnalyticsRunner): () => void {
  runners.set(workspaceId, runner);
  return () => {
    if (runners.get(workspaceId) === runner) runners.delete(workspaceId);
  };
}

function runnerOf(workspaceId: string): AnalyticsRunner {
  const runner = runners.get(workspaceId);
  if (!runner) throw new Error('Analytics are not available in this app.');
  return runner;
}

export function analyticsApi({ engine, onProgress }: LeaderContext) {
  return {
    /** Progress arrives as task "analytics:<step>", done and total within the step. */
    runAnalytics: () =>
      runnerOf(engine.workspaceId).run(({ step, done, total }) => onProgress({ task: `analytics:${step}`, done, total })),
    cancelAnalytics: () => runnerOf(engine.workspaceId).cancel(),
  };
}

import type { AnalyticsCall } from './analyticsClient';
import type { AnalyticsProgress, AnalyticsTrigger } from './analyticsContract';

// When to re-run analytics in the background: after material data changes (a share of the records analysed last
// time changed), once things have been quiet for a moment, so a bulk import or demo load causes one run, not many;
// and when the last run is a day old, since churn and value are forecasts from a reference date. One run at a time:
// asking while one is under way joins it.

export interface SchedulerOptions {
  /** Share of the records (customers + interactions) of the last run that must change to re-run. */
  changeShare: number;
  /** Quiet time after the last change before the run starts. */
  debounceMs: number;
  /** Age of the last run after which it is re-run anyway. */
  maxAgeMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = { changeShare: 0.02, debounceMs: 5000, maxAgeMs: 24 * 3_600_000 };

/** What the scheduler knows of the last finished run and of the data now. */
export interface SchedulerState {
  /** Customers + interactions the last finished run analysed; null when there has been none. */
  analysedRecords: number | null;
  lastRunAt: number | null;
  currentRecords: number;
}

export type StartRun = (trigger: AnalyticsTrigger, onProgress: (progress: AnalyticsProgress) => void) => AnalyticsCall<{ runId: string }>;

export class AnalyticsScheduler {
  private current: { call: AnalyticsCall<{ runId: string }>; listeners: Set<(progress: AnalyticsProgress) => void> } | null = null;
  private changed = 0;
  private baseline = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly start: StartRun,
    private readonly state: () => Promise<SchedulerState>,
    private readonly now: () => number,
    private readonly options: SchedulerOptions = DEFAULT_SCHEDULER_OPTIONS,
    private readonly onError: (error: unknown) => void = (error) => console.error('[analytics] background run failed', error),
  ) {}

  /** Looks at the data once (a leader starting, a periodic check) and runs if it is new, changed or old. */
  async check(): Promise<void> {
    const { analysedRecords, lastRunAt, currentRecords } = await this.state();
    this.baseline = analysedRecords ?? 0;
    if (this.stopped || this.current) return;
    let trigger: AnalyticsTrigger | null = null;
    if (analysedRecords === null) trigger = currentRecords > 0 ? 'first-run' : null;
    else if (Math.abs(currentRecords - analysedRecords) >= this.threshold()) trigger = 'data-changed';
    else if (lastRunAt === null || this.now() - lastRunAt >= this.options.maxAgeMs) trigger = 'daily';
    if (trigger) this.runInBackground(trigger);
  }

  /** Records changed (from the projection's change feed); a rebuilt table counts as everything changed. */
  noteChanges(count: number): void {
    if (this.stopped) return;
    this.changed += count;
    if (this.changed < this.threshold()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.runInBackground('data-changed'), this.options.debounceMs);
  }

  runNow(trigger: AnalyticsTrigger, onProgress?: (progress: AnalyticsProgress) => void): Promise<{ runId: string }> {
    if (this.stopped) return Promise.reject(new Error('analytics have stopped in this tab'));
    clearTimeout(this.timer);
    if (!this.current) {
      const listeners = new Set<(progress: AnalyticsProgress) => void>();
      this.changed = 0;
      const call = this.start(trigger, (progress) => listeners.forEach((listener) => listener(progress)));
      const current = { call, listeners };
      this.current = current;
      const clear = () => {
        if (this.current === current) this.current = null;
      };
      call.result.then(clear, clear);
      // The run's records are the new baseline; changes that arrived during the run may already call for the next.
      call.result.then(
        () => this.check().then(() => this.noteChanges(0), this.onError),
        () => undefined,
      );
    }
    const { call, listeners } = this.current as NonNullable<typeof this.current>;
    if (onProgress) {
      listeners.add(onProgress);
      const remove = () => listeners.delete(onProgress);
      call.result.then(remove, remove);
    }
    return call.result;
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.current?.call.cancel();
  }

  get running(): boolean {
    return this.current !== null;
  }

  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private threshold(): number {
    return Math.max(1, this.options.changeShare * this.baseline);
  }

  private runInBackground(trigger: AnalyticsTrigger): void {
    this.runNow(trigger).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'AbortError')) this.onError(error);
    });
  }
}

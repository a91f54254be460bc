import type { AnalyticsHandlers, AnalyticsMethod, AnalyticsProgress, AnalyticsRequest, AnalyticsResponse } from './analyticsContract';

// The page's side of the analytics worker's RPC: typed calls that can report progress and be cancelled.

export interface AnalyticsCall<T> {
  result: Promise<T>;
  cancel: () => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress: ((progress: AnalyticsProgress) => void) | undefined;
}

export class AnalyticsCancelledError extends Error {
  constructor() {
    super('The analytics run was cancelled.');
    this.name = 'AbortError';
  }
}

export class AnalyticsClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Set once the worker has failed (e.g. it could not start): later calls fail at once instead of waiting forever. */
  private broken: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<AnalyticsResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.broken = new Error(`the analytics worker failed: ${event.message}`);
      this.failAll(this.broken);
    };
  }

  call<M extends AnalyticsMethod>(
    method: M,
    args: Parameters<AnalyticsHandlers[M]>,
    onProgress?: (progress: AnalyticsProgress) => void,
  ): AnalyticsCall<Awaited<ReturnType<AnalyticsHandlers[M]>>> {
    const id = this.nextId++;
    if (this.broken) return { result: Promise.reject(this.broken), cancel: () => undefined };
    const result = new Promise<Awaited<ReturnType<AnalyticsHandlers[M]>>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
    });
    this.post({ kind: 'call', id, method, args });
    return { result, cancel: () => this.post({ kind: 'cancel', id }) };
  }

  terminate(): void {
    this.worker.terminate();
    this.failAll(new AnalyticsCancelledError());
  }

  private post(message: AnalyticsRequest): void {
    this.worker.postMessage(message);
  }

  private receive(message: AnalyticsResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'progress') {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'result') pending.resolve(message.value);
    else pending.reject(message.cancelled ? new AnalyticsCancelledError() : new Error(message.message));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

import { useEffect, useState } from 'react';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../../workers/importContract';

const FINAL_KINDS: ReadonlySet<ImportWorkerResponse['kind']> = new Set(['inspected', 'preview', 'groups', 'committed', 'duplicates', 'backup', 'restored', 'cancelled', 'failed']);

/**
 * The page's door to the import worker: one request at a time (a request made while another runs waits for it);
 * `run` resolves with the request's final answer and passes progress to `onStep` on the way. `post` sends at once
 * (a cancel).
 */
export class ImportWorkerClient {
  private worker: Worker | null = null;
  private listener: ((message: ImportWorkerResponse) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  run(request: ImportWorkerRequest, onStep: (message: ImportWorkerResponse) => void = () => {}): Promise<ImportWorkerResponse> {
    const answer = this.queue.then(() => this.runNow(request, onStep));
    this.queue = answer;
    return answer;
  }

  private runNow(request: ImportWorkerRequest, onStep: (message: ImportWorkerResponse) => void): Promise<ImportWorkerResponse> {
    return new Promise((resolve) => {
      this.listener = (message) => {
        if (!FINAL_KINDS.has(message.kind)) return onStep(message);
        this.listener = null;
        resolve(message);
      };
      this.post(request);
    });
  }

  post(request: ImportWorkerRequest): void {
    if (!this.worker) {
      this.worker = new Worker(new URL('../../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
      this.worker.onmessage = (event: MessageEvent<ImportWorkerResponse>) => this.listener?.(event.data);
    }
    this.worker.postMessage(request);
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}

/** A worker for the page's lifetime; leaving the page stops it (an import then counts as interrupted). */
export function useImportWorker(): ImportWorkerClient {
  const [client] = useState(() => new ImportWorkerClient());
  useEffect(() => () => client.terminate(), [client]);
  return client;
}

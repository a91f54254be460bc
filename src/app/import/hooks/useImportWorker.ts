import { useEffect, useState } from 'react';
import type { ImportWorkerRequest, ImportWorkerResponse } from '../../../workers/importContract';

const FINAL_KINDS: ReadonlySet<ImportWorkerResponse['kind']> = new Set(['inspected', 'preview', 'committed', 'duplicates', 'backup', 'restored', 'cancelled', 'failed']);

/**
 * The page's door to the import worker: one request at a time; `run` resolves with the request's final answer and
 * passes progress, chunks to write and restore chunks to `onStep` on the way.
 */
export class ImportWorkerClient {
  private worker: Worker | null = null;
  private listener: ((message: ImportWorkerResponse) => void) | null = null;

  run(request: ImportWorkerRequest, onStep: (message: ImportWorkerResponse) => void = () => {}): Promise<ImportWorkerResponse> {
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

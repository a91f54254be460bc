/// <reference lib="webworker" />
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { openWorkspaceDb, type RapportDb } from '../data/db';
import { runAnalytics } from './analytics/runAnalytics';
import type {
  AnalyticsRequest,
  AnalyticsResponse,
  AnalyticsWorkerHandlers,
  BackendChoice,
  JobContext,
  TfBackendName,
} from './analyticsContract';

// The analytics worker: opens the workspace's Dexie database itself, runs the analytics job there and writes the
// results; the page only sends requests and hears progress. Serving the wasm binaries from the app's own origin
// (bundled by Vite, precached by the service worker) keeps analytics working offline.

declare const self: DedicatedWorkerGlobalScope;

// The threaded wasm build crashes once bundled (DESIGN §6); SIMD works without cross-origin isolation. With
// multithreading off the threaded binary is never fetched, but the map must name it: it points at the SIMD one
// rather than shipping (and precaching) a binary nobody loads.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
});

const databases = new Map<string, RapportDb>();
const jobs = new Map<number, AbortController>();
let backend: Promise<BackendChoice> | undefined;

const handlers: AnalyticsWorkerHandlers = {
  backend: () => (backend ??= chooseBackend()),
  run: async (job, request) => {
    const choice = await handlers.backend(job);
    let db = databases.get(request.workspaceId);
    if (!db) databases.set(request.workspaceId, (db = openWorkspaceDb(request.workspaceId)));
    const started = performance.now();
    const run = await runAnalytics(db, request, { signal: job.signal, onProgress: job.progress, backend: choice });
    return { runId: run.id, ms: performance.now() - started };
  },
};

/**
 * Times each backend on the same small task — a few training steps of the churn network's shape — after one warm-up
 * step (shader compilation, wasm instantiation), and keeps the fastest that works.
 */
async function chooseBackend(): Promise<BackendChoice> {
  const candidates: TfBackendName[] = ['wasm', 'cpu', ...(typeof OffscreenCanvas === 'undefined' ? [] : (['webgl'] as const))];
  const timingsMs: BackendChoice['timingsMs'] = {};
  const failed: BackendChoice['failed'] = {};
  for (const name of candidates) {
    try {
      if (!(await withTimeout(tf.setBackend(name), BACKEND_INIT_MS))) throw new Error('not available');
      await trainingSteps(1);
      const from = performance.now();
      await trainingSteps(10);
      timingsMs[name] = performance.now() - from;
    } catch (error) {
      failed[name] = error instanceof Error ? error.message : String(error);
    }
  }
  const working = candidates.filter((name) => timingsMs[name] !== undefined);
  const chosen = working.reduce((best, name) => ((timingsMs[name] as number) < (timingsMs[best] as number) ? name : best), working[0] ?? 'cpu');
  await tf.setBackend(chosen);
  for (const name of candidates) if (name !== chosen && tf.findBackend(name)) tf.removeBackend(name);
  return { chosen, timingsMs, failed };
}

/** A backend that never finishes initialising (a GL context that hangs) must not stall analytics. */
const BACKEND_INIT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function trainingSteps(steps: number): Promise<void> {
  const x = tf.randomUniform([512, 40], 0, 1, 'float32', 1);
  const y = tf.randomUniform([512, 1], 0, 1, 'float32', 2).round();
  const w1 = tf.variable(tf.randomNormal([40, 16], 0, 0.1, 'float32', 3));
  const w2 = tf.variable(tf.randomNormal([16, 1], 0, 0.1, 'float32', 4));
  const optimizer = tf.train.adam(0.01);
  try {
    for (let step = 0; step < steps; step++) {
      const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(y, tf.matMul(tf.relu(tf.matMul(x, w1)), w2)) as tf.Scalar, true, [w1, w2]);
      await loss?.data();
      loss?.dispose();
    }
  } finally {
    optimizer.dispose();
    tf.dispose([x, y, w1, w2]);
  }
}

function post(message: AnalyticsResponse): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<AnalyticsRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    jobs.get(request.id)?.abort();
    return;
  }
  const { id, method, args } = request;
  const controller = new AbortController();
  jobs.set(id, controller);
  const job: JobContext = { signal: controller.signal, progress: (progress) => post({ kind: 'progress', id, progress }) };
  const handler = handlers[method] as (job: JobContext, ...rest: unknown[]) => Promise<unknown>;
  handler(job, ...args)
    .then((value) => post({ kind: 'result', id, value }))
    .catch((error: unknown) =>
      post({ kind: 'error', id, message: error instanceof Error ? error.message : String(error), cancelled: controller.signal.aborted }),
    )
    .finally(() => jobs.delete(id));
};

import { dexieBulkPut, rawPut } from './idb';

/** What bench/run.mjs calls through page.evaluate; each function returns milliseconds measured in the page. */
const benchmarks = { rawPut, dexieBulkPut };
export type BrowserBenchmarks = typeof benchmarks;

declare global {
  interface Window {
    rapportBench: BrowserBenchmarks;
  }
}

window.rapportBench = benchmarks;
document.body.dataset.ready = 'true';

import { analyticsFullRun, seedAnalyticsWorkspace } from './analytics';
import { busiestCustomer, customerWithInteractions, rawPutWrittenRows, sampleCustomerNames, takeWrittenRows, writeCustomers } from './data';
import { dexieBulkPut, rawPut } from './idb';

/** What bench/run.mjs calls through page.evaluate; times are milliseconds measured in the page. */
const benchmarks = {
  seedAnalyticsWorkspace,
  analyticsFullRun,
  rawPut,
  dexieBulkPut,
  writeCustomers,
  takeWrittenRows,
  rawPutWrittenRows,
  sampleCustomerNames,
  busiestCustomer,
  customerWithInteractions,
};
export type BrowserBenchmarks = typeof benchmarks;

declare global {
  interface Window {
    rapportBench: BrowserBenchmarks;
  }
}

window.rapportBench = benchmarks;
document.body.dataset.ready = 'true';

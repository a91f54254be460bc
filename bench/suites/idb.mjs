// idb.*: the physical limit of this browser on this machine, measured in the same run as every other figure.
import { measure } from '../measure.mjs';

/** @type {import('../measure.mjs').Suite} */
export const idbSuite = {
  prefix: 'idb.',
  async run({ benchPage, customers, runs }) {
    const note = `${customers.toLocaleString('en')} customer-like records, 4 indexes (1 multi-entry), one transaction, median of ${runs}`;
    const raw = await measure(runs, () => benchPage.evaluate((n) => window.rapportBench.rawPut(n), customers));
    const dexie = await measure(runs, () => benchPage.evaluate((n) => window.rapportBench.dexieBulkPut(n), customers));
    return {
      'idb.raw_put_ms': { value: raw.median, unit: 'ms', note: `${note}; runs ${raw.text}` },
      'idb.dexie_bulkput_ms': { value: dexie.median, unit: 'ms', note: `${note}; runs ${dexie.text}` },
      'idb.dexie_ratio': {
        value: round(dexie.median / raw.median, 2),
        unit: 'ratio',
        note: 'idb.dexie_bulkput_ms / idb.raw_put_ms',
      },
    };
  },
};

/** @param {number} value @param {number} digits */
function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

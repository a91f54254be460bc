/**
 * @typedef {{ value: number, unit: 'ms' | 'ratio' | 'bytes' | 'count' | 'MB', note: string }} Metric
 * @typedef {{
 *   benchPage: import('playwright-core').Page,
 *   context: import('playwright-core').BrowserContext,
 *   appUrl: string,
 *   customers: number,
 *   runs: number,
 *   quick: boolean,
 * }} BenchContext
 * @typedef {{ prefix: string, run: (context: BenchContext) => Promise<Record<string, Metric>> }} Suite
 */

/**
 * Runs a measurement `runs` times one after another; the median resists the noise of a shared machine.
 * @param {number} runs
 * @param {() => Promise<number>} once
 * @returns {Promise<{ median: number, values: number[], text: string }>}
 */
export async function measure(runs, once) {
  /** @type {number[]} */
  const values = [];
  for (let i = 0; i < runs; i += 1) values.push(await once());
  return { median: median(values), values, text: values.map((v) => Math.round(v)).join(' / ') };
}

/** @param {readonly number[]} values */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round((value ?? 0) * 10) / 10;
}

// analytics.*: issue 5. The full analytics run (read, features, RFM, k-means, churn training and scoring, CLV, next
// best actions, write) in the app's worker over N demo customers with ~10 interactions each, and the page's long
// tasks meanwhile; k-means against a plain typed-array loop and ml-kmeans, and the BG/NBD fit on CDNOW (Node).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from '../measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string[]} args */
function tsx(args) {
  const result = spawnSync('npx', ['tsx', join(root, 'bench/node/analytics.ts'), ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`analytics.ts ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}');
}

/** @type {import('../measure.mjs').Suite} */
export const analyticsSuite = {
  prefix: 'analytics.',
  async run({ benchPage, customers, runs }) {
    const seed = await benchPage.evaluate((n) => window.rapportBench.seedAnalyticsWorkspace(n), customers);
    /** @type {number[]} */
    const longTasks = [];
    /** @type {Record<string, number>[]} */
    const steps = [];
    let backend = '';
    let auc = NaN;
    const full = await measure(runs, async () => {
      const result = await benchPage.evaluate((id) => window.rapportBench.analyticsFullRun(id), seed.workspaceId);
      longTasks.push(result.longTasks.length);
      steps.push(/** @type {Record<string, number>} */ (result.run.stepMs));
      backend = result.run.backend?.chosen ?? '?';
      auc = result.run.churn?.testAuc ?? NaN;
      return result.ms;
    });
    const lastSteps = Object.entries(steps.at(-1) ?? {})
      .map(([step, ms]) => `${step} ${Math.round(ms)}`)
      .join(', ');
    const kmeans = tsx(['kmeans', String(runs)]);
    const bgnbd = tsx(['bgnbd', String(runs)]);
    const data = `${seed.customers.toLocaleString('en')} customers, ${seed.interactions.toLocaleString('en')} interactions`;
    return {
      'analytics.full_run_100k_ms': {
        value: full.median,
        unit: 'ms',
        note: `${data}; worker, ${backend} backend; runs ${full.text}; last run's steps (ms): ${lastSteps}; churn AUC on the later period ${round(auc, 3)}`,
      },
      'analytics.main_long_tasks': {
        value: Math.max(...longTasks),
        unit: 'count',
        note: `long tasks (> 50 ms) of the page during each run: ${longTasks.join(' / ')}`,
      },
      'analytics.kmeans_ratio_typed': {
        value: round(kmeans.rapportMs / kmeans.plainMs, 2),
        unit: 'ratio',
        note: `100,000 x 3, k = 4, same sorted-sum start, Node: Rapport ${round(kmeans.rapportMs, 1)} ms / plain typed-array Lloyd loop ${round(kmeans.plainMs, 1)} ms; iterations ${kmeans.iterations.rapport} / ${kmeans.iterations.plain}`,
      },
      'analytics.kmeans_ratio_mlkmeans': {
        value: round(kmeans.rapportMs / kmeans.mlMs, 2),
        unit: 'ratio',
        note: `same data and start: Rapport ${round(kmeans.rapportMs, 1)} ms / ml-kmeans ${round(kmeans.mlMs, 1)} ms (tolerance 0); iterations ${kmeans.iterations.rapport} / ${kmeans.iterations.ml}`,
      },
      'analytics.bgnbd_fit_cdnow_ms': {
        value: round(bgnbd.ms, 1),
        unit: 'ms',
        note: `${bgnbd.customers} CDNOW customers (weeks), Node, float64 maximum likelihood; log-likelihood ${round(bgnbd.logLikelihood, 4)}`,
      },
    };
  },
};

/** @param {number} value @param {number} digits */
function round(value, digits) {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

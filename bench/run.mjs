// `npm run bench [-- --quick] [-- --only <prefix>[,<prefix>…]]`: benchmarks in headless Chromium against the production build,
// written to bench/results/latest.json and latest.md. Every figure is the median of at least 3 runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureChromium } from '../scripts/ensure-chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { launchBenchBrowser, openBenchPage } from './browsers.mjs';
import { analyticsSuite } from './suites/analytics.mjs';
import { dataSuite } from './suites/data.mjs';
import { idbSuite } from './suites/idb.mjs';
import { importSuite } from './suites/import.mjs';
import { syncSuite } from './suites/sync.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'skip-build': { type: 'boolean', default: false },
  },
});

/** Every suite; the `idb.` baseline always runs because other figures are ratios against it. */
const SUITES = [idbSuite, dataSuite, importSuite, analyticsSuite, syncSuite];
const only = args.only;
const onlyPrefixes = only?.split(',').filter(Boolean) ?? [];
const matches = (/** @type {string} */ name) => onlyPrefixes.some((prefix) => name.startsWith(prefix) || prefix.startsWith(name));
const wanted = (/** @type {string} */ prefix) => !only || matches(prefix) || prefix === 'idb.';
const runs = Math.max(3, Number(args.runs));
const customers = args.quick ? 10_000 : 100_000;

const executablePath = ensureChromium();
if (!args['skip-build']) {
  for (const command of [['build'], ['build', '--config', 'bench/vite.config.ts']]) {
    const result = spawnSync(join(root, 'node_modules/.bin/vite'), [...command, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const server = await startStaticServer({ root: join(root, 'dist'), mounts: { '/bench': join(root, 'bench/.build') } });
const browser = await launchBenchBrowser();
const context = browser.context;
/** @type {Record<string, import('./measure.mjs').Metric>} */
const metrics = {};
const started = Date.now();
try {
  const benchPage = await openBenchPage(context, server.url);
  for (const suite of SUITES.filter((s) => wanted(s.prefix))) {
    console.log(`▶ ${suite.prefix}* (${customers.toLocaleString('en')} customers, ${runs} runs)`);
    const figures = await suite.run({ benchPage, context, appUrl: server.url, customers, runs, quick: args.quick });
    for (const [name, metric] of Object.entries(figures)) {
      if (only && !onlyPrefixes.some((prefix) => name.startsWith(prefix)) && !name.startsWith('idb.')) continue;
      metrics[name] = metric;
      console.log(`  ${name} = ${metric.value} ${metric.unit}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const chromiumVersion = spawnSync(executablePath, ['--version'], { encoding: 'utf8' }).stdout.trim();
const machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${release()}`,
  node: process.version,
  browser: chromiumVersion,
  mode: args.quick ? 'quick' : 'full',
  only: only ?? null,
  durationS: Math.round((Date.now() - started) / 1000),
};
const outDir = join(root, 'bench/results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify({ machine, metrics }, null, 2)}\n`);
const table = [
  `# Rapport benchmarks (${machine.mode}, ${machine.date})`,
  '',
  `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.browser}, Node ${machine.node}`,
  '',
  '| metric | value | unit | note |',
  '|---|---:|---|---|',
  ...Object.entries(metrics).map(([name, m]) => `| ${name} | ${m.value} | ${m.unit} | ${m.note} |`),
  '',
];
writeFileSync(join(outDir, 'latest.md'), table.join('\n'));
console.log(`Wrote bench/results/latest.json and latest.md in ${machine.durationS} s.`);

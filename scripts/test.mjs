// `npm test`: installs what is missing, then type check, lint, production build, unit and end-to-end tests.
// Ends with one line "N passed, N failed" (each of type check, lint and build counts as one check) and exits
// non-zero on any failure.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDeps } from './ensure-deps.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** @param {string} name */
const bin = (name) => join(root, 'node_modules', '.bin', name);

ensureDeps();
process.env.CHROME_PATH = ensureChromium();

let passed = 0;
let failed = 0;
/** @type {string[]} */
const failures = [];

/**
 * Runs one whole-project check, counted as one test.
 * @param {string} label @param {string} command @param {string[]} args
 */
function check(label, command, args) {
  console.log(`\n▶ ${label}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
  return ok;
}

check('type check', bin('tsc'), ['-b']);
check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
const built = check('production build', bin('vite'), ['build', '--logLevel', 'warn']);

const report = join(root, 'node_modules', '.cache', 'vitest-report.json');
rmSync(report, { force: true });
const projects = built ? [] : ['--project', 'unit'];
if (!built) console.log('The build failed, so the end-to-end tests cannot run; running unit tests only.');
console.log('\n▶ tests: vitest run');
const vitest = spawnSync(
  bin('vitest'),
  ['run', ...projects, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=./scripts/node20-polyfills.mjs`.trim() },
  },
);
const failedBefore = failed;
if (existsSync(report)) {
  /** @type {{ numPassedTests: number, numFailedTests: number, testResults: { name: string, status: string, message: string, assertionResults: { status: string, fullName: string }[] }[] }} */
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  for (const file of results.testResults) {
    for (const test of file.assertionResults) {
      if (test.status === 'failed') failures.push(`${file.name.replace(`${root}/`, '')} › ${test.fullName}`);
    }
    // A file that fails to load has no test results of its own; count it so it cannot pass unnoticed.
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      failures.push(`${file.name.replace(`${root}/`, '')} (did not load: ${file.message})`);
    }
  }
}
if (vitest.status !== 0 && failed === failedBefore) {
  failed += 1;
  failures.push(`vitest exited with status ${vitest.status}`);
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

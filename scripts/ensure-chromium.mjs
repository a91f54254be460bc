// Finds a Chromium for the browser tests and benchmarks; as root on Debian it installs the distribution's
// package, since tools that download their own browser cannot reach their hosts from here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** @returns {string} path of a Chromium executable */
export function ensureChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    fail(
      `No Chromium found at ${DEBIAN_CHROMIUM}. Install one (Debian: apt-get install chromium) ` +
        'or set CHROME_PATH to a Chromium or Chrome executable, then run again.',
    );
  }
  console.log('Installing Debian chromium for the browser tests (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) fail(`apt-get ${args.join(' ')} failed; set CHROME_PATH to a Chromium executable instead.`);
  }
  if (!existsSync(DEBIAN_CHROMIUM)) fail(`apt-get installed chromium but ${DEBIAN_CHROMIUM} is missing; set CHROME_PATH.`);
  return DEBIAN_CHROMIUM;
}

/** Flags that keep headless Chromium off the closed network of a build machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureChromium());

// Installs npm packages when node_modules is missing or older than the committed lock file.
// `npm ci` is not usable here: the registry lacks other platforms' optional binaries that a lock file names.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lockFile = join(root, 'package-lock.json');
const stamp = join(root, 'node_modules', '.cache', 'rapport-lock.sha256');

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(join(root, 'package.json')))
    .update(readFileSync(lockFile))
    .digest('hex');
}

export function ensureDeps() {
  const wanted = lockHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  console.log('Installing npm packages (npm install against package-lock.json)…');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('npm install failed; see the output above.');
    process.exit(result.status ?? 1);
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, lockHash());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();

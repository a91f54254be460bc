// The evaluation command: `npm run eval -- <task> ...` runs an analytics task on any file of the right kind, so
// Rapport's figures can be checked against published ones (REFERENCE.md). Tasks: clv, segments, churn.
import { existsSync } from 'node:fs';
import { runClv } from './eval/clv';
import { runSegments } from './eval/segments';

type Task = (args: string[]) => Promise<void>;

const TASKS: Record<string, () => Promise<Task>> = {
  clv: async () => runClv,
  segments: async () => runSegments,
  churn: loadChurn,
};

async function loadChurn(): Promise<Task> {
  // Loaded by a computed path, so clv and segments run (and type-check) while the churn task is being written.
  const url = new URL('./eval/churn.ts', import.meta.url);
  if (!existsSync(url)) throw new Error('the churn task is not available in this build (scripts/eval/churn.ts is missing)');
  const module = (await import(url.href)) as { runChurn?: unknown };
  if (typeof module.runChurn !== 'function') throw new Error('scripts/eval/churn.ts does not export runChurn(args)');
  return module.runChurn as Task;
}

const [task, ...args] = process.argv.slice(2);
const load = task === undefined ? undefined : TASKS[task];
if (load === undefined) {
  console.error(`usage: eval <task> [options]; tasks: ${Object.keys(TASKS).join(', ')}${task === undefined ? '' : ` (unknown task "${task}")`}`);
  process.exitCode = 2;
} else {
  try {
    await (await load())(args);
  } catch (error) {
    console.error(`eval ${task}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

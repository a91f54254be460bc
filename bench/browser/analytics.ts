import { openWorkspaceDb, type CustomerRow, type InteractionRow } from '../../src/data/db';
import { buildFacts } from '../../src/data/factPages';
import { generateDemo } from '../../src/domain/demo';
import { AnalyticsClient } from '../../src/workers/analyticsClient';
import type { AnalyticsRun } from '../../src/workers/analyticsContract';

// analytics.*: the full analytics run in the app's real worker over a throw-away workspace filled with the demo
// generator's customers and interactions (written straight into the read model, analytics' input pages built from
// it: the write path has its own benchmarks), while the page watches its main thread for long tasks.

const DEMO_SEED = 20_261_122;
const WRITE_CHUNK = 10_000;

export interface AnalyticsSeedResult {
  workspaceId: string;
  customers: number;
  interactions: number;
  ms: number;
}

/** A new workspace database holding `customers` demo customers with about 10 interactions each. */
export async function seedAnalyticsWorkspace(customers: number): Promise<AnalyticsSeedResult> {
  const started = performance.now();
  const workspaceId = `bench-analytics-${crypto.randomUUID()}`;
  const db = openWorkspaceDb(workspaceId);
  let customerRows: CustomerRow[] = [];
  let interactionRows: InteractionRow[] = [];
  let interactions = 0;
  const flush = async (all: boolean) => {
    if (customerRows.length >= WRITE_CHUNK || all) {
      await db.customers.bulkPut(customerRows);
      customerRows = [];
    }
    if (interactionRows.length >= WRITE_CHUNK || all) {
      await db.interactions.bulkPut(interactionRows);
      interactionRows = [];
    }
  };
  const stamp = (createdAt: number, createdBy: string) => ({ createdAt, createdBy, updatedAt: createdAt, updatedBy: createdBy });
  for (const item of generateDemo({ seed: DEMO_SEED, customers, now: Date.now(), interactionsPerCustomer: 10 })) {
    const { customer } = item;
    customerRows.push({
      id: customer.id,
      ...customer.fields,
      ...stamp(customer.createdAt, customer.createdBy),
      alive: 1,
      nameKey: customer.fields.name.toLocaleLowerCase(),
    } as CustomerRow);
    for (const interaction of item.interactions) {
      interactionRows.push({ id: interaction.id, ...interaction.fields, ...stamp(interaction.createdAt, interaction.createdBy), alive: 1, doc: 'bench' } as InteractionRow);
      interactions++;
    }
    await flush(false);
  }
  await flush(true);
  // The projection keeps analytics' input pages as it writes; rows written straight into the tables need them built.
  await buildFacts(db);
  db.close();
  return { workspaceId, customers, interactions, ms: performance.now() - started };
}

export interface AnalyticsRunResult {
  ms: number;
  longTasks: number[];
  run: AnalyticsRun;
}

/** One analytics run of the workspace in a new worker (its backend measured afresh), long tasks counted meanwhile. */
export async function analyticsFullRun(workspaceId: string): Promise<AnalyticsRunResult> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => Math.round(entry.duration))));
  observer.observe({ type: 'longtask' });
  const worker = new Worker(new URL('../../src/workers/analytics.worker.ts', import.meta.url), { type: 'module', name: 'analytics' });
  const client = new AnalyticsClient(worker);
  try {
    const started = performance.now();
    const { runId } = await client.call('run', [{ workspaceId, now: Date.now(), trigger: 'manual' }]).result;
    const ms = performance.now() - started;
    const db = openWorkspaceDb(workspaceId);
    const run = (await db.analyticsRuns.get(runId)) as AnalyticsRun;
    db.close();
    return { ms, longTasks, run };
  } finally {
    observer.disconnect();
    client.terminate();
  }
}

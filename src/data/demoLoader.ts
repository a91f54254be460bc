import { demoMembers, generateDemo, type DemoOptions } from '../domain/demo';
import type { CustomerFields } from '../domain/customer';
import type { CustomerId, InteractionId } from '../domain/ids';
import type { InteractionFields } from '../domain/interaction';
import { yieldToEventLoop } from '../platform/scheduling';
import type { Actor, IncomingRecord } from '../sync/commands';
import type { WorkspaceEngine } from './engine';

/**
 * Customers generated and written per step, with a yield to the event loop after each: each step is a few short
 * transactions (one for the customers), so the page stays responsive and a closed tab leaves whole steps only.
 */
export const DEMO_STEP = 100;
/** Interactions buffered before they are written; each document receives them in transactions of up to 1,000. */
const INTERACTION_BATCH = 20_000;

export interface DemoProgress {
  done: number;
  total: number;
}

/**
 * Writes seeded demo data through the same commands an import uses, so it reaches the read model by the one road.
 * The demo team joins the workspace as members, so owners and authors have names.
 */
export async function loadDemoData(
  engine: WorkspaceEngine,
  actor: Actor,
  options: DemoOptions,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<void> {
  const commands = engine.commands(actor, 'demo');
  await engine.addMembers(demoMembers(options.seed).map((member) => ({ ...member, deviceIds: [], role: 'member' })));
  let customers: IncomingRecord<CustomerId, CustomerFields>[] = [];
  let interactions: IncomingRecord<InteractionId, InteractionFields>[] = [];
  let done = 0;
  const writeInteractions = async () => {
    await commands.importInteractions(interactions);
    interactions = [];
  };
  for (const item of generateDemo(options)) {
    customers.push(item.customer);
    interactions.push(...item.interactions);
    if (customers.length === DEMO_STEP) {
      await commands.importCustomers(customers);
      done += customers.length;
      customers = [];
      // Interactions spread over every quarter's documents: writing them in larger batches keeps the number of
      // transactions (and of y-indexeddb writes) per document low.
      if (interactions.length >= INTERACTION_BATCH) await writeInteractions();
      // The job is complete only once the last interactions are written and projected (below): until then the
      // home page keeps its progress bar, so nobody takes a half-loaded workspace for the whole demo.
      if (done < options.customers) onProgress({ done, total: options.customers });
      await yieldToEventLoop();
    }
  }
  if (customers.length) await commands.importCustomers(customers);
  await writeInteractions();
  engine.forgetTab('demo');
  await engine.projection.idle();
  // Two years of history opened every quarter's documents; only the current ones stay in memory.
  await engine.releaseIdleDocs();
  onProgress({ done: options.customers, total: options.customers });
}

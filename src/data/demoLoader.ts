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
  const flush = async () => {
    await commands.importCustomers(customers);
    await commands.importInteractions(interactions);
    done += customers.length;
    customers = [];
    interactions = [];
    onProgress({ done, total: options.customers });
  };
  for (const item of generateDemo(options)) {
    customers.push(item.customer);
    interactions.push(...item.interactions);
    if (customers.length === DEMO_STEP) {
      await flush();
      await yieldToEventLoop();
    }
  }
  if (customers.length) await flush();
  engine.forgetTab('demo');
  await engine.projection.idle();
}

import type { CustomerFields } from '../customer';
import type { CustomerId, InteractionId, MemberId } from '../ids';
import type { InteractionFields } from '../interaction';

export interface DemoMember {
  id: MemberId;
  displayName: string;
}

export interface DemoRecord<Id, Fields> {
  id: Id;
  createdAt: number;
  createdBy: MemberId;
  fields: Fields;
}

export interface DemoCustomer {
  customer: DemoRecord<CustomerId, CustomerFields>;
  /** Sorted by `fields.at` ascending. */
  interactions: DemoRecord<InteractionId, InteractionFields>[];
}

export interface DemoOptions {
  /** Same seed and options give byte-identical output. A safe integer. */
  seed: number;
  /** How many customers: 1,000 for the app's "Load demo data", 10,000 and 100,000 for the benchmarks. */
  customers: number;
  /** Mean interactions per customer (default 10; at least ~4 is honoured), archetypes spread around it. */
  interactionsPerCustomer?: number;
  /** Epoch ms; the history covers the two years before it. */
  now: number;
  /** ISO 4217 code of every purchase amount (default 'USD'). */
  currency?: string;
}

import type { LifecycleStage } from '../domain/customer';

// A customer as a row of the customer list shows it: sent by the query worker with the first rows of a result, and
// made from read-model rows by the list. Apart from customerIndex.ts so the page does not load the search engine.

/** What a row of the customer list shows. */
export interface ListedCustomer {
  id: string;
  name: string;
  title?: string | undefined;
  company?: string | undefined;
  /** The first email, else the first phone. */
  contact: string;
  lifecycle: LifecycleStage;
  ownerId?: string | undefined;
}

/** Rows of a result sent with it: the first screenful paints without waiting for IndexedDB. */
export const HEAD_ROWS = 40;

export interface ListableCustomer {
  id: string;
  name: string;
  title?: string | undefined;
  company?: string | undefined;
  emails: readonly string[];
  phones: readonly string[];
  lifecycle: LifecycleStage;
  ownerId?: string | undefined;
}

export function listed(row: ListableCustomer): ListedCustomer {
  return { id: row.id, name: row.name, title: row.title, company: row.company, contact: row.emails[0] ?? row.phones[0] ?? '', lifecycle: row.lifecycle, ownerId: row.ownerId };
}

import type { CustomerQuery, CustomerQueryResult } from './customerIndex';

// Messages between the customer list and its query worker.

export type QueryWorkerRequest =
  | { kind: 'open'; workspaceId: string }
  | { kind: 'query'; id: number; query: CustomerQuery };

export type QueryWorkerResponse =
  | { kind: 'result'; id: number; result: CustomerQueryResult; ms: number }
  /** The customers changed: queries on screen are out of date. */
  | { kind: 'changed' }
  | { kind: 'ready'; customers: number; ms: number };

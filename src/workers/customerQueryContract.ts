import type { CustomerQuery, CustomerQueryResult } from './customerIndex';

// Messages between the customer list and its query worker.

export type QueryWorkerRequest =
  | { kind: 'open'; workspaceId: string }
  | { kind: 'query'; id: number; query: CustomerQuery }
  /** How many live customers the workspace holds (the home page's count). */
  | { kind: 'count'; id: number };

export type QueryWorkerResponse =
  | { kind: 'result'; id: number; result: CustomerQueryResult; ms: number }
  | { kind: 'count'; id: number; customers: number }
  /** The customers changed: queries on screen are out of date. */
  | { kind: 'changed' }
  | { kind: 'ready'; customers: number; ms: number };

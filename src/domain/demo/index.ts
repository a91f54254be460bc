/**
 * Seeded, realistic demo data (customers with two years of interactions) for "Load demo data" and the benchmarks.
 * Pure: runs in Node and in a worker; the same seed and options give byte-identical output.
 */
export type { DemoCustomer, DemoMember, DemoOptions, DemoRecord } from './types';
export { demoMembers } from './members';
export { generateDemo, DEFAULT_INTERACTIONS_PER_CUSTOMER } from './generate';
export { HISTORY_DAYS } from './history';

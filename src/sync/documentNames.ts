// The fixed set of Yjs documents of a workspace (DESIGN §4). Interactions and audit entries are spread over one
// document per quarter and per hash shard, so no document grows past ~50k records at 1M interactions in two years
// and a device keeps only the documents in use in memory. Names are a pure function of the record, so every
// device puts a record in the same document without asking anyone.

export const META_DOC = 'meta';
export const CUSTOMERS_DOC = 'customers';
export const WORK_DOC = 'work';

/** Shards per quarter: 4 x 50k records a quarter is room for 800k interactions a year. */
export const SHARDS = 4;

export function quarterOf(at: number): string {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** FNV-1a over the id: stable across devices and versions, spreads UUIDv7s evenly. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARDS;
}

/** Where an interaction lives: by the quarter of its time when logged, so history lands in history's documents. */
export function interactionDocName(at: number, id: string): string {
  return `interactions-${quarterOf(at)}-${shardOf(id)}`;
}

export function auditDocName(at: number, id: string): string {
  return `audit-${quarterOf(at)}-${shardOf(id)}`;
}

export function isInteractionDoc(name: string): boolean {
  return name.startsWith('interactions-');
}

export function isAuditDoc(name: string): boolean {
  return name.startsWith('audit-');
}

/** The documents a device keeps open: the small ones, and this quarter's shards where new records go. */
export function residentDocNames(now: number): string[] {
  const quarter = quarterOf(now);
  const shards = Array.from({ length: SHARDS }, (_, shard) => shard);
  return [
    META_DOC,
    CUSTOMERS_DOC,
    WORK_DOC,
    ...shards.map((shard) => `interactions-${quarter}-${shard}`),
    ...shards.map((shard) => `audit-${quarter}-${shard}`),
  ];
}

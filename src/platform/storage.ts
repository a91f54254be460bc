// Seam to the browser's storage manager, which some browsers (and test environments) lack.

export interface StorageStatus {
  /** Bytes this origin uses, or null when the browser does not say. */
  usage: number | null;
  /** Bytes this origin may use in all, or null when the browser does not say. */
  quota: number | null;
  /** Whether the browser promised not to evict this origin's data, or null when it cannot promise. */
  persisted: boolean | null;
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const manager = globalThis.navigator?.storage;
  if (!manager) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    typeof manager.estimate === 'function' ? manager.estimate() : Promise.resolve(undefined),
    typeof manager.persisted === 'function' ? manager.persisted() : Promise.resolve(null),
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

/** Asks the browser to keep this origin's data under storage pressure; resolves to whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  const manager = globalThis.navigator?.storage;
  if (!manager || typeof manager.persist !== 'function') return false;
  if (typeof manager.persisted === 'function' && (await manager.persisted())) return true;
  return manager.persist();
}

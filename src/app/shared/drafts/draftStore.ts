// Drafts of forms, kept on this device only (localStorage, never synced), so nothing typed is lost when a form is
// left by accident. Pure: the storage is passed in, so it is tested in Node with a map.

/** The part of the Web Storage API the store uses. */
export interface DraftStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SavedDraft<T> {
  value: T;
  savedAt: number;
}

/** Drafts untouched for this long are dropped when the store opens. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface DraftStore {
  load<T>(key: string): SavedDraft<T> | null;
  /** False when the storage refused (full or blocked): typing goes on, the draft is just not kept. */
  save(key: string, value: unknown): boolean;
  /** Removes the draft after a save or a discard, and cancels writes scheduled before it (see `version`). */
  clear(key: string): void;
  /** Removes the draft without cancelling anything (the form went back to its starting values). */
  remove(key: string): void;
  /**
   * Bumped by every `clear` of the key. A debounced write remembers the version it was scheduled under and is
   * dropped if a clear came after it, so a save that clears the draft is not undone by the last keystrokes' write.
   */
  version(key: string): number;
  /** Every key with a draft, for tests and diagnostics. */
  keys(): string[];
}

export function createDraftStore(storage: DraftStorage, prefix: string, now: () => number = Date.now): DraftStore {
  const versions = new Map<string, number>();
  const full = (key: string) => `${prefix}${key}`;
  const read = (storageKey: string): SavedDraft<unknown> | null => {
    try {
      const parsed = JSON.parse(storage.getItem(storageKey) ?? 'null') as { v?: unknown; at?: unknown } | null;
      if (!parsed || typeof parsed !== 'object' || !('v' in parsed) || typeof parsed.at !== 'number') return null;
      return { value: parsed.v, savedAt: parsed.at };
    } catch {
      return null;
    }
  };
  const ownKeys = () => {
    const found: string[] = [];
    for (let index = 0; index < storage.length; index += 1) {
      const key = storage.key(index);
      if (key?.startsWith(prefix)) found.push(key);
    }
    return found;
  };

  for (const storageKey of ownKeys()) {
    const draft = read(storageKey);
    if (!draft || now() - draft.savedAt > DRAFT_MAX_AGE_MS) storage.removeItem(storageKey);
  }

  return {
    load: <T>(key: string) => read(full(key)) as SavedDraft<T> | null,
    save: (key, value) => {
      try {
        storage.setItem(full(key), JSON.stringify({ v: value, at: now() }));
        return true;
      } catch {
        return false;
      }
    },
    clear: (key) => {
      versions.set(key, (versions.get(key) ?? 0) + 1);
      storage.removeItem(full(key));
    },
    remove: (key) => storage.removeItem(full(key)),
    version: (key) => versions.get(key) ?? 0,
    keys: () => ownKeys().map((storageKey) => storageKey.slice(prefix.length)),
  };
}

/** A draft worth keeping: it differs from the values the form started with. */
export function differsFrom(value: unknown, initial: unknown): boolean {
  return JSON.stringify(value) !== JSON.stringify(initial);
}

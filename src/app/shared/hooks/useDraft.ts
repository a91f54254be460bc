import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import { createDraftStore, differsFrom, type DraftStore } from '../drafts/draftStore';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

/** Debounce of the writes while typing. */
const SAVE_DELAY_MS = 400;

const stores = new Map<string, DraftStore>();

/** One store per workspace for the page's lifetime (its clear versions must be shared by every form). */
export function draftStoreFor(workspaceId: string): DraftStore {
  let store = stores.get(workspaceId);
  if (!store) {
    store = createDraftStore(localStorage, `rapport.draft.${workspaceId}.`);
    stores.set(workspaceId, store);
  }
  return store;
}

/** A form and the record it edits (`new` for a new one): `customer:new`, `deal:<id>`, `interaction:<customerId>`. */
export const draftKey = (form: string, record?: string) => `${form}:${record || 'new'}`;

export interface Draft<T> {
  value: T;
  set: (next: SetStateAction<T>) => void;
  /** The form opened with a draft kept from before (show "Draft restored · Discard"). */
  restored: boolean;
  /** Forgets the draft and puts the form back to its starting values. */
  discard: () => void;
  /** The same as `discard`, after the form's own save (the quick forms that stay on the page). */
  clear: () => void;
}

interface PendingWrite<T> {
  value: T;
  version: number;
  done: boolean;
}

/**
 * A form's values, kept as a draft on this device while the user types (debounced, and once more when the form
 * goes away) and restored when the same form of the same record opens again. A draft equal to the starting values
 * (or `isBlank`) is removed. The page clears it after a successful save with `useClearDraft`.
 */
export function useDraft<T>(form: string, record: string | undefined, initial: T, isBlank?: (value: T) => boolean): Draft<T> {
  const { identity } = useWorkspace();
  const store = draftStoreFor(identity.workspaceId);
  const key = draftKey(form, record);
  const [start] = useState(initial);
  const [state, setState] = useState(() => {
    const saved = store.load<T>(key);
    return saved ? { value: saved.value, restored: true } : { value: initial, restored: false };
  });
  const pending = useRef<PendingWrite<T> | null>(null);
  const blank = useRef(isBlank);
  useEffect(() => {
    blank.current = isBlank;
  });

  const write = useCallback(
    (entry: PendingWrite<T>) => {
      entry.done = true;
      // A save or discard came after these keystrokes: they are in the record, or unwanted.
      if (store.version(key) !== entry.version) return;
      if (blank.current?.(entry.value) || !differsFrom(entry.value, start)) store.remove(key);
      else store.save(key, entry.value);
    },
    [store, key, start],
  );

  useEffect(() => {
    const entry = { value: state.value, version: store.version(key), done: false };
    pending.current = entry;
    const timer = setTimeout(() => write(entry), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state.value, store, key, write]);

  // Leaving the form (or closing the tab) within the debounce still keeps the last keystrokes.
  useEffect(() => {
    const flush = () => {
      const entry = pending.current;
      if (entry && !entry.done) write(entry);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [write]);

  const set = useCallback((next: SetStateAction<T>) => {
    setState((current) => ({ ...current, value: typeof next === 'function' ? (next as (previous: T) => T)(current.value) : next }));
  }, []);
  const discard = useCallback(() => {
    store.clear(key);
    setState({ value: start, restored: false });
  }, [store, key, start]);

  return { value: state.value, set, restored: state.restored, discard, clear: discard };
}

/** Clears a form's draft after its record was saved; pending writes of that form are dropped. */
export function useClearDraft(): (form: string, record?: string) => void {
  const { identity } = useWorkspace();
  return useCallback((form: string, record?: string) => draftStoreFor(identity.workspaceId).clear(draftKey(form, record)), [identity.workspaceId]);
}

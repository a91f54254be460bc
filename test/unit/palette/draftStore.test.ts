import { describe, expect, test } from 'vitest';
import { createDraftStore, differsFrom, DRAFT_MAX_AGE_MS, type DraftStorage } from '../../../src/app/shared/drafts/draftStore';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

describe('draft store', () => {
  test('saves, loads and clears a draft per form and record, under its prefix', () => {
    const storage = new MemoryStorage();
    let clock = 1_000;
    const store = createDraftStore(storage, 'rapport.draft.w1.', () => clock);
    expect(store.load('customer:new')).toBeNull();
    store.save('customer:new', { name: 'Ada' });
    clock = 2_000;
    store.save('deal:d1', { title: 'Fleet' });
    expect(store.load('customer:new')).toEqual({ value: { name: 'Ada' }, savedAt: 1_000 });
    expect(store.load('deal:d1')).toEqual({ value: { title: 'Fleet' }, savedAt: 2_000 });
    expect([...storage.items.keys()].sort()).toEqual(['rapport.draft.w1.customer:new', 'rapport.draft.w1.deal:d1']);
    expect(store.keys().sort()).toEqual(['customer:new', 'deal:d1']);
    store.clear('customer:new');
    expect(store.load('customer:new')).toBeNull();
    expect(store.load('deal:d1')).not.toBeNull();
  });

  test('workspaces do not see each other’s drafts', () => {
    const storage = new MemoryStorage();
    createDraftStore(storage, 'rapport.draft.w1.').save('customer:new', { name: 'Ada' });
    expect(createDraftStore(storage, 'rapport.draft.w2.').load('customer:new')).toBeNull();
  });

  test('a clear bumps the key’s version (a write scheduled before it is dropped); remove does not', () => {
    const store = createDraftStore(new MemoryStorage(), 'p.');
    expect(store.version('a')).toBe(0);
    store.remove('a');
    expect(store.version('a')).toBe(0);
    store.clear('a');
    store.clear('a');
    expect(store.version('a')).toBe(2);
    expect(store.version('b')).toBe(0);
  });

  test('old and unreadable drafts are dropped when the store opens; other keys are left alone', () => {
    const storage = new MemoryStorage();
    storage.setItem('p.old', JSON.stringify({ v: { name: 'x' }, at: 0 }));
    storage.setItem('p.fresh', JSON.stringify({ v: { name: 'y' }, at: DRAFT_MAX_AGE_MS }));
    storage.setItem('p.broken', '{not json');
    storage.setItem('p.shape', JSON.stringify({ name: 'no envelope' }));
    storage.setItem('rapport.identity', '{}');
    const store = createDraftStore(storage, 'p.', () => DRAFT_MAX_AGE_MS + 10);
    expect([...storage.items.keys()].sort()).toEqual(['p.fresh', 'rapport.identity']);
    expect(store.load('fresh')?.value).toEqual({ name: 'y' });
  });

  test('a full storage refuses quietly', () => {
    const storage = new MemoryStorage();
    const store = createDraftStore(storage, 'p.');
    storage.full = true;
    expect(store.save('a', { name: 'Ada' })).toBe(false);
    expect(store.load('a')).toBeNull();
  });

  test('differsFrom compares the values, not the objects', () => {
    expect(differsFrom({ a: '', b: false }, { a: '', b: false })).toBe(false);
    expect(differsFrom({ a: 'x', b: false }, { a: '', b: false })).toBe(true);
  });
});

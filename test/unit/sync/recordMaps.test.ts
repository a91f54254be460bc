import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CUSTOMER_DEFAULTS } from '../../../src/domain/customer';
import { MAP_ENTITIES } from '../../../src/sync/entities';
import { applyPatchToMap, createRecordMap, readRecordMap } from '../../../src/sync/recordMaps';

// How a record sits in its Y.Map: what is written, what reads back, and how two devices' edits of one record merge.

const shape = MAP_ENTITIES.customer;
const STAMP = { createdAt: 1_700_000_000_000, createdBy: 'member-a', createdOn: 'device-a', updatedAt: 1_700_000_000_000, updatedBy: 'member-a' };

/** A customers document holding one record, and a second device's copy of it. */
function twoDevices(record: Record<string, unknown>): { a: Y.Doc; b: Y.Doc; recordOn: (doc: Y.Doc) => Y.Map<unknown> } {
  const a = new Y.Doc();
  a.getMap<Y.Map<unknown>>('customers').set('c1', createRecordMap(record, shape));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const recordOn = (doc: Y.Doc) => {
    const map = doc.getMap<Y.Map<unknown>>('customers').get('c1');
    if (!map) throw new Error('record missing');
    return map;
  };
  return { a, b, recordOn };
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

describe('record maps', () => {
  test('a new record keeps tags member by member and its creation stamp as one value, and reads back whole', () => {
    const map = createRecordMap({ name: 'Li Lei', tags: ['vip', 'apac'], ...STAMP }, shape);
    new Y.Doc().getMap('customers').set('c1', map);
    expect([...map.keys()].sort()).toEqual(['created', 'name', 'tags:apac', 'tags:vip']);
    expect(readRecordMap('c1', map, shape)).toEqual({ ...CUSTOMER_DEFAULTS, id: 'c1', name: 'Li Lei', tags: ['apac', 'vip'], ...STAMP });
  });

  test('two devices giving a customer its first tags at once both keep theirs', () => {
    const { a, b, recordOn } = twoDevices({ name: 'Li Lei', ...STAMP });
    a.transact(() => applyPatchToMap(recordOn(a), { tags: ['vip'] }, shape));
    b.transact(() => applyPatchToMap(recordOn(b), { tags: ['apac'] }, shape));
    exchange(a, b);
    expect(readRecordMap('c1', recordOn(a), shape).tags).toEqual(['apac', 'vip']);
    expect(readRecordMap('c1', recordOn(b), shape).tags).toEqual(['apac', 'vip']);
  });

  test('one device removing a tag while another adds one: the removal and the addition both hold', () => {
    const { a, b, recordOn } = twoDevices({ name: 'Li Lei', tags: ['vip', 'apac'], ...STAMP });
    const changes = a.transact(() => applyPatchToMap(recordOn(a), { tags: ['apac'] }, shape));
    expect(changes).toEqual([{ field: 'tags', from: ['apac', 'vip'], to: ['apac'] }]);
    b.transact(() => applyPatchToMap(recordOn(b), { tags: ['apac', 'vip', 'key-account'] }, shape));
    exchange(a, b);
    expect(readRecordMap('c1', recordOn(b), shape).tags).toEqual(['apac', 'key-account']);
  });

  test('a nested tag map (earlier versions) reads the same and is edited in place', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    doc.getMap('customers').set('c1', map);
    doc.transact(() => {
      for (const [field, value] of Object.entries({ name: 'Zhou Min', createdAt: 5, createdBy: 'member-a', createdOn: 'device-a' })) map.set(field, value);
      const tags = new Y.Map<true>();
      map.set('tags', tags);
      tags.set('vip', true);
      tags.set('apac', true);
    });
    expect(readRecordMap('c1', map, shape)).toMatchObject({ name: 'Zhou Min', tags: ['apac', 'vip'], createdAt: 5, updatedAt: 5, updatedBy: 'member-a' });
    expect(doc.transact(() => applyPatchToMap(map, { tags: ['apac', 'new'] }, shape))).toEqual([{ field: 'tags', from: ['apac', 'vip'], to: ['apac', 'new'] }]);
    expect(readRecordMap('c1', map, shape).tags).toEqual(['apac', 'new']);
    expect([...(map.get('tags') as Y.Map<true>).keys()]).toEqual(['apac']);
  });

  test('a stamp that is not a list leaves the record without a creation time, for validation to refuse', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    doc.getMap('customers').set('c1', map);
    map.set('name', 'Broken');
    map.set('created', 'yesterday');
    const read = readRecordMap('c1', map, shape);
    expect(read.createdAt).toBeUndefined();
    expect(read).not.toHaveProperty('created');
  });
});

import { describe, expect, test } from 'vitest';
import { CustomerIndex, tokenize, type IndexedCustomer } from '../../../src/workers/customerIndex';
import { phoneTerms } from '../../../src/workers/phoneIndex';

function customer(id: string, name: string, extra: Partial<IndexedCustomer> = {}): IndexedCustomer {
  return {
    id,
    name,
    emails: [],
    phones: [],
    tags: [],
    lifecycle: 'customer',
    createdAt: Number(id) * 1000,
    updatedAt: Number(id) * 1000,
    alive: 1,
    ...extra,
  };
}

const query = { text: '', sort: 'name' as const, descending: false };

function sample(): CustomerIndex {
  const index = new CustomerIndex();
  index.upsert([
    customer('1', '王芳', { company: 'Acme 有限公司', phones: ['+8613812345678'], tags: ['vip'] }),
    customer('2', 'Wang Fang', { emails: ['wang.fang@example.com'], tags: ['vip', 'apac'], ownerId: 'm1' }),
    customer('3', 'Émile Zola', { company: 'Les Éditions', lifecycle: 'lead' }),
    customer('4', 'Alice Carter', { emails: ['alice@carter.io'], ownerId: 'm1', alive: 0 }),
    customer('5', '欧阳娜娜', { tags: ['apac'] }),
  ]);
  return index;
}

describe('tokenize', () => {
  test('splits Latin words and every Han character; lower-cases', () => {
    expect(tokenize('Wang.Fang 王芳 Acme有限公司')).toEqual(['wang', 'fang', '王', '芳', 'acme', '有', '限', '公', '司']);
  });

  test('phone suffixes a user would type', () => {
    expect(phoneTerms('+8613812345678')).toEqual(['8613812345678', '5678', '2345678', '12345678', '3812345678', '13812345678']);
  });
});

describe('CustomerIndex', () => {
  test('finds a Chinese name by any of its characters, and by the whole name', () => {
    const index = sample();
    expect(index.query({ ...query, text: '芳' }).ids).toEqual(['1']);
    expect(index.query({ ...query, text: '娜' }).ids).toEqual(['5']);
    expect(index.query({ ...query, text: '欧阳' }).ids).toEqual(['5']);
    expect(index.query({ ...query, text: '王芳' }).ids).toEqual(['1']);
  });

  test('finds by name prefix, email, company and phone tail; deleted customers only in the bin', () => {
    const index = sample();
    expect(index.query({ ...query, text: 'wan' }).ids).toEqual(['2']);
    expect(index.query({ ...query, text: 'example' }).ids).toEqual(['2']);
    expect(index.query({ ...query, text: '有限' }).ids).toEqual(['1']);
    expect(index.query({ ...query, text: '12345678' }).ids).toEqual(['1']);
    expect(index.query({ ...query, text: '138 1234 5678' }).ids).toEqual(['1']);
    expect(index.query({ ...query, text: '139 1234' }).ids).toEqual([]);
    expect(index.query({ ...query, text: 'alice' }).ids).toEqual([]);
    expect(index.query({ ...query, text: 'alice', deleted: true }).ids).toEqual(['4']);
  });

  test('digits find a phone by any suffix, an email of digits too; with words, both must match', () => {
    const index = new CustomerIndex();
    index.upsert([
      customer('1', 'Wang Fang', { phones: ['+8613812345678'] }),
      customer('2', 'Wang Lei', { phones: ['+8613912345678'], emails: ['13812345678@qq.com'] }),
      customer('3', 'Li Na', { phones: ['+8613812340000'] }),
      customer('4', 'Zhao Min', { company: '7 Days Inn' }),
    ]);
    // Digits alone: in the list's order (by name here), whichever field they match.
    expect(index.query({ ...query, text: '1381234' }).ids).toEqual(['3', '1', '2']);
    expect(index.query({ ...query, text: '5678' }).ids).toEqual(['1', '2']);
    expect(index.query({ ...query, text: '138 5678' }).ids).toEqual(['1', '2']);
    expect(index.query({ ...query, text: '13' }).ids).toEqual(['3', '1', '2']);
    expect(index.query({ ...query, text: '7' }).ids).toEqual(['4']);
    expect(index.query({ ...query, text: '23' }).ids).toEqual(['3', '1', '2']);
    // A number is not forgiven a typo as a long word is.
    expect(index.query({ ...query, text: '13812345679' }).ids).toEqual([]);
    expect(index.query({ ...query, text: 'wang 0000' }).ids).toEqual([]);
    expect(index.query({ ...query, text: 'wang 139' }).ids).toEqual(['2']);
    expect(index.query({ ...query, text: 'li 0000' }).ids).toEqual(['3']);
    expect(index.query({ ...query, text: 'wa 1381' }).ids).toEqual(['1', '2']);
    index.upsert([customer('1', 'Wang Fang', { phones: ['+8613800001111'] })], ['3']);
    expect(index.query({ ...query, text: '5678' }).ids).toEqual(['2']);
    expect(index.query({ ...query, text: '1111' }).ids).toEqual(['1']);
    expect(index.query({ ...query, text: '0000' }).ids).toEqual(['1']);
  });

  test('counts the live customers, following deletes, restores and removals', () => {
    const index = sample();
    expect(index.liveCount()).toBe(4);
    index.upsert([customer('3', 'Émile Zola', { alive: 0 }), customer('4', 'Alice Carter')]);
    expect(index.liveCount()).toBe(4);
    index.upsert([customer('6', 'Li Wei')], ['1', '2']);
    expect(index.liveCount()).toBe(3);
    expect(index.query(query).total).toBe(3);
  });

  test('forgives a typo in a long word', () => {
    expect(sample().query({ ...query, text: 'carterr', deleted: true }).ids).toEqual(['4']);
  });

  test('sorts by name (accents folded), creation and update time, either way; filters by tag, owner, stage', () => {
    const index = sample();
    expect(index.query(query).ids).toEqual(['3', '2', '5', '1']);
    expect(index.query({ ...query, sort: 'created', descending: true }).ids).toEqual(['5', '3', '2', '1']);
    expect(index.query({ ...query, tag: 'apac' }).ids).toEqual(['2', '5']);
    expect(index.query({ ...query, ownerId: 'm1' }).ids).toEqual(['2']);
    expect(index.query({ ...query, lifecycle: 'lead' }).ids).toEqual(['3']);
    const result = index.query(query);
    expect(result.total).toBe(4);
    // The first rows travel with the answer, as the list shows them.
    expect(result.head[1]).toEqual({ id: '2', name: 'Wang Fang', title: undefined, company: undefined, contact: 'wang.fang@example.com', lifecycle: 'customer', ownerId: 'm1' });
    expect(index.query({ ...query, text: 'wan' }).head.map((row) => row.name)).toEqual(['Wang Fang']);
    expect(result.tags).toEqual([
      { tag: 'apac', count: 2 },
      { tag: 'vip', count: 2 },
    ]);
  });

  test('an update replaces the old entry; a removal drops it', () => {
    const index = sample();
    index.upsert([customer('2', 'Fang Wang-Li', { tags: [] })], ['5']);
    expect(index.query({ ...query, text: 'wang' }).ids).toEqual(['2']);
    expect(index.query({ ...query, text: 'li' }).ids).toEqual(['2']);
    expect(index.query({ ...query, text: '娜' }).ids).toEqual([]);
    // Short queries read prefix lists that keep old entries: a renamed customer is not found by its old name.
    index.upsert([customer('3', 'Anne Bell', { company: 'Les Éditions', lifecycle: 'lead' })]);
    expect(index.query({ ...query, text: 'zo' }).ids).toEqual([]);
    expect(index.query({ ...query, text: 'an' }).ids).toEqual(['3']);
    expect(index.query({ ...query, text: 'a', sort: 'created', descending: true }).ids).toEqual(['3', '1']);
    expect(index.query({ ...query, text: 'a', sort: 'created' }).ids).toEqual(['1', '3']);
    expect(index.query(query).tags).toEqual([{ tag: 'vip', count: 1 }]);
  });
});

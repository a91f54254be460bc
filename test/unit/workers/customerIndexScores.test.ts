import { describe, expect, test } from 'vitest';
import { CustomerIndex, type CustomerQuery, type IndexedCustomer } from '../../../src/workers/customerIndex';

function customer(id: string, name: string): IndexedCustomer {
  return { id, name, emails: [], phones: [], tags: [], lifecycle: 'customer', createdAt: 0, updatedAt: 0, alive: 1 };
}

function sample(): CustomerIndex {
  const index = new CustomerIndex();
  index.upsert([customer('a', 'Ann'), customer('b', 'Bob'), customer('c', 'Cy'), customer('d', 'Di')]);
  index.setScores(
    new Map([
      ['a', { churnProbability: 0.2, clv: 5000, segment: 'recent.frequent.high_spend' }],
      ['b', { churnProbability: 0.9, clv: 100, segment: 'lapsed.rare.low_spend' }],
      ['c', { churnProbability: 0.5, segment: 'lapsed.rare.low_spend' }],
    ]),
  );
  return index;
}

const query = (extra: Partial<CustomerQuery>): CustomerQuery => ({ text: '', sort: 'name', descending: false, ...extra });

describe('customer list by analytics scores', () => {
  test('highest churn risk or value first; customers without a score last', () => {
    const index = sample();
    expect(index.query(query({ sort: 'churn', descending: true })).ids).toEqual(['b', 'c', 'a', 'd']);
    expect(index.query(query({ sort: 'churn', descending: false })).ids).toEqual(['a', 'c', 'b', 'd']);
    expect(index.query(query({ sort: 'clv', descending: true })).ids).toEqual(['a', 'b', 'c', 'd']);
  });

  test('filter by segment, and the segments on offer with their sizes', () => {
    const index = sample();
    const result = index.query(query({ segment: 'lapsed.rare.low_spend' }));
    expect(result.ids).toEqual(['b', 'c']);
    expect(result.segments).toEqual([
      { segment: 'lapsed.rare.low_spend', count: 2 },
      { segment: 'recent.frequent.high_spend', count: 1 },
    ]);
  });

  test('new scores re-sort the list', () => {
    const index = sample();
    expect(index.query(query({ sort: 'churn', descending: true })).ids[0]).toBe('b');
    expect(index.query(query({ sort: 'churn', descending: false })).ids[0]).not.toBe('d');
    index.setScores(new Map([['d', { churnProbability: 0.99 }]]));
    expect(index.query(query({ sort: 'churn', descending: true })).ids).toEqual(['d', 'a', 'b', 'c']);
    // Customers without a score stay last in either direction.
    expect(index.query(query({ sort: 'churn', descending: false })).ids).toEqual(['d', 'a', 'b', 'c']);
    expect(index.query(query({})).segments).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { encodeRows, fitEncoder, planColumns } from '../../../src/analytics/churn/encode';

// A hand-made table: an id, a category, a number with a blank, a 0/1 flag, a constant and a second number.
const names = ['id', 'plan', 'seats', 'senior', 'note', 'spend'];
const columns = [
  ['a', 'b', 'c', 'd'],
  ['pro', 'basic', 'pro', 'team'],
  ['1', '2', '3', ' '],
  ['0', '1', '0', '1'],
  ['x', 'x', 'x', 'x'],
  ['10', '20', '30', '40'],
];

describe('tabular encoder', () => {
  test('detects column kinds and excludes ids and constants', () => {
    const plan = planColumns(names, columns);
    expect(plan.columns.map((column) => column?.kind ?? null)).toEqual([null, 'categorical', 'numeric', 'binary', null, 'numeric']);
    expect(plan.excluded).toEqual([
      { name: 'id', reason: 'id' },
      { name: 'note', reason: 'constant' },
    ]);
  });

  test('fits on training rows only and applies to new rows (unseen level, blank number)', () => {
    const plan = planColumns(names, columns);
    const encoder = fitEncoder(plan, columns, [0, 1, 2]);
    // plan's levels from the training rows are basic, pro: basic (first, sorted) is dropped.
    expect(encoder.features.map((feature) => feature.name)).toEqual(['plan=pro', 'seats', 'senior', 'spend']);
    const sd = Math.sqrt(2 / 3); // population SD of 1, 2, 3 and of 10, 20, 30 (over 10)
    const train = encodeRows(encoder, columns, [0, 1, 2]);
    const expectedTrain = [1, -1 / sd, 0, -1 / sd, 0, 0, 1, 0, 1, 1 / sd, 0, 1 / sd];
    [...train.data].forEach((value, i) => expect(value).toBeCloseTo(expectedTrain[i] as number, 12));
    // Row d: 'team' was never seen (encodes like the dropped level), blank seats count as 0.
    const fresh = encodeRows(encoder, columns, [3]);
    const expectedFresh = [0, -2 / sd, 1, 2 / sd];
    [...fresh.data].forEach((value, i) => expect(value).toBeCloseTo(expectedFresh[i] as number, 12));
  });

  test('a non-number in a numeric column of new data is a clear error', () => {
    const plan = planColumns(names, columns);
    const encoder = fitEncoder(plan, columns, [0, 1, 2, 3]);
    const bad = columns.map((cells, i) => (i === 5 ? ['10', 'n/a', '30', '40'] : cells));
    expect(() => encodeRows(encoder, bad, [0, 1])).toThrow('column spend, row 2: "n/a" is not a number');
  });

  test('columns of numbers plan and encode exactly as the same numbers written as strings', () => {
    const numbers = [Float64Array.from([0.5, -2, 1e-7, 3.25]), Float64Array.from([0, 1, 1, 0]), Float64Array.from([4, 4, 4, 4]), Float64Array.from([1 / 3, 2, 7, 1e21])];
    const text = numbers.map((cells) => Array.from(cells, String));
    const names = ['a', 'flag', 'same', 'b'];
    const plan = planColumns(names, numbers);
    expect(plan).toEqual(planColumns(names, text));
    const byNumbers = fitEncoder(plan, numbers, [0, 1, 2]);
    expect(byNumbers).toEqual(fitEncoder(plan, text, [0, 1, 2]));
    expect(encodeRows(byNumbers, numbers, [3, 0, 1, 2])).toEqual(encodeRows(byNumbers, text, [3, 0, 1, 2]));
    expect(() => planColumns(['n'], [Float64Array.from([1, NaN])])).toThrow('column n: NaN is not a number a model can use');
  });
});

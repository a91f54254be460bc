import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { accuracy, auc, brierScore, calibrationTable, logLoss, stratifiedFolds } from '../../../src/analytics/churn/metrics';
import { column, readTable } from '../../../scripts/eval/table';

const DATA = join(import.meta.dirname, '../../../../shared/data');

describe('classifier metrics on a hand-computed case', () => {
  test('AUC counts tied pairs as half', () => {
    // Positives 0.35, 0.8, 0.4 against negatives 0.1, 0.4: pairs won 1 + 2 + 1.5 of 6.
    expect(auc([0.1, 0.4, 0.35, 0.8, 0.4], [0, 0, 1, 1, 1])).toBe(0.75);
    expect(() => auc([0.2, 0.3], [1, 1])).toThrow('AUC needs both classes');
  });

  test('accuracy, log-loss, Brier score and the calibration table', () => {
    const p = [0.1, 0.2, 0.3, 0.4];
    const y = [0, 0, 1, 1];
    expect(accuracy(p, y)).toBe(0.5);
    expect(accuracy(p, y, 0.25)).toBe(1);
    expect(logLoss(p, y)).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.3) + Math.log(0.4)) / 4, 14);
    expect(brierScore(p, y)).toBeCloseTo(0.225, 14);
    const table = calibrationTable(p, y, 2);
    expect(table.map((bin) => bin.count)).toEqual([2, 2]);
    expect(table[0]?.meanPredicted).toBeCloseTo(0.15, 14);
    expect(table[1]?.meanPredicted).toBeCloseTo(0.35, 14);
    expect(table.map((bin) => bin.observedRate)).toEqual([0, 1]);
  });
});

describe('stratified folds', () => {
  test('reproduce telco_folds.csv exactly', () => {
    const telco = readTable(join(DATA, 'telco/Telco-Customer-Churn.csv'));
    const published = readTable(join(DATA, 'telco/telco_folds.csv'));
    const ids = column(telco, 'customerID');
    const labels = Uint8Array.from(column(telco, 'Churn'), (value) => (value === 'Yes' ? 1 : 0));
    const folds = stratifiedFolds(ids, labels, 5);
    const expected = new Map(published.rows.map(([id, fold]) => [id, Number(fold)]));
    expect(expected.size).toBe(7043);
    expect(ids.every((id, row) => expected.get(id) === folds[row])).toBe(true);
  });

  test('deal each class round-robin in id order', () => {
    expect([...stratifiedFolds(['d', 'b', 'a', 'c', 'e'], [1, 0, 0, 1, 0], 2)]).toEqual([1, 1, 0, 0, 0]);
  });
});

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { encodeRows, fitEncoder, planColumns } from '../../../src/analytics/churn/encode';
import { fitLogistic, logisticProbabilities, sigmoid } from '../../../src/analytics/churn/logistic';
import { accuracy, auc } from '../../../src/analytics/churn/metrics';
import { column, readTable } from '../../../scripts/eval/table';

const DATA = join(import.meta.dirname, '../../../../shared/data');

describe('logistic regression', () => {
  test('without a penalty it reaches the closed-form maximum likelihood', () => {
    // x = 0: 1 churner in 4, x = 1: 3 in 4, so the intercept is log(1/3) and the weight log(3) - log(1/3).
    const x = { rows: 8, cols: 1, data: Float64Array.from([0, 0, 0, 0, 1, 1, 1, 1]) };
    const model = fitLogistic(x, [1, 0, 0, 0, 1, 1, 1, 0], { C: Infinity });
    expect(model.intercept).toBeCloseTo(Math.log(1 / 3), 10);
    expect(model.weights[0]).toBeCloseTo(2 * Math.log(3), 10);
  });

  test('with C = 0.5 the penalised optimality conditions hold', () => {
    const data = Float64Array.from([0.5, -1, 1.5, 2, -0.3, 0.7, -2, 0.1, 1, 1, 0, -1.2]);
    const y = [1, 0, 1, 0, 0, 1];
    const x = { rows: 6, cols: 2, data };
    const model = fitLogistic(x, y, { C: 0.5 });
    const p = logisticProbabilities(model, x);
    const gradient = [0, 0, 0];
    p.forEach((pi, i) => {
      const r = pi - (y[i] as number);
      gradient[0] = (gradient[0] as number) + 0.5 * r * (data[2 * i] as number);
      gradient[1] = (gradient[1] as number) + 0.5 * r * (data[2 * i + 1] as number);
      gradient[2] = (gradient[2] as number) + r;
    });
    expect(gradient[0]! + model.weights[0]!).toBeCloseTo(0, 10);
    expect(gradient[1]! + model.weights[1]!).toBeCloseTo(0, 10);
    expect(gradient[2]).toBeCloseTo(0, 10);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });

  test('IBM Telco, 5 given folds: REFERENCE.md §4 per-fold AUC and accuracy', () => {
    const telco = readTable(join(DATA, 'telco/Telco-Customer-Churn.csv'));
    const folds = new Map(readTable(join(DATA, 'telco/telco_folds.csv')).rows.map(([id, fold]) => [id, Number(fold)]));
    const names = (telco.header ?? []).filter((name) => name !== 'Churn');
    const columns = names.map((name) => column(telco, name));
    const labels = Uint8Array.from(column(telco, 'Churn'), (value) => (value === 'Yes' ? 1 : 0));
    const foldOf = column(telco, 'customerID').map((id) => folds.get(id));
    const plan = planColumns(names, columns);
    const aucs: number[] = [];
    let correct = 0;
    for (let fold = 0; fold < 5; fold++) {
      const train = foldOf.flatMap((f, row) => (f === fold ? [] : [row]));
      const test = foldOf.flatMap((f, row) => (f === fold ? [row] : []));
      const encoder = fitEncoder(plan, columns, train);
      expect(encoder.features).toHaveLength(30);
      const model = fitLogistic(encodeRows(encoder, columns, train), train.map((row) => labels[row] as number));
      const p = logisticProbabilities(model, encodeRows(encoder, columns, test));
      const y = test.map((row) => labels[row] as number);
      aucs.push(auc(p, y));
      correct += accuracy(p, y) * test.length;
    }
    const reference = [0.856726, 0.844244, 0.842017, 0.827748, 0.856255];
    aucs.forEach((value, fold) => expect(Math.abs(value - (reference[fold] as number))).toBeLessThan(0.002));
    expect(correct / labels.length).toBeCloseTo(0.806, 3);
  });
});

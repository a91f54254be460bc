import * as tf from '@tensorflow/tfjs';
import { describe, expect, test } from 'vitest';
import { encodeRows, fitEncoder, planColumns } from '../../../src/analytics/churn/encode';
import { auc } from '../../../src/analytics/churn/metrics';
import { calibrate, modelLogits, scoreChurn, trainChurnModels, type ChurnData } from '../../../src/analytics/churn/model';
import { fitNetwork, networkLogits } from '../../../src/analytics/churn/network';
import { SYNTHETIC_SEED, syntheticChurn } from './churnSynthetic';

console.info(`synthetic churn data seed: ${SYNTHETIC_SEED}`);
const table = syntheticChurn(600);
const data: ChurnData = { plan: planColumns(table.names, table.columns), columns: table.columns, ids: table.ids, labels: table.labels };
const trainRows = Array.from({ length: 450 }, (_, i) => i);
const testRows = Array.from({ length: 150 }, (_, i) => 450 + i);
const testLabels = testRows.map((row) => table.labels[row] as number);

describe('churn network (TensorFlow.js)', () => {
  test('learns, repeats exactly with the same seed and leaves no tensor behind', async () => {
    await tf.ready();
    const before = tf.memory().numTensors;
    const encoder = fitEncoder(data.plan, data.columns, trainRows);
    const train = { x: encodeRows(encoder, data.columns, trainRows.slice(0, 360)), labels: table.labels.slice(0, 360) };
    const validation = { x: encodeRows(encoder, data.columns, trainRows.slice(360)), labels: table.labels.slice(360, 450) };
    const first = await fitNetwork(train, validation, { seed: 7 });
    const second = await fitNetwork(train, validation, { seed: 7 });
    expect(second.model.w1).toEqual(first.model.w1);
    expect(second.epochs).toBe(first.epochs);
    const test = encodeRows(encoder, data.columns, testRows);
    expect(auc(networkLogits(first.model, test), testLabels)).toBeGreaterThan(0.8);
    const training = await trainChurnModels(data, trainRows);
    scoreChurn(training.models[training.chosen]!, data.columns, testRows);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('churn model selection, calibration and reasons', () => {
  test('keeps the candidate with the best validation AUC and refits every candidate', async () => {
    const training = await trainChurnModels(data, trainRows, { candidates: ['logistic', 'boosting'] });
    const entries = Object.entries(training.validationAuc);
    expect(entries.map(([kind]) => kind)).toEqual(['logistic', 'boosting', 'ensemble']);
    const best = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(training.chosen).toBe(best[0]);
    expect(Object.keys(training.models)).toEqual(['logistic', 'boosting', 'ensemble']);
    expect(training.models.ensemble?.members.map((member) => member.kind)).toEqual(['logistic', 'boosting']);
    for (const model of Object.values(training.models)) {
      expect(auc(scoreChurn(model, data.columns, testRows).probabilities, testLabels)).toBeGreaterThan(0.8);
    }
  });

  test('logistic reasons are the coefficient times the standardised value, through the calibrated sigmoid', async () => {
    const training = await trainChurnModels(data, trainRows, { candidates: ['logistic'] });
    expect(training.chosen).toBe('logistic');
    const model = training.models.logistic!;
    const member = model.members[0]!;
    if (member.kind !== 'logistic') throw new Error('expected a logistic member');
    const { probabilities, reasons } = scoreChurn(model, data.columns, testRows, 2);
    const x = encodeRows(model.encoder, data.columns, testRows);
    const logits = modelLogits(model, x);
    const usage = model.encoder.features.findIndex((feature) => feature.name === 'usage');
    let explained = 0;
    testRows.forEach((row, i) => {
      expect(probabilities[i]).toBeCloseTo(calibrate(model.calibration, logits[i] as number), 14);
      const reason = reasons[i]?.find((r) => r.column === 'usage');
      if (!reason) return;
      explained++;
      const contribution = (member.model.weights[usage] as number) * (x.data[i * x.cols + usage] as number);
      const expected = probabilities[i]! - calibrate(model.calibration, (logits[i] as number) - contribution);
      expect(reason.effect).toBeCloseTo(expected, 12);
      expect(reason.direction).toBe(expected > 0 ? 'raises' : 'lowers');
      expect(reason.value).toBe(data.columns[0]?.[row]);
    });
    expect(explained).toBeGreaterThan(100);
    // The customer with the least usage is at risk because of it.
    const lowest = testRows.reduce((a, b) => (Number(data.columns[0]?.[b]) < Number(data.columns[0]?.[a]) ? b : a));
    expect(reasons[testRows.indexOf(lowest)]?.[0]).toMatchObject({ column: 'usage', direction: 'raises' });
  });

  test('a customer whose risk is near certain still gets reasons (judged in log-odds, not in probability)', async () => {
    const training = await trainChurnModels(data, trainRows, { candidates: ['logistic'] });
    // Far less usage than anyone in the data, on the basic plan: p is ~1, so the plan moves p by a hair.
    const columns = table.columns.map((cells, j) => [...cells, ['-10', 'basic', '0.5', '0'][j] as string]);
    const row = columns[0]!.length - 1;
    const { probabilities, reasons } = scoreChurn(training.models.logistic!, columns, [row], 2);
    expect(probabilities[0]).toBeGreaterThan(0.999);
    expect(reasons[0]?.map((reason) => [reason.column, reason.direction])).toEqual([
      ['usage', 'raises'],
      ['plan', 'raises'],
    ]);
    expect(Math.abs(reasons[0]?.[1]?.effect ?? 1)).toBeLessThan(0.005);
  });

  test('Platt calibration makes the mean probability match the churn rate', async () => {
    const training = await trainChurnModels(data, trainRows, { candidates: ['boosting'] });
    const { probabilities } = scoreChurn(training.models.boosting!, data.columns, trainRows);
    const rate = trainRows.reduce((sum, row) => sum + (table.labels[row] as number), 0) / trainRows.length;
    const mean = probabilities.reduce((sum, p) => sum + p, 0) / probabilities.length;
    expect(Math.abs(mean - rate)).toBeLessThan(0.05);
  });
});

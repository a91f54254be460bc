import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { runChurn } from '../../../scripts/eval/churn';

const DATA = join(import.meta.dirname, '../../../../shared/data');

// The whole evaluation command on IBM Telco with the published folds: every model trained in each of 5 folds.
test('IBM Telco: logistic regression reproduces REFERENCE.md §4 and Rapport\'s model beats it', { timeout: 120_000 }, async () => {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n').filter((line) => line !== ''));
    return true;
  });
  const started = performance.now();
  try {
    await runChurn([
      '--csv', join(DATA, 'telco/Telco-Customer-Churn.csv'),
      '--target', 'Churn',
      '--folds', join(DATA, 'telco/telco_folds.csv'),
      '--json',
    ]);
  } finally {
    spy.mockRestore();
  }
  console.info(`${lines.slice(0, -1).join('\n')}\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const result = JSON.parse(lines.at(-1) as string) as {
    models: Record<string, { auc_per_fold: number[]; auc_mean: number }>;
    best: string;
  };
  const reference = [0.856726, 0.844244, 0.842017, 0.827748, 0.856255];
  const logistic = result.models.logistic!;
  logistic.auc_per_fold.forEach((value, fold) => expect(Math.abs(value - reference[fold]!)).toBeLessThan(0.002));
  const selected = result.models.selected!;
  expect(selected.auc_mean).toBeGreaterThanOrEqual(0.845);
  expect(selected.auc_mean).toBeGreaterThan(logistic.auc_mean);
});

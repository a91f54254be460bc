import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { runChurn } from '../../../scripts/eval/churn';
import { SYNTHETIC_SEED, syntheticChurn } from './churnSynthetic';

const dir = mkdtempSync(join(tmpdir(), 'rapport-churn-'));
const table = syntheticChurn(300);
const csv = (file: string, lines: string[]): string => {
  const path = join(dir, file);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};
const rows = table.ids.map((id, i) => [id, ...table.columns.map((cells) => cells[i]), table.labels[i] ? 'Yes' : 'No'].join(','));
const churnCsv = csv('churn.csv', ['customer,usage,plan,noise,senior,left', ...rows]);

async function run(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split('\n').filter((line) => line !== ''));
    return true;
  });
  try {
    await runChurn(args);
  } finally {
    spy.mockRestore();
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('eval churn', () => {
  test(`detects columns, deals 5 stratified folds and ends with the JSON line (seed ${SYNTHETIC_SEED})`, async () => {
    const lines = await run(['--csv', churnCsv, '--target', 'left', '--json']);
    expect(lines[0]).toBe(`${churnCsv}: 300 rows, ${table.labels.reduce((a, b) => a + b, 0)} positive (left), 5 folds`);
    expect(lines[1]).toBe('features: usage (numeric), plan (categorical), noise (numeric), senior (binary)');
    expect(lines[2]).toBe('excluded: customer (id)');
    const result = JSON.parse(lines.at(-1) as string);
    expect(result.task).toBe('churn');
    expect(Object.keys(result.models)).toEqual(['logistic', 'network', 'boosting', 'ensemble', 'selected']);
    for (const model of Object.values(result.models) as { auc_per_fold: number[]; auc_mean: number }[]) {
      expect(model.auc_per_fold).toHaveLength(5);
      expect(model.auc_mean).toBeCloseTo(model.auc_per_fold.reduce((a, b) => a + b) / 5, 12);
      expect(model.auc_mean).toBeGreaterThan(0.75);
    }
    const means = Object.entries(result.models as Record<string, { auc_mean: number }>);
    expect(result.best).toBe(means.reduce((a, b) => (b[1].auc_mean > a[1].auc_mean ? b : a))[0]);
  });

  test('a headerless file with columns by position, given folds and an explicit positive value', async () => {
    const headerless = csv('headerless.csv', rows.map((row) => row.replace(/,(Yes|No)$/, (_, value) => `,${value === 'Yes' ? 1 : 2}`)));
    const folds = csv('folds.csv', table.ids.map((id, i) => `${id},${i % 3}`));
    const lines = await run(['--csv', headerless, '--target', '6', '--positive', '1', '--id', '1', '--folds', folds, '--json']);
    expect(lines[0]).toMatch(/300 rows, \d+ positive \(6\), 3 folds$/);
    expect(JSON.parse(lines.at(-1) as string).models.logistic.auc_per_fold).toHaveLength(3);
  });

  test('clear errors: ambiguous positive value, unknown positive, blank target, missing fold', async () => {
    const twoWords = csv('words.csv', ['id,x,status', 'a,1,stayed', 'b,2,left', 'c,3,stayed']);
    await expect(run(['--csv', twoWords, '--target', 'status'])).rejects.toThrow(
      'words.csv: cannot tell which value of "status" means churn (it has "left", "stayed"): pass --positive <value>',
    );
    await expect(run(['--csv', twoWords, '--target', 'status', '--positive', 'gone'])).rejects.toThrow(
      '--positive "gone" is not a value of "status" (it has "left", "stayed")',
    );
    const blank = csv('blank.csv', ['id,x,churn', 'a,1,Yes', 'b,2, ', 'c,3,No']);
    await expect(run(['--csv', blank, '--target', 'churn'])).rejects.toThrow('blank.csv: row 3: the target column "churn" is blank');
    const partial = csv('partial.csv', ['customer,fold', `${table.ids[0]},0`]);
    await expect(run(['--csv', churnCsv, '--target', 'left', '--folds', partial])).rejects.toThrow(
      `partial.csv: no fold for id "${table.ids[1]}" (row 3 of ${churnCsv})`,
    );
    await expect(run(['--csv', churnCsv])).rejects.toThrow('--csv and --target are required');
  });
});

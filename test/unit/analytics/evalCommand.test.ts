import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { dateParser, parseOptionDate } from '../../../scripts/eval/dates';
import { DATA } from './cdnow';

const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

async function evalJson(args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('npx', ['tsx', 'scripts/eval.ts', ...args, '--json'], { cwd: ROOT });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
}

describe('eval command', () => {
  test('clv on the CDNOW sample in weeks reproduces BG/NBD and Gamma-Gamma (REFERENCE.md §2, §3)', async () => {
    const result = await evalJson([
      'clv',
      ...['--transactions', join(DATA, 'cdnow/CDNOW_sample.txt'), '--id', '2', '--date', '3', '--amount', '5'],
      ...['--unit', 'week', '--observation-end', '1997-09-30'],
    ]);
    expect(result).toMatchObject({ task: 'clv', customers: 2357, repeat_customers: 946 });
    const bgnbd = result.bgnbd as Record<string, number>;
    expect(Math.abs((bgnbd.ll as number) - -9582.4256)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((bgnbd.r as number) / 0.242593 - 1)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((bgnbd.alpha as number) / 4.413531 - 1)).toBeLessThanOrEqual(0.001);
    expect(Math.abs((bgnbd.a as number) / 0.792885 - 1)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((bgnbd.b as number) / 2.42575 - 1)).toBeLessThanOrEqual(0.01);
    // Fitted on unrounded mean spends (the reference used zbar rounded to cents): still within 0.5%.
    const gammagamma = result.gammagamma as Record<string, number>;
    expect(Math.abs((gammagamma.p as number) / 6.248835 - 1)).toBeLessThanOrEqual(0.005);
    expect(Math.abs((gammagamma.q as number) / 3.744586 - 1)).toBeLessThanOrEqual(0.005);
    expect(Math.abs((gammagamma.v as number) / 15.447653 - 1)).toBeLessThanOrEqual(0.005);
  }, 30_000);

  test('segments on CDNOW_master, k = 4 from the sorted-sum start (REFERENCE.md §5)', async () => {
    const result = await evalJson([
      'segments',
      ...['--transactions', join(DATA, 'cdnow/CDNOW_master.txt'), '--id', 'customer_id', '--date', 'date', '--amount', 'dollar_value'],
      ...['--snapshot', '1998-07-01', '--k', '4'],
    ]);
    expect(result).toMatchObject({ task: 'segments', k: 4, iterations: 34, sizes: [8971, 7389, 4866, 2344] });
    expect(result.inertia).toBeCloseTo(15897.398233, 6);
    expect(result.silhouette).toBeCloseTo(0.4065, 4);
  }, 30_000);

  test('a bad cell is reported with file, row and column', async () => {
    const failure = run('npx', ['tsx', 'scripts/eval.ts', 'clv', '--transactions', join(DATA, 'cdnow/CDNOW_sample.txt'), '--id', '2', '--date', '4'], {
      cwd: ROOT,
    });
    await expect(failure).rejects.toMatchObject({ stderr: expect.stringMatching(/CDNOW_sample.txt: row 1, column 4: "2" is not a date/) });
  }, 30_000);
});

describe('dates of the eval command', () => {
  test('yyyymmdd and ISO 8601 without a format, as UTC', () => {
    const parse = dateParser();
    expect(parse('19970101')).toBe(Date.UTC(1997, 0, 1));
    expect(parse('2014-03-08 00:00:00')).toBe(Date.UTC(2014, 2, 8));
    expect(parse('2014-03-08T10:20:30.5Z')).toBe(Date.UTC(2014, 2, 8, 10, 20, 30, 500));
    expect(parse('2014-03-08T10:20+02:00')).toBe(Date.UTC(2014, 2, 8, 8, 20));
    expect(() => parse('1997-02-30')).toThrow(/not a valid calendar date/);
    expect(() => parse('03/08/2014')).toThrow(/not a date \(expected yyyymmdd or ISO 8601/);
  });

  test('named formats', () => {
    expect(dateParser('MM/DD/YYYY')('3/8/2014')).toBe(Date.UTC(2014, 2, 8));
    expect(dateParser('DD/MM/YYYY')('03/08/2014')).toBe(Date.UTC(2014, 7, 3));
    expect(dateParser('YYYYMMDD')('19980630')).toBe(Date.UTC(1998, 5, 30));
    expect(dateParser('YYYY-MM-DD HH:mm')('2020-01-02 13:45')).toBe(Date.UTC(2020, 0, 2, 13, 45));
    expect(() => dateParser('DD/MM/YYYY')('2014-03-08')).toThrow(/does not match the date format DD\/MM\/YYYY/);
    expect(() => dateParser('MM/YYYY')).toThrow(/has no day/);
    expect(() => parseOptionDate('snapshot', 'soon')).toThrow(/--snapshot: "soon" is not a date/);
  });
});

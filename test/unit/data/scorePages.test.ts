import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import Dexie from 'dexie';
import { openWorkspaceDb, workspaceDbName, type RapportDb, type ScoreRow } from '../../../src/data/db';
import { forEachScorePage, replaceScores, scoreOf, scoresWhere } from '../../../src/data/scorePages';
import { newId } from '../../../src/platform/ids';

let db: RapportDb;
beforeEach(() => {
  db = openWorkspaceDb(newId());
});
afterEach(() => db.close());

const score = (customerId: string, runId: string, segment?: string): ScoreRow => ({ customerId, computedAt: 1, runId, ...(segment ? { segment } : {}) });
// Ids out of order, as no caller promises them sorted.
const ids = ['c07', 'c02', 'c10', 'c01', 'c05', 'c03', 'c09', 'c04', 'c08', 'c06'];

describe('score pages', () => {
  test('pages hold consecutive customers in id order; every customer is found, and no one else', async () => {
    await replaceScores(db, ids.map((id, i) => score(id, 'r1', i % 2 ? 'a' : 'b')), 3);
    const pages: string[][] = [];
    await forEachScorePage(db, (rows) => pages.push(rows.map((row) => row.customerId)));
    expect(pages).toEqual([['c01', 'c02', 'c03'], ['c04', 'c05', 'c06'], ['c07', 'c08', 'c09'], ['c10']]);
    for (const id of ids) expect((await scoreOf(db, id))?.customerId).toBe(id);
    // Before the first page, between two ids of a page, after the last page.
    for (const missing of ['c00', 'c035', 'c11']) expect(await scoreOf(db, missing)).toBeUndefined();
    expect((await scoresWhere(db, (row) => row.segment === 'a')).map((row) => row.customerId)).toEqual(['c01', 'c02', 'c03', 'c04', 'c06']);
  });

  test("a new run's scores replace the last run's whole, customers gone since included", async () => {
    await replaceScores(db, ids.map((id) => score(id, 'r1')), 3);
    await replaceScores(db, ['c02', 'c04', 'c11'].map((id) => score(id, 'r2')), 3);
    expect((await scoresWhere(db, () => true)).map((row) => [row.customerId, row.runId])).toEqual([['c02', 'r2'], ['c04', 'r2'], ['c11', 'r2']]);
    expect(await scoreOf(db, 'c01')).toBeUndefined();
    expect(await scoreOf(db, 'c07')).toBeUndefined();
    await replaceScores(db, [], 3);
    expect(await db.scorePages.count()).toBe(0);
    expect(await scoreOf(db, 'c02')).toBeUndefined();
  });
});

test('a device upgraded from a score row per customer forgets its runs, so its leader analyses again', async () => {
  const workspaceId = newId();
  const old = new Dexie(workspaceDbName(workspaceId));
  old.version(5).stores({ scores: 'customerId, segment', analyticsRuns: 'id, startedAt' });
  await old.table('scores').put(score('c01', 'r1'));
  await old.table('analyticsRuns').put({ id: 'r1', startedAt: 1, status: 'done' });
  old.close();
  const upgraded = openWorkspaceDb(workspaceId);
  expect(await upgraded.analyticsRuns.count()).toBe(0);
  expect(await upgraded.scorePages.count()).toBe(0);
  expect(upgraded.tables.map((table) => table.name)).not.toContain('scores');
  upgraded.close();
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCustomer, DESKTOP, launchPersistentChromium, serveApp, startWorkspace, type AppServer, readTable } from './support/browser';

// Import, duplicates, merge, export and backup through the UI of the production build, in real Chromium.

/** A cap on waiting for what the user would see (the worker and the leader run on a busy machine). */
const WAIT = { timeout: 30_000 };

let server: AppServer;
let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  server = await serveApp();
  ({ context, close } = await launchPersistentChromium(DESKTOP));
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await startWorkspace(page);
});

afterAll(async () => {
  await close?.();
  await server?.close();
});


const aliveNames = async (on: Page) =>
  (await readTable(on, 'customers'))
    .filter((c) => c.alive === 1)
    .map((c) => String(c.name))
    .sort();

async function chooseFile(on: Page, name: string, content: string | Buffer, mimeType = 'text/csv'): Promise<void> {
  await on.goto(`${server.url}/import`);
  await on.getByTestId('import-file').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });
}

async function download(on: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([on.waitForEvent('download'), click()]);
  return readFileSync(await file.path(), 'utf8');
}

const PEOPLE = [
  'Name,Email,Phone,Company',
  'Ann Lee,ann@example.com,+1 202 555 0101,Acme',
  'Bob Stone,bob@example,,',
  'Cy Young,cy@example.com,,Beta',
  ',nobody@example.com,,',
  'Dee Ray,DEE@example.com,,',
  'Ann Lee,ANN@example.com,,Acme',
].join('\r\n');

describe('import, merge, export and backup', () => {
  test('a CSV with bad rows: the report names file row, column and reason; the valid rows land, duplicates merged', async () => {
    await chooseFile(page, 'people.csv', PEOPLE);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('preview-invalid-rows').textContent(), WAIT).toBe('2');
    expect(await page.getByTestId('preview-valid-rows').textContent()).toBe('4');
    expect(await page.getByTestId('issue-row').allInnerTexts()).toEqual(['3\tEmail\tbob@example\tNot a valid email address', '5\tName\t\tRequired value is missing']);
    expect(await page.getByTestId('duplicate-group').count()).toBe(1);
    const report = await download(page, () => page.getByTestId('download-errors').click());
    expect(report.split('\r\n')).toEqual(['\uFEFFrow,column,value,reason', '3,Email,bob@example,invalid_email', '5,Name,,required']);

    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toBe('Imported: 3 new customers, 0 updated, 0 interactions.');
    expect(await aliveNames(page)).toEqual(['Ann Lee', 'Cy Young', 'Dee Ray']);
    const ann = (await readTable(page, 'customers')).find((c) => c.name === 'Ann Lee');
    expect(ann).toMatchObject({ emails: ['ann@example.com'], phones: ['+12025550101'], company: 'Acme' });
  });

  test('importing the same file again finds every customer and creates no duplicate', async () => {
    await chooseFile(page, 'people.csv', PEOPLE);
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('duplicate-group').count(), WAIT).toBe(3);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await aliveNames(page)).toEqual(['Ann Lee', 'Cy Young', 'Dee Ray']);
  });

  test('merging two customers from the list keeps both timelines', async () => {
    await createCustomer(page, server.url, { name: 'Cy Young', emails: 'cy.young@example.com', company: 'Beta' });

    // Their history comes in as a file of interactions, keyed by email.
    await chooseFile(page, 'history.csv', 'Email,Date,Type,Subject\r\ncy@example.com,2025-01-02,note,First visit\r\ncy.young@example.com,2025-02-03,call,Follow-up\r\n');
    await page.getByTestId('import-kind-interactions').check();
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('preview-new-customers').textContent(), WAIT).toBe('0');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toBe('Imported: 0 new customers, 0 updated, 2 interactions.');

    await page.goto(`${server.url}/customers`);
    await page.getByTestId('find-duplicates').click();
    const group = page.getByTestId('workspace-duplicate');
    await expect.poll(() => group.count(), WAIT).toBe(1);
    await group.getByTestId('merge-group').click();
    await page.getByTestId('merge-done').waitFor();
    const cys = (await readTable(page, 'customers')).filter((c) => c.name === 'Cy Young');
    const survivor = cys.find((c) => c.alive === 1);
    expect(cys.map((c) => c.alive).sort()).toEqual([0, 1]);
    expect(survivor?.emails).toEqual(['cy@example.com', 'cy.young@example.com']);
    await page.goto(`${server.url}/customers/${String(survivor?.id)}`);
    await expect.poll(() => page.getByTestId('timeline-item').count(), WAIT).toBe(2);
  });

  test('the customer list exports as CSV with its columns', async () => {
    await page.goto(`${server.url}/customers`);
    await expect.poll(() => page.getByTestId('customer-row').count(), WAIT).toBe(3);
    const csv = await download(page, () => page.getByTestId('export-csv').click());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFName,Title,Company,Email,Phone,Stage,Owner,Tags');
    expect(lines.slice(1).map((line) => line.split(',')[0]).sort()).toEqual(['Ann Lee', 'Cy Young', 'Dee Ray']);
  });

  test('a backup restored into an empty workspace gives identical customers and interactions', async () => {
    await page.goto(`${server.url}/import`);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-backup').click()]);
    const backup = readFileSync(await file.path());

    const fresh = await launchPersistentChromium(DESKTOP);
    try {
      const other = fresh.context.pages()[0] ?? (await fresh.context.newPage());
      await other.goto(server.url);
      await startWorkspace(other, 'Bo Restorer');
      await chooseFile(other, 'rapport-backup.json', backup, 'application/json');
      await other.getByTestId('restore-backup').click();
      await other.getByTestId('restore-done').waitFor();
      const byId = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      for (const table of ['customers', 'interactions', 'audit']) {
        expect(byId(await readTable(other, table)), table).toEqual(byId(await readTable(page, table)));
      }
    } finally {
      await fresh.close();
    }
  });

  test('"Undo this import" soft-deletes exactly that import’s records', async () => {
    await page.goto(`${server.url}/import`);
    const jobs = page.getByTestId('import-job');
    await expect.poll(() => jobs.count(), WAIT).toBe(4);
    // Newest first: the merge, the history file, the re-import, the first import.
    await jobs.nth(3).getByTestId('undo-import').click();
    await expect.poll(() => jobs.nth(3).locator('.badge').textContent(), WAIT).toBe('Undone');
    const customers = await readTable(page, 'customers');
    expect(customers.filter((c) => c.name === 'Ann Lee' || c.name === 'Dee Ray').map((c) => c.alive)).toEqual([0, 0]);
    expect(customers).toHaveLength(4);
  });

  test('a purchase history (CDNOW) comes in as interactions: a customer per id, purchases on their timelines, once', async () => {
    const lines = readFileSync(join(import.meta.dirname, '../..', '../shared/data/cdnow/CDNOW_master.txt'), 'latin1').split('\n').slice(0, 1001);
    const file = lines.join('\n');
    const ids = lines.slice(1).map((line) => line.trim().split(/\s+/)[0]);
    await chooseFile(page, 'CDNOW_master.txt', file, 'text/plain');
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('preview-new-customers').textContent(), WAIT).toBe(String(new Set(ids).size));
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toBe(`Imported: ${new Set(ids).size} new customers, 0 updated, 1,000 interactions.`);
    const first = (await readTable(page, 'customers')).find((c) => c.name === '00001');
    await page.goto(`${server.url}/customers/${String(first?.id)}`);
    await expect.poll(() => page.getByTestId('timeline-item').count(), WAIT).toBe(ids.filter((id) => id === '00001').length);

    await chooseFile(page, 'CDNOW_master.txt', file, 'text/plain');
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('preview-known-interactions').textContent(), WAIT).toBe('1,000');
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
  });

  test('a long list of issues is drawn as it scrolls, down to its last row', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `Bad ${i + 1},bad${i + 1}@example`);
    await chooseFile(page, 'bad.csv', ['Name,Email', ...rows].join('\n'));
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('preview-invalid-rows').textContent(), WAIT).toBe('300');
    expect(await page.getByTestId('issue-row').first().innerText()).toBe('2\tEmail\tbad1@example\tNot a valid email address');
    expect(await page.getByTestId('issue-row').count()).toBeLessThan(60);
    await page.getByTestId('issue-table').evaluate((table) => table.parentElement?.scrollTo({ top: table.scrollHeight }));
    await expect.poll(() => page.getByTestId('issue-row').last().innerText(), WAIT).toBe('301\tEmail\tbad300@example\tNot a valid email address');
  });

  /** Starts importing `rows` in a second tab and closes that tab once the first chunk is written. */
  async function interruptedImport(fileName: string, rows: string): Promise<void> {
    const tab = await context.newPage();
    await chooseFile(tab, fileName, rows);
    await tab.getByTestId('import-check').click();
    await tab.getByTestId('import-commit').click();
    await expect
      .poll(async () => (await readTable(tab, 'importJobs')).some((job) => job.fileName === fileName && Number(job.rowsDone) > 0), { timeout: 30_000 })
      .toBe(true);
    await tab.close();
    await page.goto(`${server.url}/import`);
    await page.getByTestId('roll-back').waitFor();
  }

  // Five chunks of a commit (COMMIT_CHUNK): the tab closes after the first, well before the last.
  const MANY = 5_000;
  const manyRows = (prefix: string) => ['Name,Email', ...Array.from({ length: MANY }, (_, i) => `${prefix} ${i},${prefix.toLowerCase()}${i}@example.com`)].join('\n');
  const named = async (prefix: string) => (await readTable(page, 'customers')).filter((c) => String(c.name).startsWith(prefix));

  test('an import interrupted by closing its tab is resumed with the same file and writes nothing twice', async () => {
    const rows = manyRows('Resumed');
    await interruptedImport('resume.csv', rows);
    await page.getByTestId('resume-file').setInputFiles({ name: 'resume.csv', mimeType: 'text/csv', buffer: Buffer.from(rows) });
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    const customers = await named('Resumed ');
    expect(customers).toHaveLength(MANY);
    expect(new Set(customers.map((c) => c.name)).size).toBe(MANY);
  });

  test('an interrupted import rolled back leaves none of its records alive', async () => {
    await interruptedImport('rollback.csv', manyRows('Rolled'));
    // The reloaded leader projects what the closed tab wrote only once it has loaded the documents again.
    await expect.poll(async () => (await named('Rolled ')).length, WAIT).toBeGreaterThan(0);
    await page.getByTestId('roll-back').click();
    await page.getByTestId('roll-back').waitFor({ state: 'detached', timeout: 60_000 });
    expect((await named('Rolled ')).filter((c) => c.alive === 1)).toEqual([]);
  });

  test('hundreds of duplicate groups: every one reachable by scrolling; a bulk choice, one group decided otherwise', async () => {
    // 120 customers twice over (the same email): 120 groups, more than the preview carries at once.
    const rows = Array.from({ length: 120 }, (_, i) => `Pair ${String(i + 1).padStart(3, '0')},pair${i + 1}@example.org`);
    await chooseFile(page, 'pairs.csv', ['Name,Email', ...rows, ...rows].join('\r\n'));
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('preview-duplicate-groups').textContent(), WAIT).toBe('120');
    await page.getByTestId('bulk-keep').click();
    const scroller = page.locator('.duplicate-scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const last = page.getByTestId('duplicate-group').filter({ hasText: 'Pair 120' });
    await last.waitFor(WAIT);
    expect(await last.getByRole('radio', { name: 'Keep both' }).isChecked()).toBe(true);
    await last.getByRole('radio', { name: 'Merge' }).check();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor(WAIT);
    const pairs = (await aliveNames(page)).filter((name) => name.startsWith('Pair '));
    expect(pairs).toHaveLength(239);
    expect(pairs.filter((name) => name === 'Pair 120')).toHaveLength(1);
    expect(pairs.filter((name) => name === 'Pair 001')).toHaveLength(2);
  });
});

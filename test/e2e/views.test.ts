import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCustomer, DESKTOP, openStartedApp, readTable, type OpenedApp } from './support/browser';

// Saved views on the customer list: the current filters and columns saved under a name, applied again later,
// renamed, shared and deleted; the view is kept in the workspace's settings with its owner.

const WAIT = { timeout: 15_000 } as const;
let app: OpenedApp;

beforeAll(async () => {
  app = await openStartedApp(DESKTOP);
}, 60_000);

afterAll(async () => {
  await app?.close();
});

test('save the customer list as a view, pick it again, rename, share and delete it', async () => {
  const { page, server } = app;
  await createCustomer(page, server.url, { name: 'Ada Lead', emails: 'ada@example.com' });
  await createCustomer(page, server.url, { name: 'Bo Buyer', emails: 'bo@example.com' });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByTestId('customer-count').filter({ hasText: '2 of 2 customers' }).waitFor(WAIT);

  // Leads only, without the contact column.
  await page.getByTestId('filter-lifecycle').selectOption('lead');
  await page.getByTestId('columns-customers').locator('summary').click();
  await page.getByTestId('column-contact').uncheck();
  await expect.poll(() => page.getByTestId('customer-row').first().locator('.customer-contact').count(), WAIT).toBe(0);

  // One menu open at a time: opening Views closes Columns.
  const menu = page.getByTestId('views-customers');
  const columns = page.getByTestId('columns-customers');
  await menu.locator('summary').click();
  await expect.poll(() => columns.evaluate((element) => (element as HTMLDetailsElement).open), WAIT).toBe(false);
  await menu.getByTestId('view-save').click();
  await menu.getByRole('alert').filter({ hasText: 'Required.' }).waitFor(WAIT);
  await menu.getByLabel('Save current as…').fill('My leads');
  await menu.getByTestId('view-save').click();
  await menu.getByRole('button', { name: 'Show My leads' }).waitFor(WAIT);
  await menu.locator('summary').filter({ hasText: 'Views: My leads' }).waitFor(WAIT);

  // Back to everything, then the view brings the filter and the columns back.
  await page.getByTestId('filter-lifecycle').selectOption('');
  await columns.locator('summary').click();
  await page.getByTestId('column-contact').check();
  await menu.locator('summary').filter({ hasText: /^Views$/ }).waitFor(WAIT);
  await menu.locator('summary').click();
  await menu.getByRole('button', { name: 'Show My leads' }).click();
  expect(await page.getByTestId('filter-lifecycle').inputValue()).toBe('lead');
  expect(await page.getByTestId('column-contact').isChecked()).toBe(false);
  await menu.locator('summary').filter({ hasText: 'Views: My leads' }).waitFor(WAIT);

  await menu.getByTestId('view-rename').click();
  await menu.getByTestId('view-rename-input').fill('Leads, no contact');
  await menu.getByRole('button', { name: 'Save name' }).click();
  await menu.getByRole('button', { name: 'Show Leads, no contact' }).waitFor(WAIT);
  await menu.getByTestId('view-share').check();

  const { memberId } = await page.evaluate(() => JSON.parse(localStorage.getItem('rapport.identity') ?? '{}') as { memberId: string });
  const savedViews = async () => {
    const rows = await readTable<{ key: string; value: { views?: { name: string; shared: boolean; ownerId: string }[] } }>(page, 'device');
    return (rows.find((row) => row.key === 'settings')?.value.views ?? []).map(({ name, shared, ownerId }) => ({ name, shared, ownerId }));
  };
  await expect.poll(savedViews, WAIT).toEqual([{ name: 'Leads, no contact', shared: true, ownerId: memberId }]);

  await menu.getByRole('button', { name: 'Delete view Leads, no contact' }).click();
  await menu.getByText('No saved views yet.').waitFor(WAIT);
}, 120_000);

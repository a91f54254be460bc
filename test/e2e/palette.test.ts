import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCustomer, DESKTOP, openStartedApp, PHONE, type OpenedApp } from './support/browser';

// The command palette, the shortcuts sheet and form drafts on the production build in real Chromium, at desktop and
// phone sizes: jump to a customer by part of their name, read the shortcuts, leave a form and find the text kept.

const POLL = { timeout: 15_000 };

/** The form drafts kept in this page's localStorage (src/app/shared/hooks/useDraft.ts). */
function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('rapport.draft.')));
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('palette, shortcuts and drafts on a %s', (kind, viewport) => {
  let app: OpenedApp;
  let page: Page;
  let url: string;

  beforeAll(async () => {
    app = await openStartedApp(viewport);
    page = app.page;
    url = app.server.url;
  });

  afterAll(async () => {
    await app?.close();
  });

  test('Ctrl+K, part of a customer name, Enter: that customer opens; Escape closes and focus returns', async () => {
    await createCustomer(page, url, { name: 'Ada Lovelace', company: 'Analytical Engines' });
    await createCustomer(page, url, { name: 'Grace Hopper' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`${url}/`);

    await page.keyboard.press('Control+K');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor(POLL);
    const input = palette.getByRole('combobox', { name: 'Search customers, deals, tickets, pages and actions' });
    await expect.poll(() => activeTestId(page), POLL).toBe('palette-input');
    await input.pressSequentially('lovel');
    const option = palette.getByRole('option', { name: /Ada Lovelace/ });
    await option.waitFor(POLL);
    await expect.poll(() => option.getAttribute('aria-selected'), POLL).toBe('true');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBe(await option.getAttribute('id'));
    expect(await palette.getByRole('option').allTextContents()).not.toContainEqual(expect.stringContaining('Grace Hopper'));
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-name').filter({ hasText: 'Ada Lovelace' }).waitFor(POLL);
    await expect.poll(() => palette.count(), POLL).toBe(0);
    expect(page.url()).toMatch(/\/customers\/[^/]+$/);

    // The button, for touch users: arrows move the active option; Escape closes and focus goes back to the button.
    const button = page.getByTestId('palette-button');
    await button.click();
    await palette.waitFor(POLL);
    await input.fill('new');
    await palette.getByRole('option', { name: 'New customer' }).waitFor(POLL);
    const first = await input.getAttribute('aria-activedescendant');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => input.getAttribute('aria-activedescendant'), POLL).not.toBe(first);
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count(), POLL).toBe(0);
    await expect.poll(() => activeTestId(page), POLL).toBe('palette-button');

    // Pages and actions by name: "pipe" then Enter opens the pipeline.
    await button.click();
    await input.fill('pipe');
    await palette.getByRole('option', { name: 'Pipeline' }).waitFor(POLL);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/pipeline`, POLL);
  });

  test('"?" shows the shortcuts sheet; g then c goes to the customers; n opens the new-customer form', async () => {
    await page.goto(`${url}/`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor(POLL);
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor(POLL);
    const rows = await sheet.getByTestId('shortcut').allTextContents();
    for (const text of ['Open the command palette', 'Go to Customers', 'Go to Pipeline', 'Go to Tickets', 'Go to Home', 'New item of the current page', 'Focus the page’s search box', 'Show this list']) {
      expect(rows).toContainEqual(expect.stringContaining(text));
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count(), POLL).toBe(0);

    await page.keyboard.press('g');
    await page.keyboard.press('c');
    await page.waitForURL(`${url}/customers`, POLL);
    await page.getByTestId('customer-search').waitFor(POLL);
    await page.keyboard.press('/');
    await expect.poll(() => activeTestId(page), POLL).toBe('customer-search');
    // Typed into a field, "n" is a letter, not a shortcut.
    await page.keyboard.press('n');
    expect(page.url()).toBe(`${url}/customers`);
    await page.getByTestId('customer-search').fill('');
    await page.getByRole('heading', { name: 'Customers' }).click();
    await page.keyboard.press('n');
    await page.waitForURL(`${url}/customers/new`, POLL);
  });

  test('a new-customer form left by accident is restored when opened again; a save clears the draft', async () => {
    await page.goto(`${url}/customers/new`);
    const form = page.getByTestId('customer-form');
    await form.getByLabel('Name').fill(`Draft Person ${kind}`);
    await form.getByLabel('Company').fill('Unsaved Ltd');
    await expect.poll(() => form.getByTestId('draft-notice').count()).toBe(0);

    // Away through the navigation (the form unmounts at once, within the debounce), and back.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(`${url}/customers`, POLL);
    await expect.poll(() => draftKeys(page), POLL).toEqual([expect.stringMatching(/\.customer:new$/)]);
    await page.getByRole('link', { name: 'New customer' }).click();
    await expect.poll(() => form.getByLabel('Name').inputValue(), POLL).toBe(`Draft Person ${kind}`);
    expect(await form.getByLabel('Company').inputValue()).toBe('Unsaved Ltd');
    await form.getByTestId('draft-notice').filter({ hasText: 'Draft restored' }).waitFor(POLL);

    // A reload (a closed tab, a crash) keeps it too.
    await page.reload();
    await expect.poll(() => form.getByLabel('Name').inputValue(), POLL).toBe(`Draft Person ${kind}`);

    await form.getByRole('button', { name: 'Create customer' }).click();
    await page.getByTestId('customer-name').filter({ hasText: `Draft Person ${kind}` }).waitFor(POLL);
    await expect.poll(() => draftKeys(page), POLL).toEqual([]);
    await page.goto(`${url}/customers/new`);
    await form.getByLabel('Name').waitFor(POLL);
    expect(await form.getByLabel('Name').inputValue()).toBe('');
    expect(await form.getByTestId('draft-notice').count()).toBe(0);

    // Discard forgets a draft.
    await form.getByLabel('Name').fill('Never mind');
    await expect.poll(() => draftKeys(page), POLL).toHaveLength(1);
    await page.goto(`${url}/customers`);
    await page.goto(`${url}/customers/new`);
    await form.getByTestId('draft-notice').waitFor(POLL);
    await form.getByRole('button', { name: 'Discard the draft and start again' }).click();
    await expect.poll(() => form.getByLabel('Name').inputValue(), POLL).toBe('');
    await expect.poll(() => draftKeys(page), POLL).toEqual([]);
  });
});

import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCustomer, DESKTOP, launchPersistentChromium, PHONE, readTable, serveApp, startWorkspace, type AppServer } from './support/browser';

// A rep's day on the production build in real Chromium: a deal is created from its customer, dragged (mouse on a
// desktop, a finger on a phone), moved with the keyboard and won, and the forecast follows to the cent.

let server: AppServer;

beforeAll(async () => {
  server = await serveApp();
});

afterAll(async () => {
  await server?.close();
});

/** "$1,234.56" → 123456. */
function cents(text: string | null): number {
  return Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);
}

async function centsOf(locator: Locator): Promise<number> {
  return (await locator.count()) ? cents(await locator.first().textContent()) : 0;
}

async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse from anywhere on the card. */
async function dragWithMouse(page: Page, card: Locator, to: { x: number; y: number }): Promise<void> {
  const from = await center(card.locator('.deal-card-customer'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 10; step += 1) await page.mouse.move(from.x + ((to.x - from.x) * step) / 10, from.y + ((to.y - from.y) * step) / 10);
  await page.mouse.up();
}

/** Drags with a finger by the card's handle: real touch input, which Chromium turns into touch pointer events. */
async function dragWithFinger(context: BrowserContext, page: Page, card: Locator, to: { x: number; y: number }): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const from = await center(card.locator('.deal-handle'));
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', from.x, from.y);
  for (let step = 1; step <= 12; step += 1) await touch('touchMove', from.x + ((to.x - from.x) * step) / 12, from.y + ((to.y - from.y) * step) / 12);
  await touch('touchEnd', to.x, to.y);
  await cdp.detach();
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('the pipeline on a %s', (kind, viewport) => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ context, close } = await launchPersistentChromium(viewport));
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await startWorkspace(page);
  });

  afterAll(async () => {
    await close?.();
  });

  test('a deal from its customer, dragged, moved by keyboard and won: the forecast follows exactly', async () => {
    await createCustomer(page, server.url, { name: 'Ada Buyer' });

    await page.getByTestId('customer-new-deal').click();
    const form = page.getByTestId('deal-form');
    await form.getByTestId('deal-customer').filter({ hasText: 'Ada Buyer' }).waitFor();
    await form.getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual(['Required.', 'Required.']);

    const today = new Date();
    const month = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
    await form.getByLabel('Title').fill('Fleet renewal');
    await form.getByLabel('Amount').fill('1,000.00');
    await form.getByLabel('Expected close').fill(`${month}-15`);
    await form.getByRole('button', { name: 'Create deal' }).click();
    await page.getByTestId('deal-title').filter({ hasText: 'Fleet renewal' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipeline' }).click();
    const monthWeighted = page.getByTestId(`forecast-${month}`).getByTestId('forecast-weighted');
    const won = page.getByTestId('won-this-month');
    const card = page.getByTestId('deal-card').filter({ hasText: 'Fleet renewal' });
    await page.getByTestId('stage-qualification').getByTestId('deal-card').filter({ hasText: 'Fleet renewal' }).waitFor();
    await expect.poll(() => page.getByTestId('stage-qualification').getByTestId('stage-summary').textContent()).toBe('1 deal · $1,000.00');
    // Qualification: 10 % of $1,000.00.
    await expect.poll(() => centsOf(monthWeighted)).toBe(10_000);
    const wonBefore = await centsOf(won);

    const target = page.getByTestId('stage-needs-analysis');
    const box = await target.boundingBox();
    if (!box) throw new Error('no needs-analysis column');
    // On a phone the next column only peeks in at the right edge: drop on the part that shows.
    const drop = { x: Math.min(box.x + box.width / 2, viewport.width - 20), y: box.y + 120 };
    if (kind === 'phone') await dragWithFinger(context, page, card, drop);
    else await dragWithMouse(page, card, drop);
    await target.getByTestId('deal-card').filter({ hasText: 'Fleet renewal' }).waitFor();
    // Needs analysis: 25 %, so the month's forecast grows by $150.00.
    await expect.poll(() => centsOf(monthWeighted)).toBe(10_000 + 15_000);

    await card.focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByTestId('stage-proposal').getByTestId('deal-card').filter({ hasText: 'Fleet renewal' }).waitFor();
    await page.getByTestId('pipeline-announcer').filter({ hasText: 'Fleet renewal moved to Proposal.' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('deal-card');
    expect(page.url()).toBe(`${server.url}/pipeline`);
    // Proposal: 50 %, another $250.00.
    await expect.poll(() => centsOf(monthWeighted)).toBe(25_000 + 25_000);

    await card.getByTestId('deal-move').selectOption('won');
    await page.getByTestId('pipeline-announcer').filter({ hasText: 'Fleet renewal won.' }).waitFor();
    await expect.poll(() => card.count()).toBe(0);
    // Won: it leaves the forecast ($500.00 less) and adds its whole $1,000.00 to this month's wins.
    await expect.poll(() => centsOf(monthWeighted)).toBe(0);
    await expect.poll(() => centsOf(page.getByTestId('forecast-total'))).toBe(0);
    await expect.poll(() => centsOf(won)).toBe(wonBefore + 100_000);

    const [deal] = await readTable(page, 'deals');
    expect(deal).toMatchObject({ title: 'Fleet renewal', amountMinor: 100_000, currency: 'USD', stage: 'won' });
    expect(deal?.closedAt).toBeTypeOf('number');
    expect(deal?.probability).toBeUndefined();

    await page.getByTestId('view-list').click();
    await page.getByLabel('Show').selectOption('won');
    await expect.poll(() => page.getByTestId('deal-row').allTextContents()).toEqual([expect.stringContaining('Fleet renewal')]);
  });

  test('a deal for a customer found by name; nothing on the board is too small to tap or wider than the page', async () => {
    await page.goto(`${server.url}/pipeline`);
    await page.getByTestId('view-board').click();
    await page.getByRole('link', { name: 'New deal' }).click();
    const form = page.getByTestId('deal-form');
    await form.getByLabel('Customer').fill('ada b');
    await form.getByRole('button', { name: 'Ada Buyer' }).click();
    await form.getByLabel('Title').fill('Spare parts');
    await form.getByLabel('Amount').fill('49.90');
    await form.getByLabel('Probability (%)').fill('120');
    await form.getByRole('button', { name: 'Create deal' }).click();
    await expect.poll(() => form.getByRole('alert').allTextContents()).toEqual(['Out of range.']);
    await form.getByLabel('Probability (%)').fill('35');
    await form.getByRole('button', { name: 'Create deal' }).click();
    await page.getByTestId('deal-title').filter({ hasText: 'Spare parts' }).waitFor();
    await page.goto(`${server.url}/pipeline`);
    await page.getByTestId('stage-qualification').getByTestId('deal-card').filter({ hasText: 'Spare parts' }).waitFor();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main button, main select, main a, main input, main .deal-handle')]
        .filter((element) => element.offsetParent !== null)
        .map((element) => ({ text: element.textContent?.trim() || element.getAttribute('aria-label') || element.className, rect: element.getBoundingClientRect() }))
        .filter(({ rect }) => rect.height < 44)
        .map(({ text }) => text),
    );
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

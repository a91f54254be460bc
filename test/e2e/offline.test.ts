import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  DESKTOP,
  launchChromium,
  launchPersistentChromium,
  PHONE,
  serveApp,
  startWorkspace,
  waitForServiceWorkerControl,
  type AppServer,
} from './support/browser';

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('after one visit the app loads and navigates offline (%s)', async (_kind, viewport) => {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await startWorkspace(page);
  await waitForServiceWorkerControl(page);
  await page.getByRole('status').filter({ hasText: 'Rapport is ready to work offline.' }).waitFor();

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Welcome to Rapport' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();

  // A deep link typed while offline is answered by the service worker too.
  await page.goto(`${server.url}/settings`);
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const offlineCheck = await page.evaluate(() => fetch('/robots.txt').then((r) => r.status));
  expect(offlineCheck).toBe(200);
  await context.close();
});

test('a new release waits for the user: the prompt appears and Reload switches to it', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await startWorkspace(page);
  await waitForServiceWorkerControl(page);
  const firstWorker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(firstWorker).toBe(`${server.url}/sw.js`);
  await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);

  // Stage a new release: any byte change in sw.js makes the browser install it as a new worker.
  appendFileSync(join(server.root, 'sw.js'), '\n// release 2\n');
  await page.reload();

  const prompt = page.getByRole('alertdialog', { name: 'A new version of Rapport is available.' });
  await prompt.waitFor();
  // Until the user agrees, the old worker keeps control: nothing reloads under their hands.
  const waitingState = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.waiting?.state;
  });
  expect(waitingState).toBe('installed');

  const reloaded = page.waitForEvent('load');
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  await page.getByRole('heading', { level: 1, name: 'Welcome to Rapport' }).waitFor();
  const after = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { waiting: registration?.waiting ?? null, controlled: navigator.serviceWorker.controller !== null };
  });
  expect(after).toEqual({ waiting: null, controlled: true });
  await expect(page.getByRole('alertdialog').count()).resolves.toBe(0);
  await context.close();
});

test('Chromium finds nothing that prevents installing the app', async () => {
  const { context, close } = await launchPersistentChromium(DESKTOP);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await waitForServiceWorkerControl(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  const parsed = JSON.parse(manifest.data ?? '{}') as { display: string; icons: { sizes: string; purpose: string }[] };
  expect(parsed.display).toBe('standalone');
  expect(parsed.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  await close();
});

test('offline from the start: demo data, search, a customer, a logged call, an edit undone, delete and restore', async () => {
  const { context, close } = await launchPersistentChromium(PHONE);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await startWorkspace(page);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.reload();

  await page.getByTestId('load-demo').click();
  await page.getByTestId('customer-total').filter({ hasText: '1,000' }).waitFor({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  await page.getByTestId('customer-count').filter({ hasText: '1,000 of 1,000 customers' }).waitFor();
  const firstName = (await page.getByTestId('customer-row').first().locator('.customer-name').textContent()) ?? '';
  const fragment = /\p{Script=Han}/u.test(firstName) ? firstName.slice(-1) : (firstName.split(' ')[0] ?? '').slice(0, 3);
  await page.getByTestId('customer-search').fill(fragment);
  await page.getByTestId('customer-row').filter({ hasText: firstName }).first().click();
  await page.getByTestId('customer-name').filter({ hasText: firstName }).waitFor();

  await page.getByTestId('log-call').click();
  await page.getByLabel('Subject').fill('Offline call');
  await page.getByTestId('log-save').click();
  await page.getByTestId('timeline-item').filter({ hasText: 'Offline call' }).waitFor();

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByTestId('customer-form').getByLabel('Job title').fill('Offline title');
  await page.getByRole('button', { name: 'Save' }).click();
  const header = page.locator('header.page-header');
  await header.getByText('Offline title').waitFor();
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
  await page.getByTestId('notice').filter({ hasText: 'Undone.' }).waitFor();
  await expect.poll(() => header.getByText('Offline title').count()).toBe(0);

  await header.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await header.getByRole('button', { name: 'Delete' }).waitFor();
  await close();
});

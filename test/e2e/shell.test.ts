import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, launchChromium, PHONE, serveApp, startWorkspace, type AppServer } from './support/browser';

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

async function openApp(viewport: { width: number; height: number }, path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url + path);
  await startWorkspace(page);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const)('app shell on a %s', (kind, viewport) => {
  test('an empty workspace greets the user and navigation reaches every existing page', async () => {
    const page = await openApp(viewport);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome to Rapport');
    await expect(page.getByTestId('workspace-empty').textContent()).resolves.toBe('This workspace is empty.');

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['Home', 'Customers', 'Pipeline', 'Tickets', 'Tasks', 'Campaigns', 'Import', 'Insights', 'Settings']);
    await expect(nav.getByRole('link', { name: 'Home' }).getAttribute('aria-current')).resolves.toBe('page');

    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');
    await expect(nav.getByRole('link', { name: 'Settings' }).getAttribute('aria-current')).resolves.toBe('page');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Rapport' }).waitFor();
    await page.context().close();
  });

  test(kind === 'phone' ? 'navigation is a bar at the bottom' : 'navigation is a sidebar on the left', async () => {
    const page = await openApp(viewport);
    const box = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    if (!box) throw new Error('navigation is not visible');
    if (kind === 'phone') {
      expect(box.x).toBe(0);
      expect(box.width).toBe(viewport.width);
      expect(box.y + box.height).toBe(viewport.height);
      expect(box.height).toBeLessThan(100);
    } else {
      expect(box.x).toBe(0);
      expect(box.y).toBe(0);
      expect(box.height).toBe(viewport.height);
      expect(box.width).toBeLessThan(300);
    }
    // Scrolled to the end, the last of the content still clears the navigation.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const main = await page.locator('main').boundingBox();
    if (!main) throw new Error('main content is not visible');
    if (kind === 'phone') expect(main.y + main.height).toBeLessThanOrEqual(box.y + 1);
    else expect(main.x).toBeGreaterThanOrEqual(box.x + box.width);
    await page.context().close();
  });
});

test('the language switch turns the app into Simplified Chinese and the choice survives a reload', async () => {
  const page = await openApp(DESKTOP, '/settings');
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '设置' }).waitFor();
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link').allTextContents()).resolves.toEqual(['首页', '客户', '销售管道', '工单', '任务', '营销活动', '导入', '洞察', '设置']);
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await page.context().close();
});

test('a browser that prefers Chinese starts in Chinese', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('heading', { level: 1, name: '创建你的工作区' }).waitFor();
  await startWorkspace(page, '王芳');
  await page.getByRole('heading', { level: 1, name: '欢迎使用 Rapport' }).waitFor();
  await context.close();
});

test('settings show how much storage the workspace uses on this device', async () => {
  const page = await openApp(DESKTOP, '/settings');
  const line = page.getByTestId('storage-usage');
  await line.waitFor();
  expect(await line.textContent()).toMatch(/^[\d.]+ (byte|kB|MB|GB|TB) used of [\d.]+ (kB|MB|GB|TB) available$/);
  await page.context().close();
});

test('the theme follows the system: dark scheme, dark page', async () => {
  const page = await openApp(DESKTOP);
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(246, 247, 249)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(15, 23, 32)');
  await page.context().close();
});

test('an install button appears when the browser offers installation, and uses the offer once', async () => {
  const page = await openApp(DESKTOP);
  await expect(page.getByRole('button', { name: 'Install app' }).count()).resolves.toBe(0);
  // Headless Chromium never offers installation on its own, so the test plays the browser's part.
  await page.evaluate(() => {
    const offer = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(offer, {
      prompt: () => {
        (window as unknown as { installPrompted: number }).installPrompted = 1;
        return Promise.resolve();
      },
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
  });
  const buttons = page.getByRole('button', { name: 'Install app' });
  await buttons.first().waitFor();
  await buttons.first().click();
  await expect(page.evaluate(() => (window as unknown as { installPrompted?: number }).installPrompted)).resolves.toBe(1);
  await expect(buttons.count()).resolves.toBe(0);
  await page.context().close();
});

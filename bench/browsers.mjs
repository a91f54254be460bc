// Chromium for the benchmarks, each with a persistent profile of its own: a plain new context keeps IndexedDB in
// memory and flatters every figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../scripts/ensure-chromium.mjs';

/** A browser on an empty profile; `close` deletes the profile. */
export async function launchBenchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The bench page (bench/browser) of `appUrl`, loaded and ready, in `context`.
 * @param {import('playwright-core').BrowserContext} context @param {string} appUrl
 */
export async function openBenchPage(context, appUrl) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${appUrl}/bench/`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/**
 * Runs `task` on the bench page of a browser started for it alone, on an empty profile, and closes it after.
 * @template T
 * @param {string} appUrl @param {(page: import('playwright-core').Page) => Promise<T>} task
 * @returns {Promise<T>}
 */
export async function inFreshBenchPage(appUrl, task) {
  const browser = await launchBenchBrowser();
  try {
    return await task(await openBenchPage(browser.context, appUrl));
  } finally {
    await browser.close();
  }
}

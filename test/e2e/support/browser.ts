import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../../scripts/ensure-chromium.mjs';
import { startStaticServer } from '../../../scripts/static-server.mjs';

// RAPPORT_DIST points the tests at another build (`vite build --outDir …`), so a benchmark serving dist/ is left alone.
const DIST = process.env.RAPPORT_DIST ?? join(import.meta.dirname, '../../../dist');

export interface AppServer {
  url: string;
  /** A private copy of the production build, which a test may change to stage a new release. */
  root: string;
  close: () => Promise<void>;
}

/** Serves a private copy of the production build (`vite build` ran before the e2e tests) on 127.0.0.1. */
export async function serveApp(): Promise<AppServer> {
  const root = mkdtempSync(join(tmpdir(), 'rapport-dist-'));
  cpSync(DIST, root, { recursive: true });
  const server = await startStaticServer({ root });
  return {
    url: server.url,
    root,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

/** A browser with an on-disk profile, as a user's: IndexedDB on disk, installation possible (not incognito). */
export async function launchPersistentChromium(
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'rapport-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** Resolves once a service worker controls the page, which makes the app shell load offline. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** The first run: the user names themself and starts a workspace (the setup screen in any language). */
export async function startWorkspace(page: Page, name = 'Alice Example'): Promise<void> {
  await page.locator('input[name="displayName"]').fill(name);
  await page.locator('form button[type="submit"]').click();
  await page.locator('input[name="displayName"]').waitFor({ state: 'detached' });
}

export interface NewCustomer {
  name: string;
  emails?: string;
  phones?: string;
  company?: string;
}

/** Creates a customer through the form, as a user does, and waits for their page. */
export async function createCustomer(page: Page, appUrl: string, fields: NewCustomer): Promise<void> {
  await page.goto(`${appUrl}/customers/new`);
  const form = page.getByTestId('customer-form');
  await form.getByLabel('Name').fill(fields.name);
  if (fields.emails) await form.getByLabel('Emails').fill(fields.emails);
  if (fields.phones) await form.getByLabel('Phones').fill(fields.phones);
  if (fields.company) await form.getByLabel('Company').fill(fields.company);
  await form.getByRole('button', { name: 'Create customer' }).click();
  await page.getByTestId('customer-name').filter({ hasText: fields.name }).waitFor();
}

/** Every row of one read-model table of the page's workspace, straight from IndexedDB (no app code involved). */
export function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const { workspaceId } = JSON.parse(localStorage.getItem('rapport.identity') ?? '{}') as { workspaceId: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`rapport-workspace-${workspaceId}`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<T[]>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result as T[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, table);
}

/** A test file's app: a private copy of the build served, a browser with its own profile, a workspace started. */
export interface OpenedApp {
  server: AppServer;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** `prepare` runs on the blank page before the app loads (to install playwright's clock, say). */
export async function openStartedApp(viewport: { width: number; height: number }, prepare?: (page: Page) => Promise<void>): Promise<OpenedApp> {
  const server = await serveApp();
  const browser = await launchPersistentChromium(viewport);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await prepare?.(page);
  await page.goto(server.url);
  await startWorkspace(page);
  return {
    server,
    context: browser.context,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

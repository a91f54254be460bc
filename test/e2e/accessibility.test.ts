import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DESKTOP, PHONE, launchPersistentChromium, readTable, serveApp, startWorkspace, type AppServer } from './support/browser';

// axe-core on every page of the app, on a desktop and a phone viewport: no violation of serious or critical impact.
// One profile holds the demo workspace (loaded once) plus one deal, one ticket and one campaign made through the
// forms; the setup page is checked on the same profile before its workspace is started.

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WAIT = { timeout: 15_000 } as const;

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

let server: AppServer;
let close: (() => Promise<void>) | undefined;
let page: Page;

beforeAll(async () => {
  server = await serveApp();
  const browser = await launchPersistentChromium(DESKTOP);
  close = browser.close;
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 60_000);

afterAll(async () => {
  await close?.();
  await server?.close();
});

/** The serious and critical violations on the page as it is now, printed (rule, element, what is wrong) if any. */
async function seriousViolations(where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const lines = serious.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${where}: [${violation.impact}] ${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}: ${(node.failureSummary ?? '').replace(/\s+/g, ' ')}`,
    ),
  );
  if (lines.length) console.info(lines.join('\n'));
  return lines;
}

/** Moves within the app without a reload (wouter follows popstate), and waits for the page's heading. */
async function visit(path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.locator('main h1').first().waitFor(WAIT);
  // Live queries settle (rows, counts, charts) before the page is judged.
  await page.waitForTimeout(600);
}

const ids: Record<'customer' | 'deal' | 'ticket' | 'campaign', string> = { customer: '', deal: '', ticket: '', campaign: '' };

test('the setup page of a fresh profile has no serious or critical violation', async () => {
  await page.goto(server.url);
  await page.locator('input[name="displayName"]').waitFor(WAIT);
  const found: string[] = [];
  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(viewport);
    found.push(...(await seriousViolations(`setup (${name})`)));
  }
  await page.setViewportSize(DESKTOP);
  expect(found).toEqual([]);
}, 60_000);

test('the demo workspace with a deal, a ticket and a campaign', async () => {
  await startWorkspace(page);
  await page.getByTestId('load-demo').click();
  await page.getByTestId('customer-total').filter({ hasText: '1,000' }).waitFor({ timeout: 120_000 });
  const customers = await readTable<{ id: string; name: string; deletedAt?: number }>(page, 'customers');
  const customer = customers.find((row) => row.deletedAt === undefined);
  if (!customer) throw new Error('the demo workspace has no customer');
  ids.customer = customer.id;

  await visit(`/customers/${customer.id}`);
  await page.getByTestId('customer-new-deal').click();
  const dealForm = page.getByTestId('deal-form');
  await dealForm.getByLabel('Title').fill('Accessible renewal');
  await dealForm.getByLabel('Amount').fill('1,000.00');
  await dealForm.getByRole('button', { name: 'Create deal' }).click();
  await page.getByTestId('deal-title').filter({ hasText: 'Accessible renewal' }).waitFor(WAIT);
  ids.deal = (await readTable<{ id: string; title: string }>(page, 'deals')).find((deal) => deal.title === 'Accessible renewal')?.id ?? '';

  await visit(`/customers/${customer.id}`);
  await page.getByTestId('log-complaint').click();
  await page.locator('.quick-log-form input[name="subject"]').fill('Parcel arrived broken');
  await page.getByTestId('log-save').click();
  await expect.poll(async () => (await readTable<{ id: string; subject: string }>(page, 'tickets')).find((ticket) => ticket.subject === 'Parcel arrived broken')?.id, WAIT).toBeTruthy();
  ids.ticket = (await readTable<{ id: string; subject: string }>(page, 'tickets')).find((ticket) => ticket.subject === 'Parcel arrived broken')?.id ?? '';

  await visit('/campaigns/new');
  const campaignForm = page.getByTestId('campaign-form');
  await campaignForm.getByLabel('Name', { exact: true }).fill('Accessible spring offer');
  await campaignForm.getByLabel('Channel').selectOption('phone');
  await campaignForm.getByRole('button', { name: 'Create campaign' }).click();
  await page.getByTestId('campaign-name').filter({ hasText: 'Accessible spring offer' }).waitFor(WAIT);
  ids.campaign = (await readTable<{ id: string; name: string }>(page, 'campaigns')).find((campaign) => campaign.name === 'Accessible spring offer')?.id ?? '';
  expect(Object.values(ids).every(Boolean)).toBe(true);
}, 240_000);

const PAGES: readonly [string, () => string][] = [
  ['Home', () => '/'],
  ['Customers', () => '/customers'],
  ['a customer', () => `/customers/${ids.customer}`],
  ['customer edit', () => `/customers/${ids.customer}/edit`],
  ['Pipeline', () => '/pipeline'],
  ['a deal', () => `/deals/${ids.deal}`],
  ['Tickets', () => '/tickets'],
  ['a ticket', () => `/tickets/${ids.ticket}`],
  ['Tasks', () => '/tasks'],
  ['Campaigns', () => '/campaigns'],
  ['a campaign', () => `/campaigns/${ids.campaign}`],
  ['Insights', () => '/insights'],
  ['Import', () => '/import'],
  ['Settings', () => '/settings'],
];

for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
  test(`every page on the ${name} viewport has no serious or critical violation`, async () => {
    await page.setViewportSize(viewport);
    const found: string[] = [];
    const judge = async (title: string) => {
      found.push(...(await seriousViolations(`${title} (${name})`)));
      // The lists' Views and Columns menus are judged open too (one at a time: each panel covers the other).
      const menus = page.locator('details.list-menu');
      for (let index = 0; index < (await menus.count()); index += 1) {
        await menus.nth(index).evaluate((menu) => ((menu as HTMLDetailsElement).open = true));
        found.push(...(await seriousViolations(`${title} (${name}), menu ${index + 1} open`)));
        await menus.nth(index).evaluate((menu) => ((menu as HTMLDetailsElement).open = false));
      }
    };
    for (const [title, path] of PAGES) {
      await visit(path());
      await judge(title);
      if (title === 'Pipeline') {
        // The deals list, the board's alternative, with its saved views.
        await page.getByTestId('view-list').click();
        await page.getByTestId('views-deals').waitFor(WAIT);
        await judge('Pipeline list');
        await page.getByTestId('view-board').click();
      }
    }
    expect(found).toEqual([]);
  }, 300_000);
}

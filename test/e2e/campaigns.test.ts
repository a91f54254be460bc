import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, launchPersistentChromium, PHONE, readTable, serveApp, startWorkspace, type AppServer } from './support/browser';

// A marketer's campaign on the production build in real Chromium, on a desktop and on a phone: built from a filter
// of the customer list (tag "vip": 4 of 5 customers), a message with merge fields (an unknown one is named), three
// customers touched through their mailto: links, two responses logged (one converts): the rates are exact. Then a
// CSAT answer recorded by hand on a customer's page shows on their timeline.

let server: AppServer;

/** expect.poll with room for a machine shared with other test runs (its default gives up after one second). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

beforeAll(async () => {
  server = await serveApp();
});

afterAll(async () => {
  await server?.close();
});

async function createTaggedCustomer(page: Page, fields: { name: string; email?: string; tags?: string }): Promise<void> {
  await page.goto(`${server.url}/customers/new`);
  const form = page.getByTestId('customer-form');
  await form.getByLabel('Name').fill(fields.name);
  if (fields.email) await form.getByLabel('Emails').fill(fields.email);
  if (fields.tags) await form.getByLabel('Tags').fill(fields.tags);
  await form.getByRole('button', { name: 'Create customer' }).click();
  await page.getByTestId('customer-name').filter({ hasText: fields.name }).waitFor();
}

/** Controls on the page smaller than a finger (44 px) in either direction, by their text. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main select, main a, main input, main textarea')]
      .filter((element) => element.offsetParent !== null)
      .map((element) => ({ text: element.textContent?.trim() || element.getAttribute('aria-label') || element.className, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.height < 44 || rect.width < 44)
      .map(({ text }) => text),
  );
}

/** Controls without an accessible name (a label, aria-label or their own text). */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main select, main a, main input, main textarea')]
      .filter((element) => element.offsetParent !== null)
      .filter((element) => {
        const labels = (element as HTMLInputElement).labels;
        return !(labels && labels.length) && !element.getAttribute('aria-label') && !element.getAttribute('aria-labelledby') && !element.textContent?.trim();
      })
      .map((element) => element.outerHTML.slice(0, 80)),
  );
}

describe.each([
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)('campaigns and surveys on a %s', (_kind, viewport) => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const browser = await launchPersistentChromium(viewport);
    close = browser.close;
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url);
    await startWorkspace(page);
  });

  afterAll(async () => {
    await close?.();
  });

  test('Build a campaign from a filter, log two responses; the rates are right', async () => {
    await createTaggedCustomer(page, { name: 'Ada Lovelace', email: 'ada@example.com', tags: 'vip' });
    await createTaggedCustomer(page, { name: 'Ben Okafor', email: 'ben@example.com', tags: 'vip, beijing' });
    await createTaggedCustomer(page, { name: 'Chen Jing', email: 'chen@example.com', tags: 'vip' });
    await createTaggedCustomer(page, { name: 'Dana Noemail', tags: 'vip' });
    await createTaggedCustomer(page, { name: 'Eve Outsider', email: 'eve@example.com' });

    // Campaigns is in the navigation (on a phone, in the bottom bar).
    const navLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' });
    await navLink.scrollIntoViewIfNeeded();
    await navLink.click();
    await page.getByText('No campaigns yet.', { exact: false }).waitFor();
    await page.getByTestId('campaign-new').click();

    const form = page.getByTestId('campaign-form');
    await form.getByLabel('Name', { exact: true }).fill('Spring VIP offer');
    await form.getByLabel('Channel').selectOption('email');
    await poll(() => form.getByTestId('campaign-filter-size').textContent()).toBe('5 customers match now.');
    await form.getByLabel('Tag', { exact: true }).selectOption('vip');
    await poll(() => form.getByTestId('campaign-filter-size').textContent()).toBe('4 customers match now.');
    await form.getByLabel('Email subject', { exact: true }).fill('A spring gift for {{company}}');
    // A misspelt merge field is named as written, with the ones that exist.
    await form.getByLabel('Message', { exact: true }).fill('Hi {{FirstName}}, spring is here. {{sender}}');
    const error = form.getByRole('alert');
    await poll(() => error.first().textContent()).toContain('Unknown merge field {{FirstName}}. Use one of: {{name}}, {{firstName}}');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await poll(() => form.getByRole('alert').allTextContents()).toEqual([expect.stringContaining('Unknown merge field {{FirstName}}') as unknown as string]);
    expect(await readTable(page, 'campaigns')).toEqual([]);
    await form.getByLabel('Message', { exact: true }).fill('Hi {{firstName}}, spring is here. {{sender}}');
    await poll(() => form.getByRole('alert').count()).toBe(0);
    await poll(() => form.getByTestId('message-preview').textContent()).toContain('Hi Ada, spring is here. Alice Example');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByTestId('campaign-name').filter({ hasText: 'Spring VIP offer' }).waitFor();

    const figure = (key: string) => page.getByTestId(`campaign-${key}-value`).textContent();
    await page.getByTestId('campaign-audience-value').waitFor();
    await poll(() => figure('audience')).toBe('4');
    expect(await figure('touched')).toBe('0');
    expect(await figure('response-rate')).toBe('—');

    const rows = page.getByTestId('audience-row');
    await poll(() => rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-customer')))).toEqual(['Ada Lovelace', 'Ben Okafor', 'Chen Jing', 'Dana Noemail']);
    const row = (name: string) => rows.filter({ has: page.getByRole('link', { name, exact: true }) });
    expect(await row('Dana Noemail').textContent()).toContain('No email address');

    // The mail app would open: the link carries the customer's own message. The test keeps the browser on the page.
    await page.evaluate(() =>
      document.addEventListener('click', (event) => {
        if ((event.target as Element).closest('a[href^="mailto:"]')) event.preventDefault();
      }),
    );
    expect(await row('Ada Lovelace').getByRole('link', { name: 'Email Ada Lovelace' }).getAttribute('href')).toBe(
      'mailto:ada@example.com?subject=A%20spring%20gift%20for%20&body=Hi%20Ada%2C%20spring%20is%20here.%20Alice%20Example',
    );
    for (const name of ['Ada Lovelace', 'Ben Okafor', 'Chen Jing']) {
      await row(name).getByRole('link', { name: `Email ${name}` }).click();
      await poll(() => row(name).getByTestId('audience-touches').textContent()).toBe('Touched once');
    }
    await poll(() => figure('touched')).toBe('3');
    expect(await page.getByTestId('campaign-touched').textContent()).toContain('75% of the audience');
    expect(await figure('response-rate')).toBe('0%');

    // Two responses: Ada responded, Ben converted (a conversion is a response too).
    await row('Ada Lovelace').getByRole('button', { name: 'Ada Lovelace responded' }).click();
    await poll(() => row('Ada Lovelace').getByRole('button', { name: 'Ada Lovelace responded' }).getAttribute('aria-pressed')).toBe('true');
    await row('Ben Okafor').getByRole('button', { name: 'Ben Okafor converted' }).click();
    await poll(() => row('Ben Okafor').getByRole('button', { name: 'Ben Okafor converted' }).getAttribute('aria-pressed')).toBe('true');

    // 2 of 3 touched responded, 1 of 3 converted; Dana, untouched, does not count against the rates.
    await poll(() => figure('response-rate')).toBe('66.7%');
    expect(await figure('conversion-rate')).toBe('33.3%');
    expect(await figure('audience')).toBe('4');
    expect(await figure('touched')).toBe('3');
    expect(await page.getByTestId('campaign-response-rate').textContent()).toContain('2 of 3 touched');
    expect(await page.getByTestId('campaign-conversion-rate').textContent()).toContain('1 of 3 touched');

    // Touches and responses are interactions on the customers, linked to the campaign.
    const [campaign] = await readTable<{ id: string; segmentQuery: string; channel: string }>(page, 'campaigns');
    expect(campaign).toMatchObject({ segmentQuery: '{"tag":"vip"}', channel: 'email' });
    const logged = (await readTable<{ campaignId?: string; outcome?: string; direction?: string; type: string }>(page, 'interactions')).filter((i) => i.campaignId === campaign?.id);
    expect(logged.map((i) => `${i.type}/${i.direction}/${i.outcome}`).sort()).toEqual([
      'email/inbound/converted',
      'email/inbound/responded',
      'email/outbound/touched',
      'email/outbound/touched',
      'email/outbound/touched',
    ]);

    // The list shows the same figures.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    const item = page.getByTestId('campaign-item').filter({ hasText: 'Spring VIP offer' });
    await poll(() => item.textContent()).toContain('Response rate 66.7%');
    expect(await item.textContent()).toContain('Conversion rate 33.3%');

    // Back on the campaign: nothing too small to tap, nothing unlabelled, nothing wider than the screen.
    await item.getByRole('link', { name: 'Spring VIP offer' }).click();
    await page.getByTestId('audience-row').first().waitFor();
    expect(await smallTargets(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByTestId('campaign-form').waitFor();
    expect(await smallTargets(page)).toEqual([]);
    expect(await unlabelled(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test('a survey answer recorded by hand shows on the customer’s timeline', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByRole('link', { name: 'Eve Outsider' }).first().click();
    await page.getByTestId('customer-name').filter({ hasText: 'Eve Outsider' }).waitFor();
    await page.getByTestId('survey-open').click();
    const form = page.getByTestId('survey-form');
    await form.getByLabel('Survey').selectOption('csat');
    await form.getByLabel('Score').fill('7');
    await form.getByRole('button', { name: 'Record answer' }).click();
    await poll(() => form.getByRole('alert').allTextContents()).toEqual(['A CSAT score is from 1 to 5.']);
    await form.getByLabel('Score').fill('4.5');
    await form.getByRole('button', { name: 'Record answer' }).click();
    await poll(() => form.getByRole('alert').allTextContents()).toEqual(['The score must be a whole number, without decimals.']);
    await form.getByLabel('Score').fill('4');
    await form.getByLabel('Comment').fill('Quick delivery, friendly driver.');
    expect(await smallTargets(page)).toEqual([]);
    await form.getByRole('button', { name: 'Record answer' }).click();

    const item = page.getByTestId('timeline-item').filter({ hasText: 'Survey answer' });
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('Score 4 of 5');
    expect(text).toContain('Quick delivery, friendly driver.');
    expect(text).toContain('How satisfied are you with us?');
    const surveys = (await readTable<{ type: string; score?: number; scoreScale?: string; body?: string }>(page, 'interactions')).filter((i) => i.type === 'survey');
    expect(surveys).toEqual([expect.objectContaining({ score: 4, scoreScale: 'csat', body: 'Quick delivery, friendly driver.' })]);
  });
});

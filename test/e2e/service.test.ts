import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCustomer, DESKTOP, openStartedApp, PHONE, readTable, type AppServer, type OpenedApp } from './support/browser';

// Customer service and the day's follow-ups on the production build in real Chromium, with the page's clock in the
// test's hands (playwright's clock: Date, timers and src/platform/clock.ts's now() all follow it): a complaint
// logged on a customer opens a ticket whose SLA breach shows once the clock passes its due time, and a task due
// today is on Home and raises its reminder at its time.

const HOUR = 3_600_000;
/** 09:00 on a weekday, so "today" has room before midnight whatever the machine's zone. */
const START = new Date('2027-03-09T09:00:00');

let app: OpenedApp;
let server: AppServer;
let page: Page;

beforeAll(async () => {
  app = await openStartedApp(DESKTOP, (blank) => blank.clock.install({ time: START }));
  ({ server, page } = app);
});

afterAll(async () => {
  await app?.close();
});

/** A time `minutesAhead` from the page's (injected) now, as an <input type="datetime-local"> takes it. */
function localInputAhead(minutesAhead: number): Promise<string> {
  return page.evaluate((minutes) => {
    const at = Date.now() + minutes * 60_000;
    return new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  }, minutesAhead);
}

describe('service and follow-ups', () => {
  test('a complaint logged on a customer opens a ticket; its SLA breach shows once the clock passes the due time', async () => {
    await createCustomer(page, server.url, { name: 'Mia Complainer' });

    await page.getByTestId('log-complaint').click();
    await page.locator('.quick-log-form input[name="subject"]').fill('Parcel arrived broken');
    await page.getByTestId('log-save').click();
    await page.getByText('Complaint logged; a ticket is open for it.').waitFor();
    const row = page.getByTestId('customer-tickets').getByTestId('ticket-row').filter({ hasText: 'Parcel arrived broken' });
    await row.waitFor();
    expect(await row.textContent()).toContain('High');

    const [ticket] = await readTable<{ id: string; kind: string; status: string; priority: string; slaDue: number; createdAt: number }>(page, 'tickets');
    expect(ticket).toMatchObject({ kind: 'complaint', status: 'open', priority: 'high' });
    // High priority: due 8 hours after it opened (the leader reads the clock a moment before it stamps the record).
    expect((ticket?.slaDue ?? 0) - (ticket?.createdAt ?? 0)).toBeGreaterThan(8 * HOUR - 1000);
    expect((ticket?.slaDue ?? 0) - (ticket?.createdAt ?? 0)).toBeLessThanOrEqual(8 * HOUR);
    const [complaint] = await readTable<{ type: string; ticketId: string }>(page, 'interactions');
    expect(complaint).toMatchObject({ type: 'complaint', ticketId: ticket?.id });

    await row.getByRole('link', { name: 'Parcel arrived broken' }).click();
    await page.getByTestId('ticket-subject').filter({ hasText: 'Parcel arrived broken' }).waitFor();
    expect(await page.getByTestId('ticket-status').textContent()).toBe('Open');
    expect(await page.getByTestId('sla-breached').count()).toBe(0);

    // A reply joins the conversation, which holds the complaint itself.
    await page.getByLabel('Log a reply').fill('Sorry! A new one is on its way.');
    await page.getByRole('button', { name: 'Log reply' }).click();
    await expect.poll(() => page.getByTestId('timeline-item').count()).toBe(2);

    // Seven hours on, still within the SLA; past eight, breached.
    await page.clock.fastForward(7 * HOUR);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('sla-breached').count()).toBe(0);
    await page.clock.fastForward(HOUR + 60_000);
    await page.getByTestId('sla-breached').waitFor();

    // The queue puts it first and says so; resolving it ends the warning.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' }).click();
    await page.getByTestId('ticket-list').getByTestId('ticket-row').first().getByTestId('sla-breached').waitFor();
    await page.getByTestId('ticket-list').getByRole('link', { name: 'Parcel arrived broken' }).click();
    await page.getByTestId('ticket-to-resolved').click();
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('Resolved');
    expect(await page.getByTestId('sla-breached').count()).toBe(0);
  });

  test('a task due today is on Home and raises its reminder at its time', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await page.getByTestId('task-add').click();
    const form = page.getByTestId('task-form');
    await form.getByLabel('What to do').fill('Send the replacement tracking number');
    await form.getByLabel('Due').fill(await localInputAhead(10));
    await form.getByRole('button', { name: 'Add task' }).click();
    await page.getByTestId('task-item').filter({ hasText: 'Send the replacement tracking number' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('home-tasks').getByTestId('task-item').filter({ hasText: 'Send the replacement tracking number' }).waitFor();
    expect(await page.getByTestId('task-reminder').count()).toBe(0);
    // The team's activity: the complaint and the reply logged in the test above, newest first.
    await expect.poll(() => page.getByTestId('team-activity-item').count()).toBe(2);
    const activity = await page.getByTestId('team-activity-item').allTextContents();
    expect(activity[1]).toContain('Alice Example · Complaint with Mia Complainer');

    await page.clock.fastForward(11 * 60_000);
    await page.getByTestId('task-reminder').filter({ hasText: 'Reminder: Send the replacement tracking number' }).waitFor();

    // Done from Home: it leaves the list.
    await page.getByRole('button', { name: 'Mark “Send the replacement tracking number” done' }).click();
    await expect.poll(() => page.getByTestId('home-tasks').getByTestId('task-item').count()).toBe(0);
    const [task] = await readTable<{ done: boolean }>(page, 'tasks');
    expect(task?.done).toBe(true);
  });

  test('on a phone every destination is reachable in the bottom bar and nothing on the service pages is too small to tap', async () => {
    await page.setViewportSize(PHONE);
    for (const [name, path] of [
      ['Tickets', '/tickets'],
      ['Tasks', '/tasks'],
    ] as const) {
      const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
      await link.scrollIntoViewIfNeeded();
      await link.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(path);
      const small = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('nav .nav-link, main button, main select, main a, main input')]
          .filter((element) => element.offsetParent !== null)
          .map((element) => ({ text: element.textContent?.trim() || element.getAttribute('aria-label') || element.className, rect: element.getBoundingClientRect() }))
          .filter(({ rect }) => rect.height < 44 || rect.width < 44)
          .map(({ text }) => text),
      );
      expect(small).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { startRelayServer, type RelayServer } from '../../scripts/relay.mjs';
import { startSignalServer, type SignalServer } from '../../scripts/signal.mjs';
import { newWorkspaceSecret } from '../../src/sync/peer/crypto';
import { createCustomer, DESKTOP, launchPersistentChromium, PHONE, serveApp, startWorkspace, type AppServer } from './support/browser';

// Sync as users do it: Chromium processes with their own on-disk profiles, real WebRTC over loopback (no ICE
// servers), the signaling server of `npm run signal` and the relay of `npm run relay` on 127.0.0.1, started and
// stopped here.

let server: AppServer;
let signal: SignalServer;
let relay: RelayServer;
let relayFolder: string;
/** The workspace documents' contents as the relay holds them after each change. */
const relayed = new Map<string, string>();
/** Everything the signaling server received: the test checks no customer data went through it in clear. */
const seen: string[] = [];
const closers = new Map<Page, () => Promise<void>>();

beforeAll(async () => {
  server = await serveApp();
  signal = await startSignalServer({ host: '127.0.0.1', port: 0, tap: (text: string) => seen.push(text) });
  relayFolder = mkdtempSync(join(tmpdir(), 'rapport-relay-'));
  relay = await startRelayServer({
    host: '127.0.0.1',
    port: 0,
    database: join(relayFolder, 'relay.sqlite'),
    watch: (name, document) => relayed.set(name, Buffer.from(Y.encodeStateAsUpdate(document)).toString('utf8')),
  });
});

afterAll(async () => {
  for (const close of closers.values()) await close();
  await signal?.close();
  await relay?.close();
  rmSync(relayFolder, { recursive: true, force: true });
  await server?.close();
});

async function device(viewport: { width: number; height: number }): Promise<Page> {
  const { context, close } = await launchPersistentChromium(viewport);
  const page = context.pages()[0] ?? (await context.newPage());
  closers.set(page, close);
  return page;
}

async function closeDevice(page: Page): Promise<void> {
  await closers.get(page)?.();
  closers.delete(page);
}

const newCustomer = (page: Page, name: string) => createCustomer(page, server.url, { name });

/** Rows and one sample of a read-model table, straight from IndexedDB (no app code involved). */
function readModel(page: Page, table: string): Promise<{ count: number; first: Record<string, unknown> | null }> {
  return page.evaluate(async (name) => {
    const { workspaceId } = JSON.parse(localStorage.getItem('rapport.identity') ?? '{}') as { workspaceId: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`rapport-workspace-${workspaceId}`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction(name).objectStore(name);
    const ask = <T,>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [count, first] = await Promise.all([ask(store.count()), ask(store.getAll(null, 1))]);
    db.close();
    return { count, first: (first[0] as Record<string, unknown> | undefined) ?? null };
  }, table);
}

function customer(page: Page, id: string): Promise<Record<string, unknown> | undefined> {
  return row(page, 'customers', id);
}

function row(page: Page, table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async ([name, key]) => {
    const { workspaceId } = JSON.parse(localStorage.getItem('rapport.identity') ?? '{}') as { workspaceId: string };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(`rapport-workspace-${workspaceId}`);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const found = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return found as Record<string, unknown> | undefined;
  }, [table, id] as const);
}

async function syncState(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="sync-badge"][data-state="${state}"]`).waitFor({ timeout: 30_000 });
}

test('a laptop invites a phone by link; 1,000 customers arrive whole, edits flow both ways, a wrong secret gets nothing', async () => {
  const alice = await device(DESKTOP);
  await alice.goto(server.url);
  await startWorkspace(alice, 'Alice Laptop');
  await syncState(alice, 'off');
  await alice.getByTestId('load-demo').click();
  await alice.getByTestId('customer-total').filter({ hasText: '1,000' }).waitFor({ timeout: 60_000 });
  // Demo data writes its last interactions after the customers: wait until the count stops moving.
  let interactions = -1;
  await expect
    .poll(
      async () => {
        const previous = interactions;
        interactions = (await readModel(alice, 'interactions')).count;
        return interactions > 0 && interactions === previous;
      },
      { interval: 1500, timeout: 60_000 },
    )
    .toBe(true);

  await alice.goto(`${server.url}/settings`);
  await alice.getByLabel('Signaling server').fill(signal.url);
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await alice.locator('[data-testid="sync-state"][data-state="online"]').waitFor({ timeout: 30_000 });
  const link = await alice.getByTestId('invite-link').inputValue();
  expect(link).toMatch(new RegExp(`^${server.url}/#join=[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}&signal=`));
  await expect.poll(() => alice.locator('img.sync-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);

  // The phone opens the link, names itself and needs nothing else: the link carries the signaling server.
  const bob = await device(PHONE);
  await bob.goto(link);
  await bob.getByRole('heading', { name: 'Join a workspace' }).waitFor();
  expect(bob.url()).toBe(`${server.url}/`);
  await startWorkspace(bob, 'Bob Phone');
  const joinedAt = Date.now();
  await expect.poll(async () => (await readModel(bob, 'customers')).count, { timeout: 60_000 }).toBe(1000);
  await expect.poll(async () => (await readModel(bob, 'interactions')).count, { timeout: 60_000 }).toBe(interactions);
  console.info(`first sync of 1,000 customers and ${interactions} interactions: ${Date.now() - joinedAt} ms after joining`);
  await syncState(bob, 'online');

  await alice.getByTestId('sync-peers').getByText('Bob Phone').waitFor();
  await alice.getByTestId('sync-pending').filter({ hasText: 'Every change made here has reached another device.' }).waitFor();

  // Alice has looked at a customer; Bob edits it; Alice sees the edit and who made it.
  const { first } = await readModel(alice, 'customers');
  const id = String(first?.id);
  await alice.goto(`${server.url}/customers/${id}`);
  await alice.getByTestId('customer-name').waitFor();
  await expect.poll(() => row(alice, 'device', `viewed:${id}`)).toBeDefined();
  await alice.goto(`${server.url}/customers`);
  await bob.goto(`${server.url}/customers/${id}/edit`);
  await bob.getByTestId('customer-form').getByLabel('Job title').fill('Head of buying');
  await bob.getByRole('button', { name: 'Save', exact: true }).click();
  await bob.getByTestId('customer-name').waitFor();
  await expect.poll(async () => (await customer(alice, id))?.title, { timeout: 15_000 }).toBe('Head of buying');
  await alice.goto(`${server.url}/customers/${id}`);
  // The audit trail travels in its own document: it may land a moment after the customer's new title.
  await expect.poll(() => alice.getByTestId('changed-by-others').textContent(), { timeout: 15_000 }).toBe('Changed by Bob Phone since you last looked (Job title).');

  // A device with the workspace id but another secret joins, connects to the server, and is left out.
  const mallory = await device(DESKTOP);
  const wrongLink = link.replace(/\.[A-Za-z0-9_-]{43}&/, `.${newWorkspaceSecret()}&`);
  expect(wrongLink).not.toBe(link);
  await mallory.goto(wrongLink);
  await startWorkspace(mallory, 'Mallory');
  await syncState(mallory, 'online');
  await newCustomer(mallory, 'Planted Customer');
  const malloryCustomer = (await readModel(mallory, 'customers')).first;
  await alice.goto(`${server.url}/customers/${id}/edit`);
  await alice.getByTestId('customer-form').getByLabel('Job title').fill('Chief buyer');
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(async () => (await customer(bob, id))?.title, { timeout: 15_000 }).toBe('Chief buyer');
  expect(await customer(mallory, id)).toBeUndefined();
  // The signaling room is derived from the secret too: Mallory, online on the same server, never meets the others.
  await mallory.goto(`${server.url}/settings`);
  await mallory.getByText('No other device of this workspace seen yet.').waitFor();
  expect(await readModel(mallory, 'customers')).toMatchObject({ count: 1, first: { name: 'Planted Customer' } });
  expect((await customer(alice, String(malloryCustomer?.id)))).toBeUndefined();
  expect((await customer(bob, String(malloryCustomer?.id)))).toBeUndefined();

  const traffic = seen.join('\n');
  expect(traffic.length).toBeGreaterThan(0);
  for (const text of [String(first?.name), ...((first?.emails as string[] | undefined) ?? []), 'Head of buying', 'Alice Laptop', 'Bob Phone', 'Planted Customer']) {
    expect(traffic).not.toContain(text);
  }
  for (const page of [alice, bob, mallory]) await closeDevice(page);
}, 180_000);

/** Settings › Sync › Signaling server: empty takes the device off the network of peers. */
async function setSignaling(page: Page, url: string, state: 'off' | 'online'): Promise<void> {
  await page.goto(`${server.url}/settings`);
  await page.getByLabel('Signaling server').fill(url);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await syncState(page, state);
}

async function editCustomer(page: Page, id: string, label: string, value: string): Promise<void> {
  await page.goto(`${server.url}/customers/${id}/edit`);
  await page.getByTestId('customer-form').getByLabel(label).fill(value);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByTestId('customer-name').waitFor();
}

test('both apart: edits of different fields both survive; edits of one field agree, and the history keeps both', async () => {
  const alice = await device(DESKTOP);
  await alice.goto(server.url);
  await startWorkspace(alice, 'Alice Apart');
  await newCustomer(alice, 'Shared Customer');
  await setSignaling(alice, signal.url, 'online');
  const link = await alice.getByTestId('invite-link').inputValue();
  const bob = await device(PHONE);
  await bob.goto(link);
  await startWorkspace(bob, 'Bob Apart');
  await expect.poll(async () => (await readModel(bob, 'customers')).first?.name, { timeout: 30_000 }).toBe('Shared Customer');
  const id = String((await readModel(bob, 'customers')).first?.id);

  await setSignaling(alice, '', 'off');
  await setSignaling(bob, '', 'off');
  await editCustomer(alice, id, 'Phones', '+1 415 555 0100');
  await editCustomer(bob, id, 'Emails', 'shared@example.com');
  await editCustomer(alice, id, 'Job title', 'Buyer');
  await editCustomer(bob, id, 'Job title', 'Head buyer');
  await alice.goto(`${server.url}/settings`);
  await alice.getByTestId('sync-pending').filter({ hasText: /^[1-9]\d* changes? made here are not on any other device yet\.$/ }).waitFor();

  await setSignaling(alice, signal.url, 'online');
  await setSignaling(bob, signal.url, 'online');
  const merged = async (page: Page) => {
    const row = await customer(page, id);
    return { phones: row?.phones, emails: row?.emails, title: row?.title };
  };
  await expect.poll(() => merged(alice), { timeout: 30_000 }).toMatchObject({ phones: ['+14155550100'], emails: ['shared@example.com'] });
  await expect.poll(() => merged(bob), { timeout: 30_000 }).toMatchObject({ phones: ['+14155550100'], emails: ['shared@example.com'] });
  const [fromAlice, fromBob] = [await merged(alice), await merged(bob)];
  expect(fromAlice).toEqual(fromBob);
  expect(['Buyer', 'Head buyer']).toContain(fromAlice.title);
  const titles = async (page: Page) =>
    page.evaluate(async (recordId) => {
      const { workspaceId } = JSON.parse(localStorage.getItem('rapport.identity') ?? '{}') as { workspaceId: string };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(`rapport-workspace-${workspaceId}`);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<{ recordId: string; field: string; to: unknown }[]>((resolve, reject) => {
        const request = db.transaction('audit').objectStore('audit').getAll();
        request.onsuccess = () => resolve(request.result as { recordId: string; field: string; to: unknown }[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows.filter((row) => row.recordId === recordId && row.field === 'title').map((row) => row.to).sort();
    }, id);
  await expect.poll(() => titles(alice), { timeout: 30_000 }).toEqual(['Buyer', 'Head buyer']);
  await expect.poll(() => titles(bob), { timeout: 30_000 }).toEqual(['Buyer', 'Head buyer']);
  await alice.goto(`${server.url}/settings`);
  await alice.getByTestId('sync-pending').filter({ hasText: 'Every change made here has reached another device.' }).waitFor();
  for (const page of [alice, bob]) await closeDevice(page);
});

test('relay: A writes while B is away; A closes; B opens its invite later and gets the writes from the relay', async () => {
  const alice = await device(DESKTOP);
  await alice.goto(server.url);
  await startWorkspace(alice, 'Alice Relay');
  await alice.goto(`${server.url}/settings`);
  await alice.getByLabel('Relay').fill(relay.url);
  await alice.getByRole('button', { name: 'Save', exact: true }).click();
  await alice.locator('[data-testid="relay-state"][data-state="online"]').waitFor({ timeout: 30_000 });
  const link = await alice.getByTestId('invite-link').inputValue();
  expect(link).toContain('&relay=');
  await newCustomer(alice, 'Relay Customer');
  // The relay holds the change (and, as the README says, can read it) before Alice goes.
  await expect.poll(() => [...relayed.values()].some((contents) => contents.includes('Relay Customer')), { timeout: 15_000 }).toBe(true);
  await closeDevice(alice);

  const bob = await device(PHONE);
  await bob.goto(link);
  await startWorkspace(bob, 'Bob Relay');
  await expect.poll(async () => (await readModel(bob, 'customers')).first?.name, { timeout: 30_000 }).toBe('Relay Customer');
  await syncState(bob, 'online');
  await closeDevice(bob);
});

test('sync file: a whole workspace carried between two fresh profiles with no server at all', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-sync-file-'));
  const alice = await device(DESKTOP);
  await alice.goto(server.url);
  await startWorkspace(alice, 'Alice File');
  await newCustomer(alice, 'Carried Customer');
  await alice.goto(`${server.url}/settings`);
  const link = await alice.getByTestId('invite-link').inputValue();
  const [download] = await Promise.all([alice.waitForEvent('download'), alice.getByRole('button', { name: 'Export sync file' }).click()]);
  const file = join(folder, download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).toString('latin1')).not.toContain('Carried Customer');

  const bob = await device(PHONE);
  await bob.goto(link);
  await startWorkspace(bob, 'Bob File');
  await bob.goto(`${server.url}/settings`);
  await bob.getByTestId('sync-file-input').setInputFiles(file);
  await bob.getByTestId('sync-file-outcome').filter({ hasText: /^Merged \d+ documents/ }).waitFor();
  expect((await readModel(bob, 'customers')).first?.name).toBe('Carried Customer');
  for (const page of [alice, bob]) await closeDevice(page);
  rmSync(folder, { recursive: true, force: true });
});

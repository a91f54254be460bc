import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startRelayServer, tokenOpensRoom, type RelayServer } from '../../../scripts/relay.mjs';
import { relayCredentials } from '../../../src/data/sync/relayLink';
import { SyncService } from '../../../src/data/sync/syncService';
import { newId } from '../../../src/platform/ids';
import { deriveWorkspaceKeys, newWorkspaceSecret } from '../../../src/sync/peer/crypto';
import { snapshot, startDevice, stopDevice, type Device } from './devices';

// The relay (scripts/relay.mjs, Hocuspocus with SQLite in a temporary folder) as the always-on peer: a device writes and leaves,
// another comes later and gets the writes; a device without the secret reaches nothing of theirs.

let relay: RelayServer;
let folder: string;
let workspaceId: string;
let secret: string;
const devices: Device[] = [];
const services: SyncService[] = [];

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'rapport-relay-'));
  relay = await startRelayServer({ host: '127.0.0.1', port: 0, database: join(folder, 'relay.sqlite') });
  workspaceId = newId();
  secret = newWorkspaceSecret();
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  for (const device of devices.splice(0)) await stopDevice(device);
  await relay.close();
  rmSync(folder, { recursive: true, force: true });
});

async function startService(name: string, withSecret = secret): Promise<{ device: Device; service: SyncService }> {
  const device = await startDevice(name, workspaceId);
  devices.push(device);
  const { memberId, deviceId } = device.actor;
  const service = new SyncService(device.engine, { workspaceId, memberId, deviceId, displayName: name, role: 'member', secret: withSecret, defaults: {} }, { relayWebSocket: WebSocket });
  services.push(service);
  await service.start();
  return { device, service };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('relay', () => {
  test('the token opens only the room it hashes to', async () => {
    const { token, room } = await relayCredentials(await deriveWorkspaceKeys(workspaceId, secret));
    expect(room).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenOpensRoom(`${room}/customers`, token)).toBe(true);
    const other = await relayCredentials(await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret()));
    expect(tokenOpensRoom(`${room}/customers`, other.token)).toBe(false);
    expect(tokenOpensRoom(`${workspaceId}/customers`, token)).toBe(false);
    expect(tokenOpensRoom(`${room}/customers`, '')).toBe(false);
  });

  test('A writes and leaves; B, started later, gets the writes from the relay; another secret meets neither', async () => {
    const alice = await startService('Alice');
    await alice.service.configure({ relayUrl: relay.url });
    const created = await alice.device.commands.createCustomer({ name: 'Wang Fang', emails: [] });
    await alice.device.commands.createCustomer({ name: 'Li Lei', emails: [] });
    if (!created.ok) throw new Error('the customer was refused');
    expect((await alice.device.commands.logInteraction({ customerId: created.value, type: 'note', subject: 'Met at the fair' })).ok).toBe(true);
    await until(() => alice.service.status().state === 'online' && alice.service.status().pendingChanges === 0, "Alice's changes to reach the relay");
    expect(alice.service.status()).toMatchObject({ relay: 'online', relayUrl: relay.url });
    // Her projection is debounced: her read model may trail what already reached the relay.
    await until(async () => (await alice.device.db.customers.count()) === 2 && (await alice.device.db.interactions.count()) === 1, "Alice's projection");
    const aliceSnapshot = await snapshot(alice.device.db);
    await alice.service.stop();

    const bob = await startService('Bob');
    await bob.service.configure({ relayUrl: relay.url });
    await until(async () => (await bob.device.db.customers.count()) === 2 && (await bob.device.db.interactions.count()) === 1, "Alice's writes to reach Bob");
    const bobSnapshot = await snapshot(bob.device.db);
    expect(bobSnapshot.customers).toEqual(aliceSnapshot.customers);
    expect(bobSnapshot.interactions).toEqual(aliceSnapshot.interactions);

    const mallory = await startService('Mallory', newWorkspaceSecret());
    await mallory.service.configure({ relayUrl: relay.url });
    // Another secret is another room: Mallory's relay link works, but holds only what she writes.
    await mallory.device.commands.createCustomer({ name: 'Planted Customer', emails: [] });
    await until(() => mallory.service.status().lastFullSync !== null && mallory.service.status().pendingChanges === 0, "Mallory's write to reach the relay");
    expect((await mallory.device.db.customers.toArray()).map((row) => row.name)).toEqual(['Planted Customer']);
    await bob.device.engine.projection.idle();
    expect(await bob.device.db.customers.count()).toBe(2);
  }, 30_000);
});

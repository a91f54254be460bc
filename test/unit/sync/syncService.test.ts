import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalServer, type SignalServer } from '../../../scripts/signal.mjs';
import { InvalidSyncSettingError, SyncService } from '../../../src/data/sync/syncService';
import type { WorkspaceIdentity } from '../../../src/data/tabs';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { newWorkspaceSecret } from '../../../src/sync/peer/crypto';
import type { SocketLike } from '../../../src/sync/peer/signalingClient';
import { snapshot, startDevice, stopDevice, type Device } from './devices';
import { FakePeerConnection } from './fakeWebrtc';

// The leader's sync service over a real signaling server (WebRTC faked, as in peerMesh.test.ts): settings, status,
// pending changes and the secret gate, as Settings › Sync sees them.

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let signal: SignalServer;
let workspaceId: string;
let secret: string;
const devices: Device[] = [];
const services: SyncService[] = [];

beforeEach(async () => {
  let time = NOW;
  setClockForTests(() => (time += 1000));
  signal = await startSignalServer({ host: '127.0.0.1', port: 0 });
  workspaceId = newId();
  secret = newWorkspaceSecret();
});

afterEach(async () => {
  for (const service of services.splice(0)) await service.stop();
  for (const device of devices.splice(0)) await stopDevice(device);
  await signal.close();
});

async function startService(name: string, withSecret = secret): Promise<{ device: Device; service: SyncService }> {
  const device = await startDevice(name, workspaceId);
  devices.push(device);
  const identity: WorkspaceIdentity = {
    workspaceId,
    memberId: device.actor.memberId,
    deviceId: device.actor.deviceId,
    displayName: name,
    role: 'member',
    secret: withSecret,
    defaults: {},
  };
  const service = new SyncService(device.engine, identity, {
    connect: (url) => {
      const socket = new WebSocket(url);
      // ws (unlike a browser) throws when a socket closed mid-handshake has no error listener.
      socket.on('error', () => {});
      return socket as unknown as SocketLike;
    },
    createPeerConnection: () => new FakePeerConnection(),
    reannounceMs: 50,
  });
  services.push(service);
  await service.start();
  return { device, service };
}

/** Each user action comes in its own turn of the event loop; the pending count counts one change per turn. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sync service', () => {
  test('off until a server is set; then devices meet, sync, count pending changes and remember peers', async () => {
    const alice = await startService('Alice');
    expect(alice.service.status()).toMatchObject({ state: 'off', signalingUrl: '', peers: [], pendingChanges: 0, lastFullSync: null });
    for (const name of ['Wang Fang', 'Li Lei']) {
      await nextTurn();
      await alice.device.commands.createCustomer({ name, emails: [] });
    }
    expect(alice.service.status().pendingChanges).toBe(2);

    await alice.service.configure({ signalingUrl: ` ${signal.url} ` });
    await until(() => alice.service.status().state === 'online', 'Alice to reach the signaling server');
    const bob = await startService('Bob');
    await bob.service.configure({ signalingUrl: signal.url });
    await until(() => alice.service.status().peers.some((peer) => peer.online && !peer.syncing), 'Alice to see Bob in step');
    await until(async () => (await bob.device.db.customers.count()) === 2, "Alice's customers to reach Bob");
    expect(alice.service.status()).toMatchObject({
      state: 'online',
      pendingChanges: 0,
      peers: [{ deviceId: bob.device.actor.deviceId, memberId: bob.device.actor.memberId, displayName: 'Bob', online: true, syncing: false }],
    });
    expect(alice.service.status().lastFullSync).toBeGreaterThan(NOW);

    const id = (await bob.device.db.customers.toCollection().first())?.id;
    if (!id) throw new Error('Bob has no customers');
    const sentBefore = bob.service.status().peers[0]?.traffic?.sent ?? 0;
    await bob.device.commands.updateCustomer(id, { title: 'Buyer' });
    await until(async () => (await alice.device.db.customers.get(id))?.title === 'Buyer', "Bob's edit to reach Alice");
    // Settings › Sync shows each peer's traffic; a one-field edit (with its audit entry) costs a few hundred bytes.
    const editBytes = (bob.service.status().peers[0]?.traffic?.sent ?? 0) - sentBefore;
    expect(editBytes).toBeGreaterThan(0);
    expect(editBytes).toBeLessThanOrEqual(1024);
    expect(bob.service.status().pendingChanges).toBe(0);

    await alice.service.configure({ signalingUrl: '' });
    await until(() => bob.service.status().peers.every((peer) => !peer.online), 'Bob to see Alice leave');
    expect(alice.service.status()).toMatchObject({ state: 'off', peers: [{ displayName: 'Bob', online: false }] });
    await alice.device.commands.updateCustomer(id, { title: 'Head buyer' });
    expect(alice.service.status().pendingChanges).toBe(1);

    await alice.service.configure({ signalingUrl: signal.url });
    await until(async () => (await bob.device.db.customers.get(id))?.title === 'Head buyer', 'the offline edit to arrive after reconnecting');
    await until(() => alice.service.status().pendingChanges === 0, 'the pending count to clear');
    await until(async () => JSON.stringify(await snapshot(alice.device.db)) === JSON.stringify(await snapshot(bob.device.db)), 'identical read models');
    expect([...alice.service.status().issues, ...bob.service.status().issues]).toEqual([]);
  }, 20_000);

  test('a device with another secret meets no one; rotating the secret leaves the old one out', async () => {
    const alice = await startService('Alice');
    await alice.device.commands.createCustomer({ name: 'Wang Fang', emails: [] });
    await alice.service.configure({ signalingUrl: signal.url });
    const mallory = await startService('Mallory', newWorkspaceSecret());
    await mallory.service.configure({ signalingUrl: signal.url });
    const bob = await startService('Bob');
    await bob.service.configure({ signalingUrl: signal.url });
    await until(async () => (await bob.device.db.customers.count()) === 1, 'Bob to receive the customer');
    expect(mallory.service.status().peers).toEqual([]);
    expect(await mallory.device.db.customers.count()).toBe(0);

    const rotated = newWorkspaceSecret();
    await alice.service.configure({ secret: rotated });
    expect(alice.service.invite()).toEqual({ workspaceId, secret: rotated, signalingUrl: signal.url, relayUrl: '' });
    await until(() => alice.service.status().peers.every((peer) => !peer.online), 'Bob to be left out');
    await alice.device.commands.createCustomer({ name: 'Li Lei', emails: [] });
    await bob.service.configure({ secret: rotated });
    await until(async () => (await bob.device.db.customers.count()) === 2, 'Bob, re-invited, to catch up');
    expect(await mallory.device.db.customers.count()).toBe(0);
  }, 20_000);

  test('refuses a server address that is not ws:// or wss://, and a secret under 128 bits', async () => {
    const { service } = await startService('Alice');
    await expect(service.configure({ signalingUrl: 'http://example.com' })).rejects.toThrow(InvalidSyncSettingError);
    await expect(service.configure({ secret: 'c2hvcnQ' })).rejects.toThrow('at least 16 bytes');
    expect(service.status().state).toBe('off');
  });

  test('settings, pending changes and known peers survive a restart of the leader', async () => {
    const first = await startService('Alice');
    await first.service.configure({ signalingUrl: signal.url });
    await first.device.commands.createCustomer({ name: 'Wang Fang', emails: [] });
    await first.service.configure({ signalingUrl: '' });
    await first.device.commands.createCustomer({ name: 'Li Lei', emails: [] });
    const pending = first.service.status().pendingChanges;
    expect(pending).toBe(2);
    await first.service.stop();
    services.splice(services.indexOf(first.service), 1);
    const again = new SyncService(first.device.engine, { ...identityOf(first.device), secret }, {});
    services.push(again);
    // A command that lands while the restarted leader still reads its stored counters is pending too.
    const table = first.device.engine.db.device;
    const read = table.bulkGet.bind(table) as (keys: string[]) => Promise<unknown>;
    let loadCounters = () => {};
    const held = new Promise<void>((resolve) => (loadCounters = resolve));
    vi.spyOn(table, 'bulkGet').mockImplementationOnce((async (keys: string[]) => {
      await held;
      return read(keys);
    }) as unknown as typeof table.bulkGet);
    const starting = again.start();
    await first.device.commands.createCustomer({ name: 'Zhang Wei', emails: [] });
    loadCounters();
    await starting;
    expect(again.status()).toMatchObject({ state: 'off', signalingUrl: '', pendingChanges: pending + 1 });
    expect(await table.get('sync.pendingChanges')).toMatchObject({ value: pending + 1 });
  });

  test('a leader that cannot read its stored counters still stops, and leaves them as they were', async () => {
    const first = await startService('Alice');
    await first.device.commands.createCustomer({ name: 'Wang Fang', emails: [] });
    await first.service.stop();
    services.splice(services.indexOf(first.service), 1);
    const table = first.device.engine.db.device;
    expect(await table.get('sync.pendingChanges')).toMatchObject({ value: 1 });
    const again = new SyncService(first.device.engine, { ...identityOf(first.device), secret }, {});
    vi.spyOn(table, 'bulkGet').mockRejectedValueOnce(new Error('IndexedDB refused the read'));
    await expect(again.start()).rejects.toThrow('IndexedDB refused the read');
    await first.device.commands.createCustomer({ name: 'Li Lei', emails: [] });
    await again.stop();
    expect(await table.get('sync.pendingChanges')).toMatchObject({ value: 1 });
  });
});

function identityOf(device: Device): WorkspaceIdentity {
  return { workspaceId, memberId: device.actor.memberId, deviceId: device.actor.deviceId, displayName: device.name, role: 'member', secret, defaults: {} };
}

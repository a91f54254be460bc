import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalServer, type SignalServer } from '../../../scripts/signal.mjs';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { deriveWorkspaceKeys, newWorkspaceSecret, type WorkspaceKeys } from '../../../src/sync/peer/crypto';
import { PeerMesh, type PeerConnectionLike } from '../../../src/sync/peer/peerMesh';
import { remotePeerConnections, servePeerConnections, type BridgePort } from '../../../src/sync/peer/rtcBridge';
import { SignalingClient, type SocketLike } from '../../../src/sync/peer/signalingClient';
import { snapshot, startDevice, stopDevice, type Device } from './devices';
import { FakePeerConnection } from './fakeWebrtc';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let signal: SignalServer;
let workspaceId: string;
let keys: WorkspaceKeys;
const devices: Device[] = [];
const meshes: PeerMesh[] = [];
const seen: string[] = [];
const connections: FakePeerConnection[] = [];
const bridges: (() => void)[] = [];

/** How the mesh reaches its connections: directly (a tab), or through the bridge a worker uses (rtcBridge.ts). */
type Route = 'direct' | 'bridged';

function fakeConnection(): FakePeerConnection {
  const connection = new FakePeerConnection();
  connections.push(connection);
  return connection;
}

function connectionsFor(route: Route, log: (entry: Device['logs'][number]) => void): () => PeerConnectionLike {
  if (route === 'direct') return fakeConnection;
  const { port1: worker, port2: tab } = new MessageChannel();
  worker.start();
  tab.start();
  bridges.push(servePeerConnections(tab as unknown as BridgePort, log, () => fakeConnection() as unknown as RTCPeerConnection));
  bridges.push(() => {
    worker.close();
    tab.close();
  });
  return remotePeerConnections(worker as unknown as BridgePort);
}

beforeEach(async () => {
  let time = NOW;
  setClockForTests(() => (time += 1000));
  seen.length = 0;
  connections.length = 0;
  signal = await startSignalServer({ host: '127.0.0.1', port: 0, tap: (text: string) => seen.push(text) });
  workspaceId = newId();
  keys = await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret());
});

afterEach(async () => {
  for (const mesh of meshes.splice(0)) mesh.close();
  for (const close of bridges.splice(0)) close();
  for (const device of devices.splice(0)) await stopDevice(device);
  await signal.close();
});

async function join(name: string, route: Route, withKeys = keys): Promise<{ device: Device; mesh: PeerMesh }> {
  const device = await startDevice(name, workspaceId);
  devices.push(device);
  const peerId = newId();
  const log = (entry: Device['logs'][number]) => device.logs.push(entry);
  const signaling = new SignalingClient({ url: signal.url, keys: withKeys, peerId, log, connect: (url) => new WebSocket(url) as unknown as SocketLike });
  const mesh = new PeerMesh({
    docs: device.engine.docs,
    keys: withKeys,
    signaling,
    peerId,
    presence: () => ({ memberId: device.actor.memberId, displayName: name, deviceId: device.actor.deviceId }),
    log,
    createPeerConnection: connectionsFor(route, log),
    reannounceMs: 50,
  });
  meshes.push(mesh);
  mesh.start();
  return { device, mesh };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const syncedPeers = (mesh: PeerMesh) => mesh.sessions().filter((session) => session.state === 'synced').length;

async function inStep(group: readonly Device[]): Promise<boolean> {
  for (const device of group) await device.engine.projection.idle();
  const [first, ...rest] = await Promise.all(group.map((device) => snapshot(device.db)));
  return rest.every((other) => JSON.stringify(other) === JSON.stringify(first));
}

describe('peer mesh over the signaling server (WebRTC faked)', () => {
  test.each<Route>(['direct', 'bridged'])('three devices meet, sync and stream edits; an outsider meets no one; a device that leaves is dropped (connections %s)', async (route) => {
    const alice = await join('Alice', route);
    for (const name of ['Wang Fang', 'Li Lei', 'Han Meimei']) await alice.device.commands.createCustomer({ name, emails: [] });
    const bob = await join('Bob', route);
    const chen = await join('Chen', route);
    const outsider = await join('Mallory', route, await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret()));
    const trio = [alice, bob, chen];
    await until(() => trio.every(({ mesh }) => syncedPeers(mesh) === 2), 'every member to be in step with the two others');
    await until(() => inStep(trio.map((m) => m.device)), 'identical read models');
    expect(await chen.device.db.customers.count()).toBe(3);
    const connected = connections.filter((connection) => connection.connectionState === 'connected');
    expect(connected).toHaveLength(6);
    expect(connected.map((connection) => connection.candidates.length)).toEqual([1, 1, 1, 1, 1, 1]);

    const id = (await bob.device.db.customers.toCollection().first())?.id;
    if (!id) throw new Error('Bob has no customers');
    await bob.device.commands.updateCustomer(id, { title: 'Buyer' });
    await until(async () => (await chen.device.db.customers.get(id))?.title === 'Buyer', "Bob's edit to reach Chen");
    await until(() => inStep(trio.map((m) => m.device)), 'identical read models after the edit');
    expect(bob.mesh.sessions().map((s) => s.remote.presence?.displayName).sort()).toEqual(['Alice', 'Chen']);

    expect(outsider.mesh.sessions()).toEqual([]);
    expect(await outsider.device.db.customers.count()).toBe(0);
    expect(seen.join('\n')).not.toContain('Wang Fang');

    alice.mesh.close();
    await until(() => bob.mesh.sessions().length === 1 && chen.mesh.sessions().length === 1, "Alice's links to be dropped");
    expect(trio.flatMap(({ device }) => device.logs)).toEqual([]);
  }, 20_000);
});

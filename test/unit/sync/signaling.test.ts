import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalServer, type SignalServer } from '../../../scripts/signal.mjs';
import { deriveWorkspaceKeys, newWorkspaceSecret, type WorkspaceKeys } from '../../../src/sync/peer/crypto';
import type { SyncLogEntry } from '../../../src/sync/peer/log';
import { SignalingClient, type SignalMessage, type SocketLike } from '../../../src/sync/peer/signalingClient';

const WORKSPACE = '019ab2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';
const servers: SignalServer[] = [];
const clients: SignalingClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

async function server(options: Parameters<typeof startSignalServer>[0] = {}): Promise<SignalServer> {
  const started = await startSignalServer({ host: '127.0.0.1', port: 0, ...options });
  servers.push(started);
  return started;
}

async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A raw `ws` client that queues what it receives, to speak the signaling protocol by hand. */
async function rawClient(url: string) {
  const socket = new WebSocket(url);
  const inbox: Record<string, unknown>[] = [];
  let closedWith: number | undefined;
  socket.on('message', (data) => inbox.push(JSON.parse(data.toString()) as Record<string, unknown>));
  socket.on('close', (code) => (closedWith = code));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return {
    send: (message: unknown) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: async () => {
      await until(() => inbox.length > 0, 'a message');
      return inbox.shift();
    },
    /** A ping round trip: everything this client sent before has been handled by the server. */
    sync: async function () {
      this.send({ type: 'ping' });
      expect(await this.next()).toEqual({ type: 'pong' });
    },
    closed: () => closedWith,
    close: () => socket.close(),
  };
}

describe('signaling server', () => {
  test('relays publishes to a topic\'s subscribers, answers pings, survives garbage, enforces its caps', async () => {
    const signal = await server({ maxTopics: 3 });
    expect(signal.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const [a, b, c] = await Promise.all([rawClient(signal.url), rawClient(signal.url), rawClient(signal.url)]);
    a.send({ type: 'subscribe', topics: ['room'] });
    b.send({ type: 'subscribe', topics: ['room', 42, ''] });
    await Promise.all([a.sync(), b.sync()]);

    c.send({ type: 'publish', topic: 'room', data: 'from outside the room' });
    await c.sync();
    a.send({ type: 'publish', topic: 'room', data: 'hello' });
    expect(await b.next()).toEqual({ type: 'publish', topic: 'room', data: 'hello', clients: 2 });
    expect(await a.next()).toEqual({ type: 'publish', topic: 'room', data: 'hello', clients: 2 });

    for (const garbage of ['not json', 'null', '[1,2]', '{"type":"subscribe","topics":"room"}', '{"type":"publish"}']) a.send(garbage);
    await a.sync();

    c.send({ type: 'subscribe', topics: ['t1', 't2', 't3', 't4'] });
    expect(await c.next()).toEqual({ type: 'error', reason: 'at most 3 topics per connection' });

    b.send({ type: 'unsubscribe', topics: ['room'] });
    await b.sync();
    a.send({ type: 'publish', topic: 'room', data: 'after' });
    expect(await a.next()).toMatchObject({ data: 'after', clients: 1 });
    await b.sync();

    c.send('x'.repeat(200 * 1024));
    await until(() => c.closed() !== undefined, 'the oversized sender to be cut off');
    expect(c.closed()).toBe(1009);
    await a.sync();

    await signal.close();
    servers.length = 0;
    await until(() => a.closed() !== undefined && b.closed() !== undefined, 'clients to be closed by the server');
  });
});

function signaling(url: string, keys: WorkspaceKeys, peerId: string, logs: SyncLogEntry[], extra: Partial<ConstructorParameters<typeof SignalingClient>[0]> = {}) {
  const client = new SignalingClient({
    url,
    keys,
    peerId,
    log: (entry) => logs.push(entry),
    connect: (target) => new WebSocket(target) as unknown as SocketLike,
    ...extra,
  });
  const inbox: SignalMessage[] = [];
  client.onMessage((message) => inbox.push(message));
  clients.push(client);
  client.start();
  return { client, inbox };
}

describe('signaling client', () => {
  test('two devices find each other and exchange signals; the server sees only ciphertext and a derived topic', async () => {
    const seen: string[] = [];
    const signal = await server({ tap: (text: string) => seen.push(text) });
    const keys = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const logs: SyncLogEntry[] = [];
    const a = signaling(signal.url, keys, 'peer-a', logs);
    await until(() => a.client.status === 'open', 'A to connect');
    const b = signaling(signal.url, keys, 'peer-b', logs);
    await until(() => a.inbox.length > 0, "B's announcement to reach A");
    expect(a.inbox).toEqual([{ kind: 'announce', from: 'peer-b' }]);

    const offer = { type: 'offer', sdp: 'v=0 customer Wang Fang wang.fang@example.com' };
    await a.client.signal('peer-b', offer);
    await a.client.signal('peer-c', { type: 'offer', sdp: 'for someone else' });
    await b.client.signal('peer-a', { type: 'answer', sdp: 'v=0 answer' });
    // Announcements may come and go meanwhile (a device announces again when it hears a newcomer): signals are what
    // this test follows.
    const signals = (inbox: SignalMessage[]) => inbox.filter((message) => message.kind === 'signal');
    await until(() => signals(b.inbox).length > 0 && signals(a.inbox).length > 0, 'the offer and the answer');
    expect(signals(b.inbox)).toEqual([{ kind: 'signal', from: 'peer-a', to: 'peer-b', data: offer }]);
    expect(signals(a.inbox)).toEqual([{ kind: 'signal', from: 'peer-b', to: 'peer-a', data: { type: 'answer', sdp: 'v=0 answer' } }]);

    const traffic = seen.join('\n');
    expect(traffic).toContain(keys.topic);
    for (const secretText of ['Wang Fang', 'wang.fang', 'peer-a', 'peer-b', 'offer', WORKSPACE]) expect(traffic).not.toContain(secretText);
    expect(logs).toEqual([]);
  });

  test('a device with another secret meets no one; one that forges the topic cannot read or be read', async () => {
    const signal = await server();
    const keys = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const stranger = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const memberLogs: SyncLogEntry[] = [];
    const strangerLogs: SyncLogEntry[] = [];
    const forgerLogs: SyncLogEntry[] = [];
    const member = signaling(signal.url, keys, 'member', memberLogs);
    await until(() => member.client.status === 'open', 'the member to connect');
    const outsider = signaling(signal.url, stranger, 'outsider', strangerLogs);
    const forger = signaling(signal.url, { ...stranger, topic: keys.topic }, 'forger', forgerLogs);
    await until(() => memberLogs.length > 0 && outsider.client.status === 'open', 'the forged announcement to be refused');
    await member.client.announce();
    await until(() => forgerLogs.length > 0, "the member's announcement to be refused by the forger");

    expect(member.inbox).toEqual([]);
    expect(outsider.inbox).toEqual([]);
    expect(forger.inbox).toEqual([]);
    expect(memberLogs.map((l) => l.code)).toEqual(['decrypt_failed']);
    expect(forgerLogs.map((l) => l.code)).toEqual(['decrypt_failed']);
    expect(strangerLogs).toEqual([]);
  });

  test('reconnects with backoff after the server restarts, and announces itself again', async () => {
    const first = await server();
    const keys = await deriveWorkspaceKeys(WORKSPACE, newWorkspaceSecret());
    const logs: SyncLogEntry[] = [];
    const statuses: string[] = [];
    const a = signaling(first.url, keys, 'peer-a', logs, { initialBackoffMs: 20, maxBackoffMs: 100 });
    a.client.onStatus((status) => statuses.push(status));
    await until(() => a.client.status === 'open', 'A to connect');
    await first.close();
    servers.length = 0;
    await until(() => a.client.status === 'connecting', 'A to notice the server is gone');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await server({ port: first.port });
    await until(() => a.client.status === 'open', 'A to reconnect');
    const b = signaling(first.url, keys, 'peer-b', logs);
    await until(() => b.inbox.length > 0 || a.inbox.length > 0, 'the devices to meet again');
    await b.client.signal('peer-a', 'ping through the new server');
    await until(() => a.inbox.some((m) => m.kind === 'signal'), 'the signal');
    expect(statuses.slice(0, 2)).toEqual(['open', 'connecting']);
    expect(statuses.at(-1)).toBe('open');
    expect(logs).toEqual([]);
  });
});

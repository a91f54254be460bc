import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generateDemo } from '../../../src/domain/demo';
import type { CustomerId } from '../../../src/domain/ids';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { CUSTOMERS_DOC } from '../../../src/sync/documentNames';
import { deriveWorkspaceKeys, newWorkspaceSecret, seal, type WorkspaceKeys } from '../../../src/sync/peer/crypto';
import { encodeMessage } from '../../../src/sync/peer/protocol';
import { connect, disconnectAll, settle, snapshot, startDevice, stopDevice, type Connection, type Device } from './devices';
import { mulberry32 } from '../../../src/analytics/random';
import { MemoryNetwork } from './memoryNetwork';

const SEED = 20_261_123;
const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
console.info(`peer session tests: seed ${SEED}`);

let workspaceId: string;
let keys: WorkspaceKeys;
let devices: Device[];

beforeEach(async () => {
  let time = NOW;
  setClockForTests(() => (time += 1000));
  workspaceId = newId();
  keys = await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret());
  devices = [];
});

afterEach(async () => {
  disconnectAll();
  for (const device of devices) await stopDevice(device);
});

async function device(name: string): Promise<Device> {
  const started = await startDevice(name, workspaceId);
  devices.push(started);
  return started;
}

async function createCustomer(on: Device, name: string): Promise<CustomerId> {
  const result = await on.commands.createCustomer({ name, emails: [`${name.toLowerCase()}@example.com`], phones: ['138 1234 5678'] });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function totalBytes(connection: Connection): number {
  return connection.link.bytes[0] + connection.link.bytes[1];
}

describe('two devices', () => {
  test('offline edits of one customer: different fields both survive, the same field converges, history keeps both', async () => {
    const network = new MemoryNetwork(SEED, 3);
    const [a, b] = [await device('Alice'), await device('Bob')];
    const id = await createCustomer(a, 'Wang');
    let connection = connect(network, [a, b], [keys, keys]);
    await settle(network, [connection], devices);
    expect(connection.sessions.map((s) => s.state)).toEqual(['synced', 'synced']);
    expect((await b.db.customers.get(id))?.name).toBe('Wang');
    expect(connection.sessions[1].remote.presence).toMatchObject({ displayName: 'Alice', memberId: a.actor.memberId, deviceId: a.actor.deviceId });

    connection.link.cut();
    expect(connection.sessions.map((s) => s.state)).toEqual(['closed', 'closed']);
    await a.commands.updateCustomer(id, { phones: ['139 0000 1111'], title: 'Buyer' });
    await b.commands.updateCustomer(id, { emails: ['wang@example.org'], title: 'Head of buying' });
    connection = connect(network, [a, b], [keys, keys]);
    await settle(network, [connection], devices);

    const [left, right] = [await snapshot(a.db), await snapshot(b.db)];
    expect(right).toEqual(left);
    const row = await a.db.customers.get(id);
    expect(row?.phones).toEqual(['+8613900001111']);
    expect(row?.emails).toEqual(['wang@example.org']);
    expect(['Buyer', 'Head of buying']).toContain(row?.title);
    const titleEdits = (await a.db.audit.where('[recordId+at]').between([id, 0], [id, Infinity]).toArray()).filter((e) => e.field === 'title');
    expect(titleEdits.map((e) => e.to).sort()).toEqual(['Buyer', 'Head of buying']);
    expect(a.logs).toEqual([]);
    expect(b.logs).toEqual([]);
  });

  test('one field edit costs under 1 KiB on the wire, framed and encrypted', async () => {
    const network = new MemoryNetwork(SEED);
    const [a, b] = [await device('Alice'), await device('Bob')];
    const id = await createCustomer(a, 'Wang');
    const connection = connect(network, [a, b], [keys, keys]);
    await settle(network, [connection], devices);
    const edit = async (title: string) => {
      const before = totalBytes(connection);
      await a.commands.updateCustomer(id, { title });
      await settle(network, [connection], devices);
      return totalBytes(connection) - before;
    };
    // The first edit of a quarter also creates that quarter's audit document: its name goes into meta and both
    // sides exchange its state once.
    const first = await edit('Buyer');
    const steady = await edit('Head of buying');
    console.info(`one field edit: ${steady} bytes on the wire (customer change and its audit entry); ${first} bytes for the first edit of a quarter`);
    expect((await b.db.customers.get(id))?.title).toBe('Head of buying');
    expect(steady).toBeLessThanOrEqual(1024);
    expect(first).toBeLessThanOrEqual(2048);
  });

  test('a late joiner receives 10,000 customers imported in bulk', async () => {
    const network = new MemoryNetwork(SEED);
    const [a, b] = [await device('Alice'), await device('Bob')];
    const demo = [...generateDemo({ seed: SEED, customers: 10_000, now: NOW, interactionsPerCustomer: 4 })];
    await a.commands.importCustomers(demo.map((d) => d.customer));
    await a.engine.projection.idle();
    const customers = a.engine.docs.get(CUSTOMERS_DOC) as Y.Doc;
    const state = Y.encodeStateAsUpdate(customers);
    const localStart = performance.now();
    Y.applyUpdate(new Y.Doc(), state);
    const localMs = performance.now() - localStart;

    const started = performance.now();
    const connection = connect(network, [a, b], [keys, keys]);
    await connection.sessions[1].synced;
    const syncedMs = performance.now() - started;
    await settle(network, [connection], devices);
    const projectedMs = performance.now() - started;
    console.info(
      `late join, 10,000 customers: customers document ${(state.byteLength / 1e6).toFixed(2)} MB, ` +
        `${(totalBytes(connection) / 1e6).toFixed(2)} MB on the wire; documents in step after ${syncedMs.toFixed(0)} ms ` +
        `(applying the same state locally: ${localMs.toFixed(0)} ms, ratio ${(syncedMs / localMs).toFixed(2)}); ` +
        `read model written after ${projectedMs.toFixed(0)} ms`,
    );
    expect(await b.db.customers.count()).toBe(10_000);
    const [left, right] = [await snapshot(a.db), await snapshot(b.db)];
    expect(right.customers).toEqual(left.customers);
    expect(b.logs).toEqual([]);
  }, 60_000);
});

describe('untrusted input', () => {
  test('malformed frames and messages are dropped and logged; the session keeps working', async () => {
    const network = new MemoryNetwork(SEED);
    const [a, b] = [await device('Alice'), await device('Bob')];
    const id = await createCustomer(a, 'Wang');
    const connection = connect(network, [a, b], [keys, keys]);
    await settle(network, [connection], devices);
    const strangers = await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret());

    connection.link.ends[0].send(Uint8Array.of(1, 2, 3));
    connection.framed[0].send(await seal(strangers.data, encodeMessage({ type: 'update', doc: CUSTOMERS_DOC, update: Uint8Array.of(0, 0) })));
    const injected = [
      Uint8Array.of(99, 1, 2),
      encodeMessage({ type: 'update', doc: CUSTOMERS_DOC, update: Uint8Array.of(1, 5, 200, 1, 2) }),
      encodeMessage({ type: 'update', doc: '../../etc/passwd', update: Uint8Array.of(0, 0) }),
      encodeMessage({ type: 'docList', names: ['customers', 'interactions-2025-Q5-0'] }),
      new Uint8Array([...encodeMessage({ type: 'syncStep1', doc: 'meta', stateVector: Uint8Array.of(0) }), 7]),
    ];
    for (const message of injected) connection.channels[0].send(message);
    connection.injected[1] += injected.length;
    await a.commands.updateCustomer(id, { title: 'Still in step' });
    await settle(network, [connection], devices);

    expect((await b.db.customers.get(id))?.title).toBe('Still in step');
    expect(b.logs.map((l) => l.code)).toEqual([
      'bad_frame',
      'decrypt_failed',
      'malformed_message',
      'bad_update',
      'malformed_message',
      'malformed_message',
      'malformed_message',
    ]);
    expect(b.logs[2]?.detail).toMatch(/unknown message type 99; dropped$/);
    expect(b.logs[4]?.detail).toMatch(/"..\/..\/etc\/passwd" is not a workspace document/);
    expect(b.logs[6]?.detail).toMatch(/1 bytes after the syncStep1 message/);
    expect(connection.sessions[1].stats.dropped).toBe(5);
    expect(connection.sessions.map((s) => s.state)).toEqual(['synced', 'synced']);
    expect(await snapshot(b.db)).toEqual(await snapshot(a.db));
  });

  test('a device with another secret cannot read the channel: nothing arrives either way', async () => {
    const network = new MemoryNetwork(SEED);
    const [a, c] = [await device('Alice'), await device('Mallory')];
    await createCustomer(a, 'Wang');
    await createCustomer(c, 'Intruder');
    const strangers = await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret());
    const connection = connect(network, [a, c], [keys, strangers]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(network, [], devices);
    expect(connection.sessions.map((s) => s.state)).toEqual(['handshake', 'handshake']);
    expect(a.logs.map((l) => l.code)).toEqual(['decrypt_failed']);
    expect(c.logs.map((l) => l.code)).toEqual(['decrypt_failed']);
    expect((await a.db.customers.toArray()).map((r) => r.name)).toEqual(['Wang']);
    expect((await c.db.customers.toArray()).map((r) => r.name)).toEqual(['Intruder']);
  });

  test('without channel encryption, the proof alone keeps out a device with another secret', async () => {
    const network = new MemoryNetwork(SEED);
    const [a, c] = [await device('Alice'), await device('Mallory')];
    await createCustomer(a, 'Wang');
    await createCustomer(c, 'Intruder');
    const strangers = await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret());
    const connection = connect(network, [a, c], [keys, strangers], false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(network, [], devices);
    expect(connection.sessions.map((s) => s.state)).toEqual(['closed', 'closed']);
    expect(a.logs.map((l) => l.code)).toEqual(['proof_rejected']);
    expect(connection.sessions[0].stats.messagesSent).toBe(2);
    const sentToIntruder = Buffer.concat(connection.link.traffic[0]);
    expect(sentToIntruder.includes('Wang')).toBe(false);
    expect(sentToIntruder.includes('wang@example.com')).toBe(false);
    expect((await a.db.customers.toArray()).map((r) => r.name)).toEqual(['Wang']);
  });
});

describe('three devices', () => {
  test('random commands under random partitions and delays converge to identical read models', async () => {
    const random = mulberry32(SEED);
    const network = new MemoryNetwork(SEED, 4);
    const trio = [await device('Alice'), await device('Bob'), await device('Chen')];
    const pairs = [
      [0, 1],
      [1, 2],
      [0, 2],
    ] as const;
    const links: (Connection | undefined)[] = pairs.map(([x, y]) => connect(network, [trio[x] as Device, trio[y] as Device], [keys, keys]));
    const known: CustomerId[] = [];
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const ROUNDS = 20;
    const COMMANDS = 10;
    let commands = 0;

    const randomCommands = async (round: number) => {
      for (const member of trio) {
        for (let i = 0; i < COMMANDS; i += 1) {
          commands += 1;
          const roll = random();
          if (roll < 0.25 || known.length === 0) {
            known.push(await createCustomer(member, `${member.name}${round}x${i}`));
          } else if (roll < 0.6) {
            const field = pick(['title', 'company', 'needs', 'tags', 'emails'] as const);
            const value = `${member.name.toLowerCase()}${Math.floor(random() * 1000)}`;
            const patch = field === 'tags' ? { tags: [value] } : field === 'emails' ? { emails: [`${value}@example.com`] } : { [field]: value };
            await member.commands.updateCustomer(pick(known), patch);
          } else if (roll < 0.85) {
            const at = random() < 0.5 ? NOW : Date.UTC(2025, Math.floor(random() * 12), 1 + Math.floor(random() * 28));
            await member.commands.logInteraction({ customerId: pick(known), type: 'note', body: `note ${round}.${i}`, at });
          } else if (roll < 0.93) {
            await member.commands.deleteRecord({ kind: 'customer', id: pick(known) });
          } else {
            await member.commands.restoreRecord({ kind: 'customer', id: pick(known) });
          }
        }
      }
    };

    for (let round = 0; round < ROUNDS; round += 1) {
      pairs.forEach(([x, y], index) => {
        const current = links[index];
        if (current && random() < 0.35) {
          current.link.cut();
          links[index] = undefined;
        } else if (!current && random() < 0.5) {
          links[index] = connect(network, [trio[x] as Device, trio[y] as Device], [keys, keys]);
        }
      });
      await randomCommands(round);
      await new Promise((resolve) => setTimeout(resolve, random() * 10));
    }

    pairs.forEach(([x, y], index) => {
      links[index] ??= connect(network, [trio[x] as Device, trio[y] as Device], [keys, keys]);
    });
    await settle(network, links as Connection[], trio);
    // Then a round with every link up and none new: only streamed updates can bring these changes across.
    await randomCommands(ROUNDS);
    await settle(network, links as Connection[], trio);
    const [first, ...rest] = await Promise.all(trio.map((member) => snapshot(member.db)));
    console.info(
      `three devices: ${commands} commands in ${ROUNDS} rounds; ${first?.customers?.length} customers, ` +
        `${first?.interactions?.length} interactions, ${first?.audit?.length} audit entries on each device`,
    );
    for (const other of rest) expect(other).toEqual(first);
    expect(first?.customers).toHaveLength(new Set(known).size);
    expect(trio.flatMap((member) => member.logs)).toEqual([]);
  }, 60_000);
});

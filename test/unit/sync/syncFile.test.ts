import 'fake-indexeddb/auto';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, test } from 'vitest';
import { exportSyncFile, importSyncFile, SyncFileError, type SyncFileProblem } from '../../../src/data/sync/syncFile';
import { setClockForTests } from '../../../src/platform/clock';
import { newId } from '../../../src/platform/ids';
import { deriveWorkspaceKeys, newWorkspaceSecret, seal } from '../../../src/sync/peer/crypto';
import { snapshot, startDevice, stopDevice, type Device } from './devices';

// Sneakernet: a whole workspace sealed into a file on one device and merged on another, with no network between.

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const devices: Device[] = [];

afterEach(async () => {
  for (const device of devices.splice(0)) await stopDevice(device);
});

async function device(name: string, workspaceId: string): Promise<Device> {
  const started = await startDevice(name, workspaceId);
  devices.push(started);
  return started;
}

async function problemOf(run: Promise<unknown>): Promise<SyncFileProblem> {
  try {
    await run;
  } catch (error) {
    if (error instanceof SyncFileError) return error.problem;
    throw error;
  }
  throw new Error('the import was accepted');
}

describe('sync file', () => {
  test('round trip: a fresh device gets everything, and edits made apart on both merge both ways', async () => {
    let time = NOW;
    setClockForTests(() => (time += 1000));
    const workspaceId = newId();
    const keys = await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret());
    const alice = await device('Alice', workspaceId);
    const created = await alice.commands.createCustomer({ name: 'Wang Fang', emails: ['fang@example.com'] });
    if (!created.ok) throw new Error('the customer was refused');
    const id = created.value;
    await alice.commands.createCustomer({ name: 'Li Lei', emails: [] });
    expect((await alice.commands.logInteraction({ customerId: id, type: 'call', at: Date.UTC(2025, 1, 3), subject: 'First call' })).ok).toBe(true);
    const file = await exportSyncFile(alice.engine.docs, keys);
    expect(new TextDecoder().decode(file)).not.toContain('Wang Fang');

    const bob = await device('Bob', workspaceId);
    expect(await importSyncFile(bob.engine.docs, keys, file)).toEqual({ documents: expect.any(Number), createdAt: expect.any(Number) });
    await bob.engine.projection.idle();
    expect(await bob.db.customers.count()).toBe(2);
    expect((await bob.db.interactions.toArray()).map((row) => row.subject)).toEqual(['First call']);

    await bob.commands.updateCustomer(id, { phones: ['+8613800138000'] });
    await alice.commands.updateCustomer(id, { title: 'Buyer' });
    await importSyncFile(alice.engine.docs, keys, await exportSyncFile(bob.engine.docs, keys));
    await importSyncFile(bob.engine.docs, keys, await exportSyncFile(alice.engine.docs, keys));
    for (const each of [alice, bob]) await each.engine.projection.idle();
    expect(await alice.db.customers.get(id)).toMatchObject({ title: 'Buyer', phones: ['+8613800138000'] });
    expect(await snapshot(bob.db)).toEqual(await snapshot(alice.db));
  });

  test('a file from another secret, another workspace, altered, or not a sync file changes nothing', async () => {
    const workspaceId = newId();
    const secret = newWorkspaceSecret();
    const keys = await deriveWorkspaceKeys(workspaceId, secret);
    const alice = await device('Alice', workspaceId);
    await alice.commands.createCustomer({ name: 'Wang Fang', emails: [] });
    const file = await exportSyncFile(alice.engine.docs, keys);
    const bob = await device('Bob', workspaceId);
    const before = await snapshot(bob.db);

    expect(await problemOf(importSyncFile(bob.engine.docs, await deriveWorkspaceKeys(workspaceId, newWorkspaceSecret()), file))).toBe('wrong_secret');
    const otherId = newId();
    expect(await problemOf(importSyncFile(bob.engine.docs, await deriveWorkspaceKeys(otherId, secret), file))).toBe('other_workspace');
    const altered = file.slice();
    altered[altered.length - 20] = (altered[altered.length - 20] ?? 0) ^ 1;
    expect(await problemOf(importSyncFile(bob.engine.docs, keys, altered))).toBe('wrong_secret');
    expect(await problemOf(importSyncFile(bob.engine.docs, keys, new TextEncoder().encode('name,email\nWang Fang,x\n')))).toBe('not_a_sync_file');
    const newer = file.slice();
    newer[12] = 2;
    expect(await problemOf(importSyncFile(bob.engine.docs, keys, newer))).toBe('unsupported_version');

    // Sealed with the right key but holding a document that is not the workspace's, after a good one: nothing applied.
    const body = encoding.createEncoder();
    encoding.writeFloat64(body, NOW);
    encoding.writeVarUint(body, 2);
    encoding.writeVarString(body, 'customers');
    encoding.writeVarUint8Array(body, new Uint8Array([0, 0]));
    encoding.writeVarString(body, 'passwords');
    encoding.writeVarUint8Array(body, new Uint8Array([0, 0]));
    const header = file.subarray(0, 13 + 1 + workspaceId.length);
    const forged = new Uint8Array([...header, ...(await seal(keys.data, encoding.toUint8Array(body)))]);
    await expect(importSyncFile(bob.engine.docs, keys, forged)).rejects.toThrow('"passwords" is not a workspace document');
    await bob.engine.projection.idle();
    expect(await snapshot(bob.db)).toEqual(before);
  });
});

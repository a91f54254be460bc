import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWorkspaceDb, SYNCED_TABLES, type RapportDb } from '../../../src/data/db';
import { WorkspaceEngine } from '../../../src/data/engine';
import type { DeviceId, MemberId } from '../../../src/domain/ids';
import { newId } from '../../../src/platform/ids';
import type { Commands } from '../../../src/sync/commands';
import { encryptedChannel, framedChannel, type PeerChannel } from '../../../src/sync/peer/channel';
import type { WorkspaceKeys } from '../../../src/sync/peer/crypto';
import type { SyncLogEntry } from '../../../src/sync/peer/log';
import { PeerSession } from '../../../src/sync/peer/peerSession';
import { memoryPersistence } from '../../../src/sync/workspaceDocs';
import type { MemoryLink, MemoryNetwork } from './memoryNetwork';

/** One device of a workspace: its own IndexedDB (a separate fake-indexeddb factory), engine and sync log. */
export interface Device {
  name: string;
  actor: { memberId: MemberId; deviceId: DeviceId };
  db: RapportDb;
  engine: WorkspaceEngine;
  commands: Commands;
  logs: SyncLogEntry[];
}

export async function startDevice(name: string, workspaceId: string): Promise<Device> {
  const db = openWorkspaceDb(workspaceId, new IDBFactory(), IDBKeyRange);
  const engine = await WorkspaceEngine.start({ workspaceId, db, persistence: memoryPersistence, log: { skipped: () => {} } });
  const actor = { memberId: newId<MemberId>(), deviceId: newId<DeviceId>() };
  await engine.ensureMember({ id: actor.memberId, displayName: name, deviceIds: [actor.deviceId], role: 'member' }, { defaultRegion: 'CN', currency: 'CNY' });
  return { name, actor, db, engine, commands: engine.commands(actor, 'tab-1'), logs: [] };
}

export async function stopDevice(device: Device): Promise<void> {
  await device.engine.close();
  device.db.close();
}

/** A connection between two devices over a memory link, through the same layers a data channel uses. */
export interface Connection {
  link: MemoryLink;
  framed: [PeerChannel, PeerChannel];
  channels: [PeerChannel, PeerChannel];
  sessions: [PeerSession, PeerSession];
  /** Messages pushed into a side's session behind the other session's back (tests of malformed input). */
  injected: [number, number];
}

const connections = new Set<Connection>();

/** Cuts every link made by connect(), ending its sessions (and their presence timers). */
export function disconnectAll(): void {
  for (const connection of connections) connection.link.cut();
  connections.clear();
}

export function connect(network: MemoryNetwork, devices: [Device, Device], keys: [WorkspaceKeys, WorkspaceKeys], encrypt = true): Connection {
  const link = network.link();
  const side = (index: 0 | 1) => {
    const device = devices[index];
    const log = (entry: SyncLogEntry) => device.logs.push(entry);
    const framed = framedChannel(link.ends[index], log);
    const channel = encrypt ? encryptedChannel(framed, keys[index].data, log) : framed;
    const session = new PeerSession({
      docs: device.engine.docs,
      channel,
      keys: keys[index],
      peerId: device.actor.deviceId,
      presence: () => ({ memberId: device.actor.memberId, displayName: device.name, deviceId: device.actor.deviceId }),
      log,
    });
    return { framed, channel, session };
  };
  const [a, b] = [side(0), side(1)];
  const connection: Connection = { link, framed: [a.framed, b.framed], channels: [a.channel, b.channel], sessions: [a.session, b.session], injected: [0, 0] };
  connections.add(connection);
  return connection;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Waits until every message sent on the open connections has been handled, then until every read model is written. */
export async function settle(network: MemoryNetwork, connections: readonly Connection[], devices: readonly Device[]): Promise<void> {
  for (;;) {
    await tick();
    const open = connections.filter(({ sessions }) => sessions[0].state !== 'closed' && sessions[1].state !== 'closed');
    await Promise.all(open.flatMap(({ sessions }) => sessions.map((session) => session.whenIdle())));
    const delivered = open.every(
      ({ sessions: [a, b], injected }) =>
        a.stats.messagesSent === b.stats.messagesReceived - injected[1] && b.stats.messagesSent === a.stats.messagesReceived - injected[0],
    );
    if (delivered && network.inFlight === 0) break;
  }
  for (const device of devices) await device.engine.projection.idle();
}

/** Every synced table, sorted by id: two devices in step have equal snapshots. */
export async function snapshot(db: RapportDb): Promise<Record<string, unknown[]>> {
  const tables = await Promise.all(SYNCED_TABLES.map(async (table) => [table, await db.table(table).orderBy(':id').toArray()] as const));
  return Object.fromEntries(tables);
}

import type * as Y from 'yjs';
import { now } from '../../platform/clock';
import { newId } from '../../platform/ids';
import { isAuditDoc, META_DOC } from '../../sync/documentNames';
import { deriveWorkspaceKeys, secretBytes, type WorkspaceKeys } from '../../sync/peer/crypto';
import { consoleSyncLog, type SyncLogEntry } from '../../sync/peer/log';
import { PeerMesh, type PeerConnectionLike } from '../../sync/peer/peerMesh';
import { PeerSession } from '../../sync/peer/peerSession';
import { SignalingClient, type SocketLike } from '../../sync/peer/signalingClient';
import type { WorkspaceEngine } from '../engine';
import type { WorkspaceIdentity } from '../tabs';
import { RelayLink, relayCredentials, type RelayState } from './relayLink';
import { isSignalingUrl } from './signalingUrl';
import { exportSyncFile, importSyncFile, type SyncFileImport } from './syncFile';

// Sync as the leader tab runs it: a WebRTC mesh (through the signaling server this device is set to use) and/or a
// link to the team's relay, both started with the keys of the workspace secret and restarted when a setting or the
// secret changes. It also keeps what Settings › Sync shows: who is online, local changes no other device has yet,
// the last full sync.

/** off: neither a signaling server nor a relay set; connecting: first attempt; offline: neither can be reached. */
export type SyncState = 'off' | 'connecting' | 'offline' | 'online' | 'syncing';

export interface SyncPeerStatus {
  deviceId: string;
  memberId: string;
  displayName: string;
  online: boolean;
  /** Exchanging what each side lacks (a first sync, or catching up after time apart). */
  syncing: boolean;
  /** This device's clock when the peer was last heard from, epoch ms. */
  lastSeen: number;
  /** Bytes exchanged with an online peer since it connected (encrypted frames as sent on the data channel). */
  traffic?: { sent: number; received: number };
}

export interface SyncStatus {
  state: SyncState;
  signalingUrl: string;
  relayUrl: string;
  relay: RelayState;
  peers: SyncPeerStatus[];
  /** Changes made on this device while neither a peer nor the relay was connected to receive them. */
  pendingChanges: number;
  /** When a peer or the relay last confirmed both sides hold everything the other had. */
  lastFullSync: number | null;
  /** What was refused from peers or the server since the leader started (untrusted input, DESIGN §8). */
  issues: SyncLogEntry[];
}

export interface SyncInvite {
  workspaceId: string;
  secret: string;
  signalingUrl: string;
  relayUrl: string;
}

export interface SyncSettings {
  signalingUrl?: string;
  relayUrl?: string;
  secret?: string;
}

export interface SyncServiceOptions {
  /** Node tests pass the `ws` package's WebSocket; browsers use their own. */
  connect?: (url: string) => SocketLike;
  createPeerConnection?: () => PeerConnectionLike;
  reannounceMs?: number;
  /** The relay's WebSocket class in Node tests. */
  relayWebSocket?: unknown;
}

type KnownPeer = Omit<SyncPeerStatus, 'online' | 'syncing'>;

const KEYS = {
  signalingUrl: 'sync.signalingUrl',
  relayUrl: 'sync.relayUrl',
  secret: 'sync.secret',
  pendingChanges: 'sync.pendingChanges',
  lastFullSync: 'sync.lastFullSync',
  peers: 'sync.peers',
} as const;

/** How long a first connection attempt counts as "connecting" before the server counts as unreachable. */
const CONNECTING_GRACE_MS = 5000;
const ISSUES_KEPT = 20;

export class InvalidSyncSettingError extends Error {
  override readonly name = 'InvalidSyncSettingError';
}

export class SyncService {
  private signalingUrl = '';
  private relayUrl = '';
  private relay: RelayLink | undefined;
  private relayWasSynced = false;
  private secret: string;
  private pendingChanges = 0;
  private lastFullSync: number | null = null;
  private readonly knownPeers = new Map<string, KnownPeer>();
  private readonly issues: SyncLogEntry[] = [];
  private readonly trackedDocs = new Set<Y.Doc>();
  private readonly syncedSessions = new WeakSet<PeerSession>();
  private mesh: PeerMesh | undefined;
  private signaling: SignalingClient | undefined;
  private startedAt = 0;
  private keys: Promise<WorkspaceKeys> | undefined;
  private generation = 0;
  private stopped = false;
  /** The write of the counters under way, and whether they changed again since it began. */
  private saving: Promise<void> | undefined;
  private dirty = false;
  private countedThisTurn = false;
  /** Settles once the counters and settings kept on the device are loaded: status before that would be wrong. */
  readonly loaded: Promise<void>;
  private markLoaded: () => void = () => {};
  private countersRead = false;
  private readonly cleanups: (() => void)[] = [];
  private meshCleanups: (() => void)[] = [];

  constructor(
    private readonly engine: WorkspaceEngine,
    private readonly identity: WorkspaceIdentity,
    private readonly options: SyncServiceOptions = {},
  ) {
    this.secret = identity.secret;
    this.loaded = new Promise((resolve) => (this.markLoaded = resolve));
  }

  async start(): Promise<void> {
    // Counting starts before the stored counters are read: a command may arrive while they load, and a change it
    // makes is pending all the same.
    for (const name of this.engine.docs.openNames()) {
      const doc = this.engine.docs.get(name);
      if (doc) this.track(name, doc);
    }
    this.cleanups.push(this.engine.docs.onOpened(({ name, doc }) => this.track(name, doc)));
    try {
      const rows = await this.engine.db.device.bulkGet(Object.values(KEYS));
      const [url, relayUrl, secret, pending, lastFullSync, peers] = rows.map((row) => row?.value);
      if (typeof url === 'string') this.signalingUrl = url;
      if (typeof relayUrl === 'string') this.relayUrl = relayUrl;
      // The leader may be a tab opened before this device's secret was rotated: the last secret set here wins.
      if (typeof secret === 'string') this.secret = secret;
      if (typeof pending === 'number') this.pendingChanges += pending;
      if (typeof lastFullSync === 'number') this.lastFullSync = lastFullSync;
      if (Array.isArray(peers)) for (const peer of peers as KnownPeer[]) this.knownPeers.set(peer.deviceId, peer);
      this.countersRead = true;
    } finally {
      // Settled even when the read fails, so status and stop never wait for it; `save` then leaves the stored
      // counters as they are rather than write a partial count over them.
      this.markLoaded();
    }
    if (this.stopped) return;
    await this.restart();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closeMesh();
    this.closeRelay();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    await this.saving;
    await this.save();
  }

  /** Settles once the changes made so far are on their way to the connected peers (sealed, in their channels). */
  async flushed(): Promise<void> {
    await this.mesh?.flushed();
  }

  /** Changes the servers or the secret (a rotation, or an invite with a newer one); restarts if anything changed. */
  async configure(settings: SyncSettings): Promise<void> {
    const url = settings.signalingUrl?.trim() ?? this.signalingUrl;
    const relayUrl = settings.relayUrl?.trim() ?? this.relayUrl;
    for (const address of [url, relayUrl]) {
      if (address !== '' && !isSignalingUrl(address)) throw new InvalidSyncSettingError(`"${address}" is not a ws:// or wss:// address`);
    }
    const secret = settings.secret ?? this.secret;
    secretBytes(secret);
    if (url === this.signalingUrl && relayUrl === this.relayUrl && secret === this.secret) return;
    this.signalingUrl = url;
    this.relayUrl = relayUrl;
    this.secret = secret;
    await this.engine.db.device.bulkPut([
      { key: KEYS.signalingUrl, value: url },
      { key: KEYS.relayUrl, value: relayUrl },
      { key: KEYS.secret, value: secret },
    ]);
    await this.restart();
  }

  invite(): SyncInvite {
    return { workspaceId: this.identity.workspaceId, secret: this.secret, signalingUrl: this.signalingUrl, relayUrl: this.relayUrl };
  }

  status(): SyncStatus {
    if (this.relay) this.handleRelayChange(this.relay);
    const sessions = this.mesh?.sessions() ?? [];
    const live = new Map<string, SyncPeerStatus>();
    for (const session of sessions) {
      const presence = session.remote.presence;
      if (!presence || session.state === 'closed') continue;
      const syncing = session.state !== 'synced';
      live.set(presence.deviceId, {
        deviceId: presence.deviceId,
        memberId: presence.memberId,
        displayName: presence.displayName,
        online: true,
        syncing,
        lastSeen: session.remote.lastSeen ?? now(),
        traffic: { sent: session.stats.bytesSent, received: session.stats.bytesReceived },
      });
    }
    const offline = [...this.knownPeers.values()]
      .filter((peer) => !live.has(peer.deviceId))
      .map((peer) => ({ ...peer, online: false, syncing: false }));
    const peers = [...live.values(), ...offline].sort((a, b) => Number(b.online) - Number(a.online) || b.lastSeen - a.lastSeen);
    return {
      state: this.state(sessions),
      signalingUrl: this.signalingUrl,
      relayUrl: this.relayUrl,
      relay: this.relay?.state() ?? 'off',
      peers,
      pendingChanges: this.pendingChanges,
      lastFullSync: this.lastFullSync,
      issues: [...this.issues],
    };
  }

  async exportFile(): Promise<Uint8Array> {
    return exportSyncFile(this.engine.docs, await this.currentKeys());
  }

  async importFile(file: Uint8Array): Promise<SyncFileImport> {
    const result = await importSyncFile(this.engine.docs, await this.currentKeys(), file);
    await this.engine.projection.idle();
    return result;
  }

  private currentKeys(): Promise<WorkspaceKeys> {
    this.keys ??= deriveWorkspaceKeys(this.identity.workspaceId, this.secret);
    return this.keys;
  }

  private state(sessions: readonly PeerSession[]): SyncState {
    if (!this.mesh && !this.relay) return 'off';
    const open = sessions.filter((session) => session.state !== 'closed');
    const relay = this.relay?.state();
    if (open.some((session) => session.state !== 'synced') || (relay === 'online' && !this.relay?.synced())) return 'syncing';
    if (open.length > 0 || this.signaling?.status === 'open' || relay === 'online') return 'online';
    return now() - this.startedAt < CONNECTING_GRACE_MS ? 'connecting' : 'offline';
  }

  private async restart(): Promise<void> {
    this.closeMesh();
    this.closeRelay();
    this.keys = undefined;
    const generation = (this.generation += 1);
    if (this.stopped || (!this.signalingUrl && !this.relayUrl)) return;
    const keys = await this.currentKeys();
    const credentials = this.relayUrl ? await relayCredentials(keys) : undefined;
    if (generation !== this.generation || this.stopped) return;
    this.startedAt = now();
    if (credentials) this.startRelay(credentials);
    if (this.signalingUrl) this.startMesh(keys);
  }

  private startRelay(credentials: Awaited<ReturnType<typeof relayCredentials>>): void {
    const relay = new RelayLink({
      url: this.relayUrl,
      credentials,
      docs: this.engine.docs,
      onChange: () => this.handleRelayChange(relay),
      ...(this.options.relayWebSocket ? { WebSocketPolyfill: this.options.relayWebSocket } : {}),
    });
    this.relay = relay;
    this.relayWasSynced = false;
    relay.start().catch((error: unknown) => this.record({ code: 'signaling_error', detail: `relay ${this.relayUrl}: ${String(error)}` }));
  }

  private closeRelay(): void {
    this.relay?.close();
    this.relay = undefined;
  }

  private handleRelayChange(relay: RelayLink): void {
    if (relay !== this.relay) return;
    const synced = relay.synced();
    if (synced && !this.relayWasSynced) {
      this.pendingChanges = 0;
      this.lastFullSync = now();
      this.saveSoon();
    }
    this.relayWasSynced = synced;
  }

  private startMesh(keys: WorkspaceKeys): void {
    const { connect, createPeerConnection, reannounceMs } = this.options;
    const peerId = newId();
    const log = (entry: SyncLogEntry) => this.record(entry);
    const signaling = new SignalingClient({ url: this.signalingUrl, keys, peerId, log, ...(connect ? { connect } : {}) });
    const { memberId, displayName, deviceId } = this.identity;
    const mesh = new PeerMesh({
      docs: this.engine.docs,
      keys,
      signaling,
      peerId,
      presence: () => ({ memberId, displayName, deviceId }),
      log,
      ...(createPeerConnection ? { createPeerConnection } : {}),
      ...(reannounceMs !== undefined ? { reannounceMs } : {}),
    });
    this.signaling = signaling;
    this.mesh = mesh;
    this.meshCleanups = [mesh.onChange(() => this.handleMeshChange(mesh))];
    mesh.start();
  }

  private closeMesh(): void {
    for (const cleanup of this.meshCleanups.splice(0)) cleanup();
    this.mesh?.close();
    this.mesh = undefined;
    this.signaling = undefined;
  }

  private handleMeshChange(mesh: PeerMesh): void {
    for (const session of mesh.sessions()) {
      const presence = session.remote.presence;
      if (presence) {
        const { memberId, displayName, deviceId } = presence;
        this.knownPeers.set(deviceId, { memberId, displayName, deviceId, lastSeen: session.remote.lastSeen ?? now() });
      }
      if (session.state === 'synced' && !this.syncedSessions.has(session)) {
        this.syncedSessions.add(session);
        this.pendingChanges = 0;
        this.lastFullSync = now();
      }
    }
    this.saveSoon();
  }

  /**
   * Counts this device's own changes to records made while nothing streams them; a change from a peer or the relay
   * is not pending. A command also writes an audit entry and sometimes meta (a new shard's name), often after
   * loading that document, so only record documents count, and their updates in one turn count as one change.
   */
  private track(name: string, doc: Y.Doc): void {
    if (this.trackedDocs.has(doc) || name === META_DOC || isAuditDoc(name)) return;
    this.trackedDocs.add(doc);
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin instanceof PeerSession || this.relay?.isRelayOrigin(origin) || this.streaming() || this.countedThisTurn) return;
      this.countedThisTurn = true;
      setTimeout(() => (this.countedThisTurn = false), 0);
      this.pendingChanges += 1;
      this.saveSoon();
    };
    const onDestroy = () => {
      doc.off('update', onUpdate);
      this.trackedDocs.delete(doc);
    };
    doc.on('update', onUpdate);
    doc.once('destroy', onDestroy);
    this.cleanups.push(() => {
      doc.off('update', onUpdate);
      doc.off('destroy', onDestroy);
    });
  }

  private streaming(): boolean {
    if (this.relay?.state() === 'online') return true;
    return (this.mesh?.sessions() ?? []).some((session) => session.state === 'syncing' || session.state === 'synced');
  }

  private record(entry: SyncLogEntry): void {
    consoleSyncLog(entry);
    this.issues.push({ ...entry });
    if (this.issues.length > ISSUES_KEPT) this.issues.shift();
  }

  /**
   * Writes the counters at once (a tab may close right after a change), one write at a time: changes made while a
   * write is under way go out in the next one.
   */
  private saveSoon(): void {
    if (this.saving) {
      this.dirty = true;
      return;
    }
    this.saving = this.save()
      .catch((error: unknown) => console.error('[sync] could not save the sync counters', error))
      .finally(() => {
        this.saving = undefined;
        if (!this.dirty) return;
        this.dirty = false;
        this.saveSoon();
      });
  }

  private async save(): Promise<void> {
    // Before the stored counters are loaded, this device's count is only part of the total.
    await this.loaded;
    if (!this.countersRead) return;
    await this.engine.db.device.bulkPut([
      { key: KEYS.pendingChanges, value: this.pendingChanges },
      { key: KEYS.lastFullSync, value: this.lastFullSync },
      { key: KEYS.peers, value: [...this.knownPeers.values()] },
    ]);
  }
}

const services = new WeakMap<WorkspaceEngine, SyncService>();

/** The running sync of the leader's engine, for the sync API. */
export function syncServiceOf(engine: WorkspaceEngine): SyncService | undefined {
  return services.get(engine);
}

/** A LeaderService (leaderApi.ts): peer sync starts with the leader's engine and stops with it. */
export function startSyncService(
  engine: WorkspaceEngine,
  identity: WorkspaceIdentity,
  options?: SyncServiceOptions,
): { stop: () => Promise<void>; flushed: () => Promise<void> } {
  const service = new SyncService(engine, identity, options);
  services.set(engine, service);
  const started = service.start().catch((error: unknown) => console.error('[sync] could not start', error));
  return {
    stop: async () => {
      await started;
      await service.stop();
      services.delete(engine);
    },
    flushed: () => service.flushed(),
  };
}

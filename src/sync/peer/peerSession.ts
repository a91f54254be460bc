import * as Y from 'yjs';
import type { PeerChannel } from './channel';
import { newChallenge, proveSecret, verifySecretProof, type WorkspaceKeys } from './crypto';
import type { SyncLog } from './log';
import { checkUpdate, decodeMessage, encodeMessage, PROTOCOL_VERSION, type PeerMessage, type Presence } from './protocol';

/** What a session needs of the workspace's documents; WorkspaceDocs provides it. */
export interface SyncedDocs {
  open(name: string): Promise<Y.Doc>;
  get(name: string): Y.Doc | undefined;
  openNames(): string[];
  knownNames(): Promise<string[]>;
  onOpened(listener: (load: { name: string; doc: Y.Doc }) => void): () => void;
}

export type SessionState = 'handshake' | 'syncing' | 'synced' | 'closed';

export interface SessionStats {
  messagesSent: number;
  bytesSent: number;
  /** Every message taken from the channel, dropped ones included. */
  messagesReceived: number;
  bytesReceived: number;
  dropped: number;
}

export interface RemotePeer {
  /** Known once the peer has said hello; trusted once state leaves 'handshake'. */
  peerId: string | undefined;
  presence: Presence | undefined;
  /** This device's clock when the last valid message came, epoch ms. */
  lastSeen: number | undefined;
}

export interface SessionOptions {
  docs: SyncedDocs;
  /** Ordered and reliable; for WebRTC, framed and encrypted (channel.ts). */
  channel: PeerChannel;
  keys: WorkspaceKeys;
  /** This device's id on the channel (its signaling peer id); proofs are bound to it. */
  peerId: string;
  presence: () => Omit<Presence, 'at'>;
  log: SyncLog;
  now?: () => number;
  presenceIntervalMs?: number;
}

const PRESENCE_INTERVAL_MS = 15_000;

/**
 * Keeps a workspace in step with one other device over one channel. Both sides prove they hold the workspace secret
 * (HMAC of the other's challenge) before either sends a byte of data; then each sends the names of every document it
 * knows and a state vector per document, answers the other's state vectors with what they lack, and from then on
 * streams each change. Remote changes are applied with this session as the transaction origin, so they are not sent
 * back; changes from other sessions are passed on, so a partial mesh still converges.
 *
 * Incoming messages are handled one at a time in arrival order (opening a document is asynchronous). A malformed or
 * unauthenticated message is logged and dropped whole; nothing thrown escapes the channel's handler.
 */
export class PeerSession {
  state: SessionState = 'handshake';
  readonly remote: RemotePeer = { peerId: undefined, presence: undefined, lastSeen: undefined };
  readonly stats: SessionStats = { messagesSent: 0, bytesSent: 0, messagesReceived: 0, bytesReceived: 0, dropped: 0 };
  /** Resolves once every document both sides knew at connection time is in step (never, if the session fails). */
  readonly synced: Promise<void>;

  private readonly challenge = newChallenge();
  private readonly attached = new Map<string, { doc: Y.Doc; detach: () => void }>();
  /** Documents whose sync step 2 has not come back yet. */
  private readonly awaiting = new Set<string>();
  private readonly queue: Uint8Array[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private draining = false;
  private verified = false;
  private docListReceived = false;
  private resolveSynced: () => void = () => {};
  private stopOpened: () => void = () => {};
  private presenceTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
    this.synced = new Promise((resolve) => (this.resolveSynced = resolve));
    options.channel.onMessage((data) => this.receive(data));
    options.channel.onClose(() => this.close());
    this.send({ type: 'hello', version: PROTOCOL_VERSION, peerId: options.peerId, challenge: this.challenge });
  }

  /** Called on any change of state, presence or stats worth showing; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every message received so far has been handled. */
  whenIdle(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Settles once every message sent so far has left this session's channel layers (sealed and handed over). */
  flushed(): Promise<void> {
    return this.options.channel.flushed?.() ?? Promise.resolve();
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.stopOpened();
    if (this.presenceTimer !== undefined) clearInterval(this.presenceTimer);
    for (const { detach } of this.attached.values()) detach();
    this.attached.clear();
    this.queue.length = 0;
    this.options.channel.close();
    this.notify();
  }

  private receive(data: Uint8Array): void {
    if (this.state === 'closed') return;
    this.stats.messagesReceived += 1;
    this.stats.bytesReceived += data.byteLength;
    this.queue.push(data);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    for (let data = this.queue.shift(); data && this.state !== 'closed'; data = this.queue.shift()) {
      const decoded = decodeMessage(data);
      if (!decoded.ok) {
        this.drop('malformed_message', `${data.byteLength}-byte message: ${decoded.reason}`);
        continue;
      }
      try {
        await this.handle(decoded.message);
      } catch (error) {
        this.drop('malformed_message', `${decoded.message.type}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.draining = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private drop(code: 'malformed_message' | 'bad_update' | 'unauthenticated', detail: string): void {
    this.stats.dropped += 1;
    this.options.log({ code, detail: `from ${this.remote.peerId ?? 'unknown peer'}: ${detail}; dropped` });
  }

  private async handle(message: PeerMessage): Promise<void> {
    if (message.type === 'hello') return this.handleHello(message);
    if (message.type === 'proof') return this.handleProof(message.proof);
    if (!this.verified) return this.drop('unauthenticated', `${message.type} before the peer proved the workspace secret`);
    this.remote.lastSeen = this.now();
    switch (message.type) {
      case 'docList':
        this.docListReceived = true;
        for (const name of message.names) await this.attach(name);
        this.checkSynced();
        return;
      case 'syncStep1': {
        const doc = await this.attach(message.doc);
        this.send({ type: 'syncStep2', doc: message.doc, update: Y.encodeStateAsUpdate(doc, message.stateVector) });
        return;
      }
      case 'syncStep2':
      case 'update': {
        const problem = checkUpdate(message.update);
        if (problem) return this.drop('bad_update', `${message.type} of ${message.doc}: ${problem}`);
        const doc = await this.attach(message.doc);
        Y.applyUpdate(doc, message.update, this);
        if (message.type === 'syncStep2') {
          this.awaiting.delete(message.doc);
          this.checkSynced();
        }
        return;
      }
      case 'presence':
        this.remote.presence = message.presence;
        this.notify();
        return;
    }
  }

  private async handleHello(message: Extract<PeerMessage, { type: 'hello' }>): Promise<void> {
    if (message.version !== PROTOCOL_VERSION) {
      this.options.log({ code: 'protocol_version', detail: `peer ${message.peerId} speaks version ${message.version}, this device ${PROTOCOL_VERSION}` });
      return this.close();
    }
    if (this.remote.peerId !== undefined || message.peerId === this.options.peerId) {
      return this.drop('malformed_message', `hello from ${message.peerId} (already greeted, or our own id)`);
    }
    this.remote.peerId = message.peerId;
    this.send({ type: 'proof', proof: await proveSecret(this.options.keys, message.challenge, this.options.peerId) });
  }

  private async handleProof(proof: Uint8Array): Promise<void> {
    const peerId = this.remote.peerId;
    if (peerId === undefined || this.verified) return this.drop('malformed_message', 'proof out of turn');
    if (!(await verifySecretProof(this.options.keys, this.challenge, peerId, proof))) {
      this.options.log({ code: 'proof_rejected', detail: `peer ${peerId} could not prove the workspace secret; disconnected` });
      return this.close();
    }
    this.verified = true;
    this.remote.lastSeen = this.now();
    this.state = 'syncing';
    this.notify();
    this.stopOpened = this.options.docs.onOpened(({ name, doc }) => this.attachDoc(name, doc));
    const names = await this.options.docs.knownNames();
    this.send({ type: 'docList', names });
    for (const name of names) await this.attach(name);
    for (const name of this.options.docs.openNames()) await this.attach(name);
    // The channel may have closed while documents were loading.
    if (this.isClosed()) return;
    this.sendPresence();
    this.presenceTimer = setInterval(() => this.sendPresence(), this.options.presenceIntervalMs ?? PRESENCE_INTERVAL_MS);
  }

  private isClosed(): boolean {
    return this.state === 'closed';
  }

  private async attach(name: string): Promise<Y.Doc> {
    const doc = await this.options.docs.open(name);
    this.attachDoc(name, doc);
    return doc;
  }

  /** Streams the document's changes to the peer and asks for what it lacks; once per document instance. */
  private attachDoc(name: string, doc: Y.Doc): void {
    if (this.state === 'closed' || this.attached.get(name)?.doc === doc) return;
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send({ type: 'update', doc: name, update });
    };
    // A released document (an old quarter leaving memory) is re-attached when it is opened again.
    const onDestroy = () => {
      if (this.attached.get(name)?.doc === doc) this.attached.delete(name);
    };
    doc.on('update', onUpdate);
    doc.on('destroy', onDestroy);
    this.attached.set(name, {
      doc,
      detach: () => {
        doc.off('update', onUpdate);
        doc.off('destroy', onDestroy);
      },
    });
    this.awaiting.add(name);
    if (this.state === 'synced') this.state = 'syncing';
    this.send({ type: 'syncStep1', doc: name, stateVector: Y.encodeStateVector(doc) });
  }

  private checkSynced(): void {
    if (this.state !== 'syncing' || !this.docListReceived || this.awaiting.size > 0) return;
    this.state = 'synced';
    this.resolveSynced();
    this.notify();
  }

  private sendPresence(): void {
    this.send({ type: 'presence', presence: { ...this.options.presence(), at: this.now() } });
  }

  private send(message: PeerMessage): void {
    if (this.state === 'closed') return;
    const data = encodeMessage(message);
    this.stats.messagesSent += 1;
    this.stats.bytesSent += data.byteLength;
    try {
      this.options.channel.send(data);
    } catch (error) {
      // Called from document update handlers: a throw must not reach Yjs. The peer missed a message, so the session
      // ends; the next one starts with a full state-vector exchange and loses nothing.
      this.options.log({ code: 'send_failed', detail: `${message.type} of ${data.byteLength} bytes: ${String(error)}; session closed` });
      this.close();
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

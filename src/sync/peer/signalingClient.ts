import { DecryptError, fromBase64Url, open, seal, toBase64Url, type WorkspaceKeys } from './crypto';
import type { SyncLog } from './log';

// The device's side of the signaling server (scripts/signal.mjs, y-webrtc's protocol): it joins the workspace's
// topic, announces itself, and passes WebRTC offers, answers and ICE candidates to named peers. Every payload is
// sealed with the workspace's signaling key and the topic is derived from the secret, so the server (and anyone
// on it without the secret) sees only opaque bytes in an opaque room.

/** What devices say to each other through the server; `data` is the WebRTC layer's (SDP or ICE candidate). */
export type SignalMessage = { kind: 'announce'; from: string } | { kind: 'signal'; from: string; to: string; data: unknown };

export type SignalingStatus = 'connecting' | 'open' | 'closed';

/** The part of the WebSocket API used here; a browser WebSocket and the `ws` package's both fit. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
}

export interface SignalingOptions {
  url: string;
  keys: WorkspaceKeys;
  /** This device's id among the workspace's peers (random per session, so two tabs never collide). */
  peerId: string;
  log: SyncLog;
  connect?: (url: string) => SocketLike;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often to ping; a server silent for 2.5 intervals counts as gone. */
  pingIntervalMs?: number;
  random?: () => number;
}

const OPEN = 1;
const MAX_PEER_ID_CHARS = 128;
const MAX_SIGNAL_CHARS = 64 * 1024;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function isPeerId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_PEER_ID_CHARS;
}

/** Checks the shape of a decrypted payload; undefined when it is not a signal message. */
function asSignalMessage(value: unknown): SignalMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (!isPeerId(message.from)) return undefined;
  if (message.kind === 'announce') return { kind: 'announce', from: message.from };
  if (message.kind === 'signal' && isPeerId(message.to) && message.data !== undefined) {
    return { kind: 'signal', from: message.from, to: message.to, data: message.data };
  }
  return undefined;
}

/**
 * Keeps one connection to a signaling server: reconnects with exponential backoff (with jitter, so a restarted
 * server is not stampeded), re-subscribes and re-announces after each reconnect, and hands on only messages that
 * open under the workspace's key and are addressed to everyone or to this device.
 */
export class SignalingClient {
  status: SignalingStatus = 'closed';
  private socket: SocketLike | undefined;
  private attempts = 0;
  private stopped = true;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private sending = Promise.resolve();
  private receiving = Promise.resolve();
  private readonly messageListeners = new Set<(message: SignalMessage) => void>();
  private readonly statusListeners = new Set<(status: SignalingStatus) => void>();

  constructor(private readonly options: SignalingOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.drop();
    this.setStatus('closed');
  }

  onMessage(listener: (message: SignalMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onStatus(listener: (status: SignalingStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Tells every device in the room that this one is here (they answer by signalling it an offer). */
  announce(): Promise<void> {
    return this.publish({ kind: 'announce', from: this.options.peerId });
  }

  signal(to: string, data: unknown): Promise<void> {
    return this.publish({ kind: 'signal', from: this.options.peerId, to, data });
  }

  /** Sealed in order; dropped (not queued) while the server is unreachable, as WebRTC signals go stale anyway. */
  private publish(message: SignalMessage): Promise<void> {
    const text = JSON.stringify(message);
    if (text.length > MAX_SIGNAL_CHARS) return Promise.reject(new RangeError(`signal of ${text.length} characters is over ${MAX_SIGNAL_CHARS}`));
    const sent = this.sending.then(async () => {
      const sealed = await seal(this.options.keys.signaling, utf8.encode(text));
      this.sendRaw({ type: 'publish', topic: this.options.keys.topic, data: toBase64Url(sealed) });
    });
    this.sending = sent.catch(() => {});
    return sent;
  }

  private sendRaw(message: object): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private connect(): void {
    this.setStatus('connecting');
    let socket: SocketLike;
    try {
      socket = (this.options.connect ?? ((url) => new WebSocket(url)))(this.options.url);
    } catch (error) {
      this.options.log({ code: 'signaling_error', detail: `cannot open ${this.options.url}: ${String(error)}` });
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.lastHeard = Date.now();
      this.setStatus('open');
      this.sendRaw({ type: 'subscribe', topics: [this.options.keys.topic] });
      void this.announce();
      this.startPing();
    };
    socket.onmessage = (event) => {
      this.lastHeard = Date.now();
      const data: unknown = event.data;
      this.receiving = this.receiving
        .then(() => this.receive(data))
        .catch((error: unknown) => this.options.log({ code: 'signaling_error', detail: `a signal listener failed: ${String(error)}` }));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.drop();
      this.scheduleReconnect();
    };
    // An error is always followed by close, which reconnects.
    socket.onerror = () => {};
  }

  private drop(): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    socket.close();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setStatus('connecting');
    const initial = this.options.initialBackoffMs ?? 500;
    const ceiling = Math.min(this.options.maxBackoffMs ?? 30_000, initial * 2 ** this.attempts);
    const delay = ceiling * (0.5 + (this.options.random ?? Math.random)() / 2);
    this.attempts += 1;
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private startPing(): void {
    const interval = this.options.pingIntervalMs ?? 20_000;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastHeard > interval * 2.5) {
        this.options.log({ code: 'signaling_error', detail: `${this.options.url} silent for ${Date.now() - this.lastHeard} ms; reconnecting` });
        this.drop();
        this.scheduleReconnect();
        return;
      }
      this.sendRaw({ type: 'ping' });
    }, interval);
  }

  private async receive(raw: unknown): Promise<void> {
    if (typeof raw !== 'string' || raw.length > MAX_SIGNAL_CHARS * 2) return;
    let envelope: unknown;
    try {
      envelope = JSON.parse(raw);
    } catch {
      this.options.log({ code: 'signal_rejected', detail: 'server sent text that is not JSON' });
      return;
    }
    if (typeof envelope !== 'object' || envelope === null) return;
    const { type, topic, data } = envelope as Record<string, unknown>;
    if (type !== 'publish' || topic !== this.options.keys.topic) return;
    let plaintext: Uint8Array;
    try {
      if (typeof data !== 'string') throw new DecryptError('no payload');
      plaintext = await open(this.options.keys.signaling, fromBase64Url(data));
    } catch (error) {
      this.options.log({ code: 'decrypt_failed', detail: `signal in the workspace room: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    let message: SignalMessage | undefined;
    try {
      message = asSignalMessage(JSON.parse(fromUtf8.decode(plaintext)));
    } catch {
      message = undefined;
    }
    if (!message) {
      this.options.log({ code: 'signal_rejected', detail: 'a sealed signal that is not an announce or signal message' });
      return;
    }
    if (message.from === this.options.peerId || (message.kind === 'signal' && message.to !== this.options.peerId)) return;
    for (const listener of this.messageListeners) listener(message);
  }

  private setStatus(status: SignalingStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of this.statusListeners) listener(status);
  }
}

import type { SyncLog } from './log';
import type { PeerConnectionLike } from './peerMesh';
import { dataChannelTransport, type DataChannelLike } from './webrtcChannel';

// Peer sync runs with the engine in a worker, but workers have no RTCPeerConnection. The worker's PeerMesh gets
// stand-ins (remotePeerConnections) whose every call travels to the tab that started the worker, where the real
// connections live (servePeerConnections). The tab keeps the data channel's back-pressure queue, so the worker can
// hand frames over as fast as it makes them and a full buffer never closes the channel.

type Operation = 'createOffer' | 'createAnswer' | 'setLocalDescription' | 'setRemoteDescription' | 'addIceCandidate';
type Description = { type: RTCSdpType; sdp: string };

type ToHost =
  | { rtc: 'connect'; pc: number }
  | { rtc: 'call'; pc: number; call: number; op: Operation; arg?: unknown }
  | { rtc: 'channel'; pc: number; ch: string; label: string; init?: RTCDataChannelInit }
  | { rtc: 'send'; ch: string; data: ArrayBuffer }
  | { rtc: 'closeChannel'; ch: string }
  | { rtc: 'close'; pc: number };

type FromHost =
  | { rtc: 'result'; call: number; ok: true; value: unknown; local: Description | null; remote: Description | null }
  | { rtc: 'result'; call: number; ok: false; error: string }
  | { rtc: 'ice'; pc: number; candidate: RTCIceCandidateInit | null }
  | { rtc: 'state'; pc: number; state: RTCPeerConnectionState }
  | { rtc: 'incoming'; pc: number; ch: string }
  | { rtc: 'message'; ch: string; data: ArrayBuffer }
  | { rtc: 'closed'; ch: string };

/** A Worker seen from its tab, or a worker's global scope seen from inside. */
export interface BridgePort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

function isBridgeMessage<T>(data: unknown): data is T {
  return typeof data === 'object' && data !== null && 'rtc' in data;
}

/** The worker's side of a data channel: always "open" to sends, which the tab queues until the real one opens. */
class RemoteDataChannel implements DataChannelLike {
  readyState: DataChannelLike['readyState'] = 'open';
  readonly bufferedAmount = 0;
  bufferedAmountLowThreshold = 0;
  binaryType = 'arraybuffer';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: Event) => void) | null = null;
  onbufferedamountlow: ((event: Event) => void) | null = null;

  constructor(
    readonly id: string,
    private readonly post: (message: ToHost, transfer?: Transferable[]) => void,
  ) {}

  send(data: Uint8Array<ArrayBuffer>): void {
    if (this.readyState !== 'open') return;
    // Frames may be views into one larger buffer: copy, so transferring one never detaches another.
    const copy = data.slice().buffer;
    this.post({ rtc: 'send', ch: this.id, data: copy }, [copy]);
  }

  close(): void {
    if (this.readyState === 'closed') return;
    this.post({ rtc: 'closeChannel', ch: this.id });
    this.closed();
  }

  closed(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.onclose?.(new Event('close'));
  }
}

class RemotePeerConnection implements PeerConnectionLike {
  localDescription: Description | null = null;
  remoteDescription: Description | null = null;
  connectionState: RTCPeerConnectionState = 'new';
  onicecandidate: ((event: RTCPeerConnectionIceEvent) => void) | null = null;
  ondatachannel: ((event: RTCDataChannelEvent) => void) | null = null;
  onconnectionstatechange: ((event: Event) => void) | null = null;

  constructor(
    readonly id: number,
    private readonly bridge: WorkerBridge,
  ) {
    bridge.post({ rtc: 'connect', pc: id });
  }

  createDataChannel(label: string, init?: RTCDataChannelInit): DataChannelLike {
    const channel = this.bridge.newChannel(`w${this.id}:${label}:${this.bridge.nextId()}`);
    this.bridge.post({ rtc: 'channel', pc: this.id, ch: channel.id, label, ...(init ? { init } : {}) });
    return channel;
  }

  createOffer(): Promise<RTCSessionDescriptionInit> {
    return this.call('createOffer') as Promise<RTCSessionDescriptionInit>;
  }

  createAnswer(): Promise<RTCSessionDescriptionInit> {
    return this.call('createAnswer') as Promise<RTCSessionDescriptionInit>;
  }

  async setLocalDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await this.call('setLocalDescription', description);
  }

  async setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
    await this.call('setRemoteDescription', description);
  }

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    await this.call('addIceCandidate', candidate);
  }

  close(): void {
    if (this.connectionState === 'closed') return;
    this.connectionState = 'closed';
    this.bridge.post({ rtc: 'close', pc: this.id });
    this.bridge.forget(this.id);
  }

  private async call(op: Operation, arg?: unknown): Promise<unknown> {
    const answer = await this.bridge.call({ pc: this.id, op, ...(arg === undefined ? {} : { arg }) });
    this.localDescription = answer.local;
    this.remoteDescription = answer.remote;
    return answer.value;
  }

  receive(message: Extract<FromHost, { pc: number }>): void {
    if (message.rtc === 'ice') {
      const { candidate } = message;
      this.onicecandidate?.({ candidate: candidate ? { toJSON: () => candidate } : null } as unknown as RTCPeerConnectionIceEvent);
    } else if (message.rtc === 'state') {
      this.connectionState = message.state;
      this.onconnectionstatechange?.(new Event('connectionstatechange'));
    } else {
      this.ondatachannel?.({ channel: this.bridge.newChannel(message.ch) } as unknown as RTCDataChannelEvent);
    }
  }
}

type Answer = Extract<FromHost, { rtc: 'result'; ok: true }>;

class WorkerBridge {
  private counter = 0;
  private readonly connections = new Map<number, RemotePeerConnection>();
  private readonly channels = new Map<string, RemoteDataChannel>();
  private readonly calls = new Map<number, { resolve: (answer: Answer) => void; reject: (error: Error) => void }>();

  constructor(private readonly port: BridgePort) {
    port.addEventListener('message', ({ data }) => {
      if (isBridgeMessage<FromHost>(data)) this.receive(data);
    });
  }

  nextId(): number {
    return (this.counter += 1);
  }

  post(message: ToHost, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  connection(): RemotePeerConnection {
    const connection = new RemotePeerConnection(this.nextId(), this);
    this.connections.set(connection.id, connection);
    return connection;
  }

  newChannel(id: string): RemoteDataChannel {
    const channel = new RemoteDataChannel(id, (message, transfer) => {
      this.post(message, transfer);
      if (message.rtc === 'closeChannel') this.channels.delete(id);
    });
    this.channels.set(id, channel);
    return channel;
  }

  forget(pc: number): void {
    this.connections.delete(pc);
  }

  call(request: { pc: number; op: Operation; arg?: unknown }): Promise<Answer> {
    const call = this.nextId();
    return new Promise((resolve, reject) => {
      this.calls.set(call, { resolve, reject });
      this.post({ rtc: 'call', call, ...request });
    });
  }

  private receive(message: FromHost): void {
    if (message.rtc === 'result') {
      const waiting = this.calls.get(message.call);
      this.calls.delete(message.call);
      if (message.ok) waiting?.resolve(message);
      else waiting?.reject(new Error(message.error));
    } else if (message.rtc === 'message') {
      this.channels.get(message.ch)?.onmessage?.({ data: message.data } as MessageEvent);
    } else if (message.rtc === 'closed') {
      this.channels.get(message.ch)?.closed();
      this.channels.delete(message.ch);
    } else {
      this.connections.get(message.pc)?.receive(message);
    }
  }
}

/** In the worker: a `createPeerConnection` for PeerMesh whose connections live in the tab at the other end of `port`. */
export function remotePeerConnections(port: BridgePort): () => PeerConnectionLike {
  const bridge = new WorkerBridge(port);
  return () => bridge.connection();
}

/**
 * In the tab: makes the RTCPeerConnections the worker at `port` asks for and relays their events and frames.
 * Returns the function that closes them all (the worker is going away).
 */
export function servePeerConnections(port: BridgePort, log: SyncLog, create: () => RTCPeerConnection = () => new RTCPeerConnection({ iceServers: [] })): () => void {
  const connections = new Map<number, RTCPeerConnection>();
  let incoming = 0;
  const transports = new Map<string, ReturnType<typeof dataChannelTransport>>();
  const post = (message: FromHost, transfer: Transferable[] = []) => port.postMessage(message, transfer);
  const description = (value: RTCSessionDescription | null): Description | null => (value ? { type: value.type, sdp: value.sdp } : null);

  const adopt = (id: string, channel: RTCDataChannel) => {
    const transport = dataChannelTransport(channel, log);
    transports.set(id, transport);
    transport.onMessage((frame) => {
      const data = frame.buffer as ArrayBuffer;
      post({ rtc: 'message', ch: id, data }, [data]);
    });
    transport.onClose(() => {
      transports.delete(id);
      post({ rtc: 'closed', ch: id });
    });
  };

  const connect = (pc: number) => {
    const connection = create();
    connections.set(pc, connection);
    connection.onicecandidate = ({ candidate }) => post({ rtc: 'ice', pc, candidate: candidate ? candidate.toJSON() : null });
    connection.onconnectionstatechange = () => post({ rtc: 'state', pc, state: connection.connectionState });
    connection.ondatachannel = ({ channel }) => {
      const id = `h${pc}:${(incoming += 1)}`;
      adopt(id, channel);
      post({ rtc: 'incoming', pc, ch: id });
    };
  };

  const call = async ({ pc, call, op, arg }: Extract<ToHost, { rtc: 'call' }>) => {
    const connection = connections.get(pc);
    try {
      if (!connection) throw new Error('the peer connection is closed');
      const method = connection[op] as (value?: unknown) => Promise<unknown>;
      const value = await method.call(connection, arg);
      post({ rtc: 'result', call, ok: true, value: value ?? null, local: description(connection.localDescription), remote: description(connection.remoteDescription) });
    } catch (error) {
      post({ rtc: 'result', call, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const listener = ({ data }: MessageEvent) => {
    if (!isBridgeMessage<ToHost>(data)) return;
    const message = data;
    if (message.rtc === 'connect') connect(message.pc);
    else if (message.rtc === 'call') void call(message);
    else if (message.rtc === 'channel') {
      const connection = connections.get(message.pc);
      if (connection) adopt(message.ch, connection.createDataChannel(message.label, message.init));
    } else if (message.rtc === 'send') transports.get(message.ch)?.send(new Uint8Array(message.data));
    else if (message.rtc === 'closeChannel') transports.get(message.ch)?.close();
    else {
      connections.get(message.pc)?.close();
      connections.delete(message.pc);
    }
  };
  port.addEventListener('message', listener);
  return () => {
    port.removeEventListener('message', listener);
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}

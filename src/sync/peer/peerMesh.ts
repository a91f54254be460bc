import type { WorkspaceKeys } from './crypto';
import type { SyncLog } from './log';
import { PeerSession, type SessionOptions, type SyncedDocs } from './peerSession';
import type { SignalingClient, SignalMessage } from './signalingClient';
import { webrtcPeerChannel, type DataChannelLike } from './webrtcChannel';

// Every device with the workspace open keeps one WebRTC connection to every other one it meets through the
// signaling server, and runs one PeerSession over each. Who calls whom is settled by peer id (the smaller id
// sends the offer), so two devices that announce at once do not both dial.

/** The members of RTCPeerConnection used here, so tests can stand in a fake. */
export interface PeerConnectionLike {
  createDataChannel(label: string, init?: RTCDataChannelInit): DataChannelLike;
  createOffer(): Promise<RTCSessionDescriptionInit>;
  createAnswer(): Promise<RTCSessionDescriptionInit>;
  setLocalDescription(description: RTCSessionDescriptionInit): Promise<void>;
  setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void>;
  readonly localDescription: { type: RTCSdpType; sdp: string } | null;
  readonly remoteDescription: { type: RTCSdpType; sdp: string } | null;
  addIceCandidate(candidate: RTCIceCandidateInit): Promise<void>;
  readonly connectionState: RTCPeerConnectionState;
  onicecandidate: ((event: RTCPeerConnectionIceEvent) => void) | null;
  ondatachannel: ((event: RTCDataChannelEvent) => void) | null;
  onconnectionstatechange: ((event: Event) => void) | null;
  close(): void;
}

export interface MeshOptions {
  docs: SyncedDocs;
  keys: WorkspaceKeys;
  signaling: SignalingClient;
  /** Must be the signaling client's peer id. */
  peerId: string;
  presence: SessionOptions['presence'];
  log: SyncLog;
  /** Loopback and LAN need no ICE servers (DESIGN §5); a team across networks adds its STUN/TURN here. */
  createPeerConnection?: () => PeerConnectionLike;
  /** Before a lost peer is invited to reconnect by a new announcement. */
  reannounceMs?: number;
}

type SignalData = { description: { type: 'offer' | 'answer'; sdp: string } } | { candidate: RTCIceCandidateInit };

const MAX_SDP_CHARS = 60_000;
const MAX_CANDIDATE_CHARS = 2_000;

/** A peer's offer, answer or ICE candidate, checked field by field; undefined for anything else. */
function parseSignalData(data: unknown): SignalData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { description, candidate } = data as Record<string, unknown>;
  if (typeof description === 'object' && description !== null) {
    const { type, sdp } = description as Record<string, unknown>;
    if ((type === 'offer' || type === 'answer') && typeof sdp === 'string' && sdp.length <= MAX_SDP_CHARS) return { description: { type, sdp } };
    return undefined;
  }
  if (typeof candidate === 'object' && candidate !== null) {
    const fields = candidate as Record<string, unknown>;
    const mid = fields.sdpMid ?? null;
    const index = fields.sdpMLineIndex ?? null;
    if (typeof fields.candidate !== 'string' || fields.candidate.length > MAX_CANDIDATE_CHARS) return undefined;
    if ((mid !== null && typeof mid !== 'string') || (index !== null && !Number.isInteger(index))) return undefined;
    return { candidate: { candidate: fields.candidate, sdpMid: mid as string | null, sdpMLineIndex: index as number | null } };
  }
  return undefined;
}

interface PeerLink {
  connection: PeerConnectionLike;
  initiator: boolean;
  session: PeerSession | undefined;
  /** ICE candidates that came before the remote description. */
  candidates: RTCIceCandidateInit[];
}

export class PeerMesh {
  private readonly links = new Map<string, PeerLink>();
  private readonly listeners = new Set<() => void>();
  private stopSignals: () => void = () => {};
  private reannounceTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = true;

  constructor(private readonly options: MeshOptions) {}

  start(): void {
    if (!this.closed) return;
    this.closed = false;
    this.stopSignals = this.options.signaling.onMessage((message) => void this.handleSignal(message));
    this.options.signaling.start();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.reannounceTimer);
    this.stopSignals();
    for (const [peerId, link] of [...this.links]) this.drop(peerId, link);
    this.options.signaling.close();
  }

  /** The sessions with connected peers (their state, presence and traffic), for Settings › Sync. */
  sessions(): PeerSession[] {
    return [...this.links.values()].flatMap((link) => (link.session ? [link.session] : []));
  }

  /** Settles once every session has handed what was sent so far to its transport. */
  async flushed(): Promise<void> {
    await Promise.all(this.sessions().map((session) => session.flushed()));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async handleSignal(message: SignalMessage): Promise<void> {
    if (this.closed) return;
    if (message.kind === 'announce') {
      if (this.links.has(message.from)) return;
      if (this.options.peerId < message.from) await this.call(message.from);
      // The other side has the smaller id: announcing back makes it call.
      else await this.options.signaling.announce();
      return;
    }
    const data = parseSignalData(message.data);
    if (!data) {
      this.options.log({ code: 'signal_rejected', detail: `from ${message.from}: not an offer, answer or ICE candidate` });
      return;
    }
    try {
      if ('candidate' in data) await this.addCandidate(message.from, data.candidate);
      else if (data.description.type === 'offer') await this.answer(message.from, data.description);
      else await this.accept(message.from, data.description);
    } catch (error) {
      this.options.log({ code: 'signal_rejected', detail: `from ${message.from}: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private async call(peerId: string): Promise<void> {
    const link = this.createLink(peerId, true);
    this.attach(peerId, link, link.connection.createDataChannel('rapport', { ordered: true }));
    const offer = await link.connection.createOffer();
    await link.connection.setLocalDescription(offer);
    await this.sendDescription(peerId, link);
  }

  private async answer(peerId: string, offer: RTCSessionDescriptionInit): Promise<void> {
    const existing = this.links.get(peerId);
    // Both dialled at once: the call from the smaller id wins.
    if (existing?.initiator && this.options.peerId < peerId) return;
    if (existing) this.drop(peerId, existing);
    const link = this.createLink(peerId, false);
    link.connection.ondatachannel = (event) => this.attach(peerId, link, event.channel);
    await link.connection.setRemoteDescription(offer);
    await this.flushCandidates(link);
    await link.connection.setLocalDescription(await link.connection.createAnswer());
    await this.sendDescription(peerId, link);
  }

  private async accept(peerId: string, answer: RTCSessionDescriptionInit): Promise<void> {
    const link = this.links.get(peerId);
    if (!link?.initiator || link.connection.remoteDescription) return;
    await link.connection.setRemoteDescription(answer);
    await this.flushCandidates(link);
  }

  private async addCandidate(peerId: string, candidate: RTCIceCandidateInit): Promise<void> {
    const link = this.links.get(peerId);
    if (!link) return;
    if (link.connection.remoteDescription) await link.connection.addIceCandidate(candidate);
    else link.candidates.push(candidate);
  }

  private async flushCandidates(link: PeerLink): Promise<void> {
    for (const candidate of link.candidates.splice(0)) await link.connection.addIceCandidate(candidate);
  }

  private async sendDescription(peerId: string, link: PeerLink): Promise<void> {
    const description = link.connection.localDescription;
    if (description) await this.options.signaling.signal(peerId, { description: { type: description.type, sdp: description.sdp } });
  }

  private createLink(peerId: string, initiator: boolean): PeerLink {
    const connection = (this.options.createPeerConnection ?? (() => new RTCPeerConnection({ iceServers: [] })))();
    const link: PeerLink = { connection, initiator, session: undefined, candidates: [] };
    connection.onicecandidate = ({ candidate }) => {
      if (candidate) void this.options.signaling.signal(peerId, { candidate: candidate.toJSON() });
    };
    connection.onconnectionstatechange = () => {
      if (connection.connectionState === 'failed' || connection.connectionState === 'closed') this.drop(peerId, link);
    };
    this.links.set(peerId, link);
    return link;
  }

  private attach(peerId: string, link: PeerLink, channel: DataChannelLike): void {
    if (this.links.get(peerId) !== link || link.session) return;
    const session = new PeerSession({
      docs: this.options.docs,
      channel: webrtcPeerChannel(channel, this.options.keys, this.options.log),
      keys: this.options.keys,
      peerId: this.options.peerId,
      presence: this.options.presence,
      log: this.options.log,
    });
    link.session = session;
    session.onChange(() => {
      if (session.state === 'closed') this.drop(peerId, link);
      this.notify();
    });
    this.notify();
  }

  private drop(peerId: string, link: PeerLink): void {
    if (this.links.get(peerId) !== link) return;
    this.links.delete(peerId);
    link.session?.close();
    link.connection.close();
    this.notify();
    if (this.closed) return;
    // The peer may still be online (a network blip): a fresh announcement lets whichever side dials call again.
    clearTimeout(this.reannounceTimer);
    this.reannounceTimer = setTimeout(() => void this.options.signaling.announce(), this.options.reannounceMs ?? 2000);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
